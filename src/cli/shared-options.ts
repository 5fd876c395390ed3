/**
 * Option pieces several commands share: the gate's flags (their parseArgs spec and their reader)
 * and `--format` (its reader and the one place that prints a result in the chosen format).
 */
import { type GateOptions, defaultGateOptions } from '../analyze/gate.js';
import { type RunVerdict, exitCodeFor } from '../analyze/verdict.js';
import { readLimitRules } from '../settings/limits.js';
import { readChoice, readFraction } from '../settings/values.js';
import type { CliIO } from './io.js';

/** The gate's flags, for a command's parseArgs options. */
export const gateFlags = {
  'max-regression': { type: 'string' },
  alpha: { type: 'string' },
  correction: { type: 'string' },
  test: { type: 'string' },
} as const;

/** The values of the gate's flags, as parseArgs gives them. */
export interface GateFlagValues {
  'max-regression'?: string | undefined;
  alpha?: string | undefined;
  correction?: string | undefined;
  test?: string | undefined;
}

/** Reads the gate's flags into options (defaults plus the user's rules). */
export function readGateOptions(values: GateFlagValues): GateOptions {
  const options: GateOptions = { ...defaultGateOptions, rules: [...defaultGateOptions.rules] };
  if (values['max-regression'] !== undefined)
    options.rules.push(...readLimitRules('--max-regression', values['max-regression']));
  if (values.alpha !== undefined) options.alpha = readFraction('--alpha', values.alpha);
  if (values.correction !== undefined)
    options.correction = readChoice('--correction', values.correction, [
      'none',
      'holm',
      'bh',
    ] as const);
  if (values.test !== undefined)
    options.test = readChoice('--test', values.test, ['mann-whitney', 'wilcoxon'] as const);
  return options;
}

/** Reads `--format` among a command's formats; the first is the default. */
export function readFormat<const F extends string>(
  value: string | undefined,
  formats: readonly [F, ...F[]],
): F {
  return readChoice('--format', value ?? formats[0], formats);
}

/**
 * Prints a result in the chosen format: `json` is the model itself, every other format has its
 * renderer.
 */
export function printAs<F extends string>(
  io: CliIO,
  format: F,
  model: unknown,
  renderers: { [K in Exclude<F, 'json'>]: () => string },
): void {
  if (format === 'json') io.stdout(`${JSON.stringify(model, null, 2)}\n`);
  else io.stdout(renderers[format as Exclude<F, 'json'>]());
}

/**
 * The exit code of a verdict, saying why on stderr when nothing could be compared (one line), so
 * a script never reads "nothing compared" as a pass.
 */
export function gateExitCode(
  result: { verdict: RunVerdict; cause?: string | undefined },
  io: CliIO,
  command: string,
): number {
  if (result.verdict === 'no-comparison')
    io.stderr(`perfgate ${command}: ${result.cause ?? 'nothing to compare'}\n`);
  return exitCodeFor(result.verdict);
}
