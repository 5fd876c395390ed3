/** What a CLI command may touch: its output streams. Tests pass recording ones. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

// C0 controls but tab and line breaks, DEL and C1: a name from a profile or a benchmark output
// must not move the cursor, recolour or retitle the terminal it is printed on.
// eslint-disable-next-line no-control-regex
const terminalControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text for a terminal: control characters (ESC among them) removed. */
export function terminalText(text: string): string {
  return text.replace(terminalControls, '');
}

/** Writes to the process's streams. */
export const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(terminalText(text)),
  stderr: (text) => void process.stderr.write(terminalText(text)),
};

/**
 * A reader that stops reading (`perfgate top big.pb.gz | head -1`) ends the CLI quietly, as it
 * ends any Unix tool: no stack trace for a closed pipe.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}
