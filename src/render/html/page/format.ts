/**
 * Values and shares as `go tool pprof` prints them: the project's own pprof-units.ts, bundled
 * into the page, so the page, the text report and the comment print the same numbers.
 */
import { percentage, scaledLabel } from '../../../units/pprof-units.js';

/** A value in its unit, scaled as pprof does: 1.50MB, 10ms, 120. */
export function label(value: number, unit: string): string {
  return scaledLabel(value, unit);
}

/** A change: a positive one with its `+`. */
export function signed(value: number, unit: string): string {
  return (value > 0 ? '+' : '') + scaledLabel(value, unit);
}

/** A share of the total as pprof prints it, without its padding: 12.34%, 0.5%, 100%. */
export function share(value: number, total: number): string {
  return percentage(value, total).trim();
}
