/**
 * pprof's value labels: the unit scaling and percentage formats of `go tool pprof -top`, so a
 * table from perfgate reads exactly like one from pprof.
 */
import { formatFixed, formatGeneral } from './go-format.js';

interface Unit {
  name: string;
  aliases: string[];
  factor: number;
}

interface UnitType {
  units: Unit[];
  /** The unit used when a value is below 1 of the smallest unit (e.g. 0). */
  fallback: string;
}

const memoryUnits: Unit[] = [
  { name: 'B', aliases: ['b', 'byte'], factor: 1 },
  { name: 'kB', aliases: ['kb', 'kbyte', 'kilobyte'], factor: 2 ** 10 },
  { name: 'MB', aliases: ['mb', 'mbyte', 'megabyte'], factor: 2 ** 20 },
  { name: 'GB', aliases: ['gb', 'gbyte', 'gigabyte'], factor: 2 ** 30 },
  { name: 'TB', aliases: ['tb', 'tbyte', 'terabyte'], factor: 2 ** 40 },
  { name: 'PB', aliases: ['pb', 'pbyte', 'petabyte'], factor: 2 ** 50 },
];

const timeUnits: Unit[] = [
  { name: 'ns', aliases: ['ns', 'nanosecond'], factor: 1 },
  { name: 'us', aliases: ['μs', 'us', 'microsecond'], factor: 1e3 },
  { name: 'ms', aliases: ['ms', 'millisecond'], factor: 1e6 },
  { name: 's', aliases: ['s', 'sec', 'second'], factor: 1e9 },
  { name: 'hrs', aliases: ['hour', 'hr'], factor: 3600e9 },
];

const unitTypes: UnitType[] = [
  { units: memoryUnits, fallback: 'B' },
  { units: timeUnits, fallback: 's' },
];

function findUnit(units: Unit[], name: string): Unit | undefined {
  let n = name.toLowerCase();
  // pprof drops a plural "s" from names longer than two characters ("bytes", "nanoseconds").
  if (n.length > 2 && n.endsWith('s')) n = n.slice(0, -1);
  return units.find((u) => u.aliases.includes(n));
}

/**
 * Scales a value in `fromUnit` to `toUnit`; `toUnit` 'minimum' (the default) picks the largest
 * unit in which the value is at least 1, as pprof does.
 */
export function scaleValue(value: number, fromUnit: string, toUnit = 'minimum'): [number, string] {
  if (value < 0) {
    const [v, u] = scaleValue(-value, fromUnit, toUnit);
    return [-v, u];
  }
  for (const { units, fallback } of unitTypes) {
    const from = findUnit(units, fromUnit);
    if (!from) continue;
    const base = value * from.factor;
    let to: Unit | undefined;
    if (toUnit === 'minimum' || toUnit === 'auto') {
      for (const u of units) if (base / u.factor >= 1) to = u;
    } else {
      to = findUnit(units, toUnit);
    }
    to ??= units.find((u) => u.name === fallback)!;
    return [base / to.factor, to.name];
  }
  if (['count', 'sample', 'unit', 'minimum', 'auto'].includes(toUnit)) return [value, ''];
  return [value, toUnit];
}

/** A value as pprof prints it, e.g. `1.50MB`, `10ms`, `120`. */
export function scaledLabel(value: number, fromUnit: string, toUnit = 'minimum'): string {
  const [v, u] = scaleValue(value, fromUnit, toUnit);
  let s = formatFixed(v, 2);
  if (s.endsWith('.00')) s = s.slice(0, -3);
  if (s === '0' || s === '-0') return '0';
  return s + u;
}

/** A share of the total as pprof prints it: `12.34%`, ` 0.5%`, `  100%`. */
export function percentage(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  if (ratio >= 1) return `${formatFixed(ratio, 2).padStart(5)}%`;
  return `${formatGeneral(ratio, 2).padStart(5)}%`;
}
