/**
 * Goroutine leaks: goroutines that grow between base and head (or between two snapshots of one
 * run), grouped by their own function and where they wait — not by leaf function, which is
 * `runtime.gopark` for almost every goroutine — and by their creator and wait state when both
 * snapshots show them (debug=2). A single snapshot with very many goroutines parked at one site is
 * a softer warning. Each warning carries one line of advice chosen by the shape of its stack.
 */
import {
  type GoFrame,
  type GoroutineGroup,
  type GoroutineSnapshot,
  blockingFrame,
  commonKey,
  creatorKey,
  entryFrame,
  showsCreators,
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

/** What a group of goroutines is stuck on, read from its stack and state. */
export type LeakKind =
  | 'http-body'
  | 'chan-receive'
  | 'chan-send'
  | 'select'
  | 'sleep'
  | 'waitgroup'
  | 'cond'
  | 'mutex'
  | 'io'
  | 'unknown';

/** One line of advice for each kind: how such a goroutine is usually given a way to end. */
export const leakAdvice: Record<LeakKind, string> = {
  'http-body':
    "close every response body (defer resp.Body.Close()), even when it is not read, so the connection's read and write loops can end",
  'chan-receive':
    'nothing sends to or closes this channel: close it when the sender is done, or select on ctx.Done() so the goroutine can return',
  'chan-send':
    'nobody receives what it sends: give the channel a buffer of the number of sends, or select on ctx.Done() beside the send',
  select:
    "none of the select's cases ever becomes ready: add a case <-ctx.Done() and cancel the context when the work is abandoned",
  sleep:
    'a loop that sleeps or ticks forever: stop it (ticker.Stop(), return on ctx.Done()) when its owner is done',
  waitgroup:
    'a WaitGroup whose Done is called fewer times than Add: call defer wg.Done() at the top of every goroutine it counts',
  cond: 'a Cond that is never signalled: call Signal or Broadcast after every change the waiters wait for',
  mutex: 'a lock that is never released: unlock with defer right after Lock, on every path',
  io: 'a read or write that never ends: set a deadline (SetDeadline, http.Client.Timeout) or close the connection when done',
  unknown:
    'find what it waits for at the wait line and give it a way to end: a context to cancel, or a channel to close',
};

/** One suspicious group. */
export interface LeakWarning {
  /** `leak`: grew from base to head; `parked`: many at one site in a single snapshot. */
  severity: 'leak' | 'parked';
  key: string;
  base: number | undefined;
  head: number;
  /** The goroutine's own function (its outermost frame); undefined for one not yet started. */
  entry: GoFrame | undefined;
  /** The `created by` frame — the creator and the creation line — when the dump shows it (debug=2). */
  createdBy: GoFrame | undefined;
  /** Where they wait: the first frame outside the runtime, with its line. */
  blocking: GoFrame | undefined;
  state: string | undefined;
  waitMinutes: number | undefined;
  /** What they are stuck on; `leakAdvice[kind]` says how to fix it. */
  kind: LeakKind;
  advice: string;
  /** A representative stack, leaf first. */
  stack: GoFrame[];
}

const stateKinds: [RegExp, LeakKind][] = [
  [/^chan receive/, 'chan-receive'],
  [/^chan send/, 'chan-send'],
  [/^select/, 'select'],
  [/^sleep$/, 'sleep'],
  [/^sync\.WaitGroup\.Wait$/, 'waitgroup'],
  [/^sync\.Cond\.Wait$/, 'cond'],
  [/^sync\.(RW)?Mutex\./, 'mutex'],
  [/^IO wait$/, 'io'],
];

const frameKinds: [RegExp, LeakKind][] = [
  [/^net\/http\.\(\*persistConn\)\.(readLoop|writeLoop)$/, 'http-body'],
  [/^runtime\.chanrecv[12]?$/, 'chan-receive'],
  [/^runtime\.chansend1?$/, 'chan-send'],
  [/^runtime\.(selectgo|block)$/, 'select'],
  [/^time\.Sleep$/, 'sleep'],
  [/^time\.\(\*Ticker\)|^time\.Tick$/, 'sleep'],
  [/^sync\.\(\*WaitGroup\)\.Wait$/, 'waitgroup'],
  [/^sync\.\(\*Cond\)\.Wait$/, 'cond'],
  [/^sync\.\(\*(RW)?Mutex\)\.R?Lock$/, 'mutex'],
  [/^internal\/poll\.runtime_pollWait$/, 'io'],
];

/**
 * The kind of a group: HTTP's connection loops first (their own wait looks like any select), then
 * the wait state where debug=2 gives it, then the frames nearest the leaf — the proto form keeps
 * the runtime's `chanrecv`/`selectgo` frames; debug=1 hides them, so it falls back to library frames.
 */
export function leakKind(g: GoroutineGroup): LeakKind {
  if (g.stack.some((f) => frameKinds[0]![0].test(f.fn))) return 'http-body';
  for (const [re, kind] of stateKinds) if (g.state !== undefined && re.test(g.state)) return kind;
  for (const f of g.stack) {
    const hit = frameKinds.find(([re]) => re.test(f.fn));
    if (hit) return hit[1];
  }
  return 'unknown';
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

function sites(
  s: GoroutineSnapshot,
  ignore: RegExp[],
  key: (g: GoroutineGroup) => string,
): Map<string, Site> {
  const out = new Map<string, Site>();
  for (const g of s.groups) {
    // The goroutine's own frames only: a goroutine started by an ignored function may still leak.
    if (g.stack.some((f) => ignore.some((re) => re.test(f.fn)))) continue;
    const k = key(g);
    const site = out.get(k);
    if (site) {
      site.count += g.count;
      if (g.count > site.group.count) site.group = g;
    } else out.set(k, { count: g.count, group: g });
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
  const kind = leakKind(g);
  return {
    severity,
    key,
    base,
    head: site.count,
    entry: entryFrame(g),
    createdBy: g.createdBy,
    blocking: blockingFrame(g),
    state: g.state,
    waitMinutes: g.waitMinutes,
    kind,
    advice: leakAdvice[kind],
    stack: g.stack,
  };
}

/**
 * How two snapshots are compared: by creator and state when both show them, else on the key every
 * form carries.
 */
function keyFor(
  head: GoroutineSnapshot,
  base: GoroutineSnapshot | undefined,
): (g: GoroutineGroup) => string {
  return showsCreators(head) && (!base || showsCreators(base)) ? creatorKey : commonKey;
}

const formNames: Record<GoroutineSnapshot['source'], string> = {
  debug1: 'debug=1 text',
  debug2: 'debug=2 text',
  proto: 'a pprof goroutine profile',
};

/**
 * A note when two snapshots come in different forms: they are compared on what both show (the
 * goroutine's function and where it waits), so creators and wait states do not split groups.
 */
export function mixedFormsNote(
  head: GoroutineSnapshot,
  base: GoroutineSnapshot | undefined,
): string | undefined {
  if (!base || base.source === head.source) return undefined;
  return `goroutine dumps in different forms (before: ${formNames[base.source]}, after: ${formNames[head.source]}) are compared by each goroutine's function and wait site only; take both as goroutine?debug=2 to group them by creator too`;
}

/** Leak warnings of head against base (or, without base, parked-goroutine warnings). */
export function findLeaks(
  head: GoroutineSnapshot,
  base: GoroutineSnapshot | undefined,
  options: LeakOptions = defaultLeakOptions,
): LeakWarning[] {
  const ignore = options.ignore.map(globToRegExp);
  const key = keyFor(head, base);
  const h = sites(head, ignore, key);
  const out: LeakWarning[] = [];
  if (base) {
    const b = sites(base, ignore, key);
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
