/**
 * Readers for setting values, one per kind of value. Each takes the setting's name (an input or a
 * flag) and the raw text, and its errors name both: `--nodecount: "ten" is not a whole number`.
 */
import { UserError } from '../errors.js';

function bad(name: string, value: string, why: string): never {
  throw new UserError(`${name}: ${JSON.stringify(value)} ${why}`);
}

/** A whole number within [min, max]. */
export function readInteger(
  name: string,
  value: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const text = value.trim();
  if (!/^-?\d+$/.test(text)) bad(name, value, 'is not a whole number');
  const n = Number(text);
  if (n < min || n > max) {
    bad(
      name,
      value,
      max === Number.MAX_SAFE_INTEGER
        ? `must be at least ${min}`
        : `must be between ${min} and ${max}`,
    );
  }
  return n;
}

const sizeUnits: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** A size in bytes: `1073741824`, `512MiB`, `1GiB`, `100MB`. */
export function readByteSize(name: string, value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const factor = m ? sizeUnits[m[2]!.toLowerCase()] : undefined;
  if (!m || factor === undefined) {
    bad(name, value, 'is not a size (e.g. "1GiB", "512MiB", "1000000")');
  }
  const n = Math.round(Number(m[1]) * factor);
  if (n <= 0) bad(name, value, 'must be more than 0 bytes');
  return n;
}

/** One of a fixed set of words. */
export function readChoice<T extends string>(
  name: string,
  value: string,
  choices: readonly T[],
): T {
  const v = value.trim();
  if (!(choices as readonly string[]).includes(v)) {
    bad(name, value, `is not one of: ${choices.join(', ')}`);
  }
  return v as T;
}

/** A number between 0 and 1 exclusive of 0 (alpha, confidence). */
export function readFraction(name: string, value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n >= 1) {
    bad(name, value, 'is not a number between 0 and 1 (e.g. "0.05")');
  }
  return n;
}
