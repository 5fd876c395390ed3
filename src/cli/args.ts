import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags; unknown flags and missing values become one-line UserErrors. */
export function parseCommandArgs(command: string, argv: string[], options: Options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UserError(`perfgate ${command}: ${(err as Error).message.split('\n')[0]}`);
  }
}
