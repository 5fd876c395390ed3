import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags; unknown flags and missing values become one-line UserErrors. The
 * values keep parseArgs's inference: a `string` option is `string | undefined`, a `boolean` one
 * `boolean | undefined`, so no command needs a cast.
 */
export function parseCommandArgs<const O extends Options>(
  command: string,
  argv: string[],
  options: O,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true as const });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const option = /'(-[^']*)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
      throw new UserError(
        `perfgate ${command}: unknown option ${option} (see perfgate ${command} --help)`,
      );
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      const name = option.split(' ')[0]!;
      throw new UserError(
        /does not take an argument/.test(e.message)
          ? `perfgate ${command}: option ${name} takes no value`
          : `perfgate ${command}: option ${name} needs a value (write ${name}=VALUE for a value that starts with -)`,
      );
    }
    throw new UserError(`perfgate ${command}: ${e.message.split('. ')[0]}`);
  }
}
