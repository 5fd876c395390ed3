/**
 * An error caused by what the user gave us (a file, a flag, an input): shown as one line that names
 * the input and the cause, never with a stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** The exit code the command-line tool uses for it. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Raised by a parser when its input is not in the format it reads; the caller adds the file name. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
}

/** Turns a FormatError about `source` into a UserError naming it; other errors pass through. */
export function withSource(source: string, err: unknown): unknown {
  if (err instanceof FormatError) return new UserError(`${source}: ${err.message}`);
  return err;
}
