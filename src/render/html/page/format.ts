/**
 * Values, shares and function names as the report page writes them: values as the PR comment
 * writes them (units/human.ts: bytes in IEC units, `1.50 MiB`; counts with digit grouping,
 * `1,787,921`; times in the unit that fits, `10.0 ms`), shares with two decimals and no exponent
 * (`<0.01%`), and names shortened from the left so that the method stays readable in a narrow
 * frame.
 */
import { shortFunctionName } from '../../../analyze/function-name.js';
import { formatProfileValue } from '../../../units/human.js';

/** A value in its sample type's unit, as the comment writes it: `5.40 GiB`, `770 ms`, `61,446`. */
export function label(value: number, unit: string): string {
  return formatProfileValue(value, unit);
}

/** A change: a positive one with its `+`. */
export function signed(value: number, unit: string): string {
  return (value > 0 ? '+' : '') + label(value, unit);
}

/** A share of the total with two decimals: `12.34%`, `0.50%`, `<0.01%`, `100%`. */
export function share(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio === 0) return '0%';
  if (ratio < 0.005) return '<0.01%';
  const s = ratio.toFixed(2);
  return s === '100.00' ? '100%' : `${s}%`;
}

/** Fewer characters than this show no name (an ellipsis and two letters say nothing). */
const MIN_CHARS = 4;

/**
 * The name shortened to at most `chars` characters, from the left: the package path goes first
 * (`encoding/json.(*decodeState).object` → `json.(*decodeState).object`), then type parameters
 * (`slices.SortFunc[…]`), then the package (`(*decodeState).object`), then leading characters
 * behind an ellipsis (`…State).object`). '' when fewer than four characters fit.
 */
export function fitName(name: string, chars: number): string {
  if (name.length <= chars) return name;
  const short = shortFunctionName(name);
  if (short.length <= chars) return short;
  const plain = short.replace(/\[.*\]/, '[\u2026]');
  if (plain.length <= chars) return plain;
  const bare = plain.replace(/^[\w\-~]+\./, '');
  if (bare.length <= chars) return bare;
  if (chars < MIN_CHARS) return '';
  return `\u2026${bare.slice(bare.length - (chars - 1))}`;
}
