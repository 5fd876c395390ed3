/**
 * Readers for the settings of a Go benchmark run (`-benchtime`, `-cpu`, `-bench`, package
 * patterns), checked before anything runs: go test would otherwise build and start every package
 * before it complains, or print its usage where benchmark output was expected. Each error names
 * the setting (a flag or an input) and quotes the value.
 */
import { UserError } from '../errors.js';

function bad(name: string, value: string, why: string): never {
  throw new UserError(`${name}: ${JSON.stringify(value)} ${why}`);
}

/** Go's time.ParseDuration units. */
const durationPart = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
const unitNanos: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Nanoseconds of a Go duration like `1.5s` or `1m30s`, or undefined when it is not one. */
function goDurationNanos(text: string): number | undefined {
  if (text === '') return undefined;
  durationPart.lastIndex = 0;
  let total = 0;
  let m: RegExpExecArray | null;
  while (durationPart.lastIndex < text.length && (m = durationPart.exec(text)) !== null) {
    total += Number(m[1]) * unitNanos[m[2]!]!;
  }
  return durationPart.lastIndex === text.length ? total : undefined;
}

/** `-benchtime`: a positive Go duration (`200ms`, `1.5s`) or a positive count (`100x`). */
export function readBenchtime(name: string, value: string): string {
  const text = value.trim();
  const count = /^(\d+)x$/.exec(text);
  if (count) {
    if (Number(count[1]) === 0) bad(name, value, 'must be more than 0x');
    return text;
  }
  const nanos = goDurationNanos(text);
  if (nanos === undefined) {
    bad(name, value, 'is not a duration (e.g. "200ms", "1.5s") or a count (e.g. "100x")');
  }
  if (nanos <= 0) bad(name, value, 'must be more than zero');
  return text;
}

/** `-cpu`: a comma-separated list of positive whole numbers (GOMAXPROCS values). */
export function readCpuList(name: string, value: string): string {
  const items = value.split(',').map((s) => s.trim());
  if (!items.every((s) => /^\d+$/.test(s) && Number(s) > 0)) {
    bad(name, value, 'is not a comma-separated list of positive whole numbers (e.g. "1,2,4")');
  }
  return items.join(',');
}

/**
 * The regular expression as JavaScript reads it, for a syntax check: Go's (RE2) forms that
 * JavaScript lacks become equivalents of the same shape (flag groups, `\A`, `\z`, `\Q…\E`,
 * POSIX classes, `(?P<name>`).
 */
function asJavaScript(re: string): string {
  return re
    .replace(/\\Q(.*?)(\\E|$)/g, (_, lit: string) => lit.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
    .replace(/\(\?[imsU-]+\)/g, '')
    .replace(/\(\?[imsU-]+:/g, '(?:')
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:\^?[a-z]+:\]/g, 'a')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
}

/** `-bench`: a regular expression Go accepts (checked as far as JavaScript can tell). */
export function readBenchRegex(name: string, value: string): string {
  if (/\(\?<?[=!]/.test(value)) {
    bad(name, value, 'is not a Go regular expression: Go has no lookahead or lookbehind');
  }
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(value)) {
    bad(name, value, 'is not a Go regular expression: Go has no backreferences');
  }
  try {
    new RegExp(asJavaScript(value));
  } catch (err) {
    const why = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    bad(name, value, `is not a valid regular expression (${why})`);
  }
  return value;
}

/**
 * Package patterns (`./...`, `./pkg`, `example.com/mod/x`): at least one, none starting with `-`
 * (go would read it as a flag, e.g. `-toolexec=…`).
 */
export function readPackagePatterns(name: string, patterns: string[]): string[] {
  if (patterns.length === 0) {
    throw new UserError(`${name}: no package patterns (e.g. "./...")`);
  }
  for (const p of patterns) {
    if (p.startsWith('-')) {
      bad(name, p, 'is not a package pattern: it starts with "-" (go would read it as a flag)');
    }
  }
  return patterns;
}
