/**
 * Goroutine leaks: goroutines that grow between base and head (or between two snapshots of one
 * run), grouped by where they were started and where they wait — not by leaf function, which is
 * `runtime.gopark` for almost every goroutine. A single snapshot with very many goroutines parked
 * at one site is a softer warning.
 */
import {
  type GoFrame,
  type GoroutineGroup,
  type GoroutineSnapshot,
  blockingFrame,
  entryFrame,
  siteKey,
} from '../model/goroutines.js';

/** Leak detection settings. */
export interface LeakOptions {
  /** A group must grow by at least this many goroutines… */
  minGrowth: number;
  /** …and to at least this multiple of its base count (when it had any). */
  minRatio: number;
  /** With one snapshot only: this many goroutines parked at one site is worth a look. */
  parkedThreshold: number;
  /** Function globs (`*` wildcard) of long-lived goroutines to ignore, matched against their frames. */
  ignore: string[];
}

/** Goroutines that live as long as the program and are not leaks. */
export const defaultIgnore = [
  'testing.*',
  'os/signal.*',
  'runtime/pprof.*',
  'runtime.ensureSigM*',
  'net/http.(*Server).Serve',
  'net/http.(*Server).ListenAndServe',
];

/** The defaults: +10 goroutines and at least double. */
export const defaultLeakOptions: LeakOptions = {
  minGrowth: 10,
  minRatio: 2,
  parkedThreshold: 100,
  ignore: defaultIgnore,
};

/** One suspicious group. */
export interface LeakWarning {
  /** `leak`: grew from base to head; `parked`: many at one site in a single snapshot. */
  severity: 'leak' | 'parked';
  key: string;
  base: number | undefined;
  head: number;
  /** Where the goroutines were started (debug=2's `created by`, else their own function). */
  origin: GoFrame | undefined;
  /** Where they wait. */
  blocking: GoFrame | undefined;
  state: string | undefined;
  waitMinutes: number | undefined;
  /** A representative stack, leaf first. */
  stack: GoFrame[];
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

interface Site {
  count: number;
  group: GoroutineGroup;
}

function sites(s: GoroutineSnapshot, ignore: RegExp[]): Map<string, Site> {
  const out = new Map<string, Site>();
  for (const g of s.groups) {
    // The goroutine's own frames only: a goroutine started by an ignored function may still leak.
    if (g.stack.some((f) => ignore.some((re) => re.test(f.fn)))) continue;
    const key = siteKey(g);
    const site = out.get(key);
    if (site) {
      site.count += g.count;
      if (g.count > site.group.count) site.group = g;
    } else out.set(key, { count: g.count, group: g });
  }
  return out;
}

function warning(
  severity: LeakWarning['severity'],
  key: string,
  base: number | undefined,
  site: Site,
): LeakWarning {
  const g = site.group;
  return {
    severity,
    key,
    base,
    head: site.count,
    origin: g.createdBy ?? entryFrame(g),
    blocking: blockingFrame(g),
    state: g.state,
    waitMinutes: g.waitMinutes,
    stack: g.stack,
  };
}

/** Leak warnings of head against base (or, without base, parked-goroutine warnings). */
export function findLeaks(
  head: GoroutineSnapshot,
  base: GoroutineSnapshot | undefined,
  options: LeakOptions = defaultLeakOptions,
): LeakWarning[] {
  const ignore = options.ignore.map(globToRegExp);
  const h = sites(head, ignore);
  const out: LeakWarning[] = [];
  if (base) {
    const b = sites(base, ignore);
    for (const [key, site] of h) {
      const before = b.get(key)?.count ?? 0;
      const growth = site.count - before;
      if (
        growth >= options.minGrowth &&
        (before === 0 || site.count >= options.minRatio * before)
      ) {
        out.push(warning('leak', key, before, site));
      }
    }
  } else {
    for (const [key, site] of h) {
      if (site.count >= options.parkedThreshold) out.push(warning('parked', key, undefined, site));
    }
  }
  return out.sort((x, y) => y.head - (y.base ?? 0) - (x.head - (x.base ?? 0)));
}
