/**
 * Reading regression limits: `sec/op=10%, B/op=5%+64, allocs/op=0, JSON*:sec/op=20%`.
 * Each entry is `[pattern:]unit=limit`; a limit is a percentage, an absolute amount in the unit,
 * or both (`5%+64`: worse by more than 5% and by more than 64 bytes). Absolute amounts take SI or
 * IEC suffixes (`100n`, `2Ki`) or, for time units, `ns`, `us`, `ms`, `s`.
 */
import type { LimitRule } from '../analyze/gate.js';
import { UserError } from '../errors.js';
import { tidyUnit } from '../units/bench-units.js';

const suffixes: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  µ: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
};

function fail(name: string, entry: string, why: string): never {
  throw new UserError(`${name}: ${JSON.stringify(entry)} ${why}`);
}

/** Parses a list of limit rules; errors name the setting and quote the entry. */
export function readLimitRules(name: string, text: string): LimitRule[] {
  const rules: LimitRule[] = [];
  for (const raw of text.split(/[,\n;]/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = /^(?:(.+):)?([^:=\s]+)\s*=\s*(.+)$/.exec(entry);
    if (!m)
      fail(name, entry, 'is not a limit (e.g. "sec/op=10%", "B/op=5%+64", "JSON*:sec/op=20%")');
    const [, pattern, unit, limitText] = m as unknown as [
      string,
      string | undefined,
      string,
      string,
    ];
    const tidy = tidyUnit(unit);
    const parts = /^(?:(\d+(?:\.\d+)?)%)?(?:\s*\+?\s*(\d+(?:\.\d+)?)\s*([a-zA-Zµ]*))?$/.exec(
      limitText.trim(),
    );
    if (!parts || (parts[1] === undefined && parts[2] === undefined)) {
      fail(
        name,
        entry,
        'has a limit that is not a percentage and/or an amount (e.g. "10%", "64", "5%+64")',
      );
    }
    const factor = suffixes[parts[3] ?? ''];
    if (factor === undefined) fail(name, entry, `has an unknown suffix "${parts[3]}"`);
    // An amount written in the raw unit (e.g. ns for ns/op) is converted like the values are.
    const amount =
      parts[2] === undefined ? 0 : Number(parts[2]) * (parts[3] ? factor : tidy.factor);
    rules.push({
      unit: tidy.unit,
      ...(pattern !== undefined ? { pattern: pattern.trim() } : {}),
      limit: { pct: parts[1] === undefined ? 0 : Number(parts[1]), floor: amount },
    });
  }
  return rules;
}
