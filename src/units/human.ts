/**
 * Numbers for people: each value scaled on its own, with its unit (`28.6 µs`, `169.3 KiB`,
 * `2,415`), digit grouping for counts, bytes in IEC units (KiB, MiB, GiB) everywhere, and changes
 * as reviewers read them (`+160%`, `×46.5`, `from 0`). benchstat's own column format (one scale
 * per row, `1.000k`) stays in bench-scale.ts for `perfgate compare`, whose output equals
 * benchstat's.
 */
import { formatFixed } from './go-format.js';

/** What a value measures, which decides how it is written. */
export type QuantityKind = 'time' | 'bytes' | 'count';

/**
 * The kind of a tidied benchmark unit: a `sec` numerator is time (`sec/op`), a byte numerator is
 * bytes (`B/op`, `B/s`), anything else is counted (`allocs/op`, custom units).
 */
export function quantityKind(unit: string): QuantityKind {
  let denominator = false;
  for (const token of unit.split(/([*/\-\s])/)) {
    if (token === '/') denominator = true;
    else if (token === '*') denominator = false;
    else if (!denominator && token === 'sec') return 'time';
    else if (!denominator && (token === 'B' || token === 'bytes')) return 'bytes';
  }
  return 'count';
}

/** `1787921` as `1,787,921`; `digits` after the point (trailing zeros kept). */
export function groupDigits(value: number, digits = 0): string {
  const s = formatFixed(value, digits);
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** `digits` significant digits, never in exponent form for the values benchmarks give. */
function significant(value: number, digits: number): string {
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return groupDigits(value, Math.min(decimals, 12));
}

/** Trailing zeros of a fraction dropped: `5.50` → `5.5`, `64.0` → `64`. */
const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/**
 * A count: whole numbers exact with digit grouping (`2,415`, `1,787,921`), others with three
 * significant digits (`5.5`, `0.0123`) or one decimal from 100 on (`27,234.5`). `extra` adds
 * digits, to tell apart two values that would otherwise read the same.
 */
export function formatCount(value: number, extra = 0): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return groupDigits(value);
  if (Math.abs(value) >= 100) return trimZeros(groupDigits(value, 1 + extra));
  return trimZeros(significant(value, 3 + extra));
}

const iec: [number, string][] = [
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
];

/** Bytes in IEC units: `5.5 B`, `64 B`, `169.3 KiB`, `1.14 MiB`. */
export function formatBytes(value: number, extra = 0): string {
  if (!Number.isFinite(value)) return `${value} B`;
  const abs = Math.abs(value);
  const step = iec.find(([f]) => abs >= f);
  if (!step) return `${formatCount(value, extra)} B`;
  const x = value / step[0];
  return `${formatFixed(x, (Math.abs(x) < 10 ? 2 : 1) + extra)} ${step[1]}`;
}

const timeSteps: [number, string][] = [
  [1, 's'],
  [1e-3, 'ms'],
  [1e-6, 'µs'],
  [1e-9, 'ns'],
];

/** Seconds with three significant digits in the unit that fits: `28.6 µs`, `1.59 ms`, `2.40 s`. */
export function formatSeconds(value: number, extra = 0): string {
  if (!Number.isFinite(value)) return `${value} s`;
  if (value === 0) return '0 s';
  const abs = Math.abs(value);
  if (abs >= 1000) return `${groupDigits(value, extra)} s`;
  const [factor, name] = timeSteps.find(([f]) => abs >= f * 0.9995) ?? timeSteps[3]!;
  const x = value / factor;
  const magnitude = Math.max(0, Math.floor(Math.log10(Math.abs(x))));
  const decimals = Math.max(0, 2 - magnitude) + extra;
  return `${groupDigits(x, Math.min(decimals, 12))} ${name}`;
}

/** A value of a tidied benchmark unit for people (the unit's denominator is not repeated). */
export function formatQuantity(value: number, unit: string, extra = 0): string {
  const kind = quantityKind(unit);
  return kind === 'time'
    ? formatSeconds(value, extra)
    : kind === 'bytes'
      ? formatBytes(value, extra)
      : formatCount(value, extra);
}

/**
 * Base and head, each scaled on its own. Two different values that would read the same get
 * more digits (bytes: the exact count of bytes) until they read differently.
 */
export function formatQuantityPair(base: number, head: number, unit: string): [string, string] {
  const pair = (extra: number): [string, string] => [
    formatQuantity(base, unit, extra),
    formatQuantity(head, unit, extra),
  ];
  let [b, h] = pair(0);
  if (b !== h || base === head) return [b, h];
  if (quantityKind(unit) === 'bytes') {
    const exact = (v: number) => `${formatCount(v, 3)} B`;
    return [exact(base), exact(head)];
  }
  for (let extra = 1; extra <= 8 && b === h; extra++) [b, h] = pair(extra);
  return [b, h];
}

/** A signed difference in the unit's terms: `+1`, `-512 B`, `+3.20 µs`. */
export function formatDifference(delta: number, unit: string): string {
  const text = formatQuantity(Math.abs(delta), unit);
  return `${delta < 0 ? '-' : '+'}${text}`;
}

/**
 * A percentage for people: whole from 10% on (`+160%`, `-45%`), one decimal from 1% (`+5.2%`),
 * two significant digits below (`+0.71%`, `+0.0011%`): a change that is not zero never reads
 * as `+0.00%`.
 */
export function formatPercent(pct: number): string {
  const abs = Math.abs(pct);
  const body =
    abs >= 10
      ? groupDigits(abs)
      : abs >= 1
        ? formatFixed(abs, 1)
        : abs === 0
          ? '0'
          : trimZeros(significant(abs, 2));
  return `${pct < 0 ? '-' : pct > 0 ? '+' : ''}${body}%`;
}

/**
 * The change from base to head as reviewers read it: a percentage (`+160%`, `-12%`), a ratio
 * from ten times on (`×46.5`, `×31,513`), `from 0` when base is zero; for a change below 0.1%
 * the difference itself follows (`+0.0011% (+1)`).
 */
export function formatRelativeChange(base: number, head: number, unit: string): string {
  if (base === head) return '0%';
  if (base === 0) return 'from 0';
  const ratio = head / base;
  if (base > 0 && ratio >= 10)
    return `×${ratio >= 1000 ? groupDigits(ratio) : trimZeros(significant(ratio, 3))}`;
  const pct = (ratio - 1) * 100;
  const text = formatPercent(pct);
  return Math.abs(pct) < 0.1 ? `${text} (${formatDifference(head - base, unit)})` : text;
}

/**
 * A profile value in its sample type's unit (pprof's names: `bytes`, `nanoseconds`, `count`), for
 * people: `5.40 GiB`, `770 ms`, `61,446`; other units follow the number (`12 events`).
 */
export function formatProfileValue(value: number, unit: string): string {
  if (unit === 'bytes') return formatBytes(value);
  if (unit === 'nanoseconds') return formatSeconds(value / 1e9);
  const n = formatCount(value);
  return unit === 'count' || unit === '' ? n : `${n} ${unit}`;
}
