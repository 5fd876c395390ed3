/**
 * Values, shares and function names as the report page writes them: bytes in IEC units
 * (`1.50 MiB`), counts with digit grouping (`1,787,921`), times as `go tool pprof` scales them
 * (`10ms`), shares with two decimals and no exponent (`<0.01%`), and names shortened from the
 * left so that the method stays readable in a narrow frame.
 */
import { shortFunctionName } from '../../../analyze/function-name.js';
import { scaleValue, scaledLabel } from '../../../units/pprof-units.js';

const iec: [number, string][] = [
  [2 ** 50, 'PiB'],
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
];

/** A whole number with digit grouping: `1,787,921`. */
function grouped(value: number): string {
  const s = Math.round(Math.abs(value)).toString();
  return (value < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Bytes in IEC units: `512 B`, `1.50 MiB`, `169.3 KiB`. */
function bytes(value: number): string {
  const abs = Math.abs(value);
  const step = iec.find(([f]) => abs >= f);
  if (!step) return `${grouped(value)} B`;
  const x = value / step[0];
  return `${x.toFixed(Math.abs(x) < 10 ? 2 : 1)} ${step[1]}`;
}

/** A value in its unit: bytes in IEC units, times as pprof scales them, counts grouped. */
export function label(value: number, unit: string): string {
  if (value === 0) return '0';
  const [, scaledUnit] = scaleValue(1, unit);
  if (scaledUnit === 'B') return bytes(value);
  if (scaledUnit === '' && Number.isInteger(value)) return grouped(value);
  return scaledLabel(value, unit);
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
