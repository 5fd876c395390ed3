/** What a CLI command may touch: its output streams. Tests pass recording ones. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Writes to the process's streams. */
export const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};
