/**
 * The goroutine model: what a Go goroutine dump says, whichever of its three forms it came in
 * (debug=1 text, debug=2 text, pprof protobuf). The forms show different things — only debug=2 has
 * wait states and creators, only debug=1 and proto merge identical stacks themselves, debug=1 hides
 * the runtime frames at the leaf — so the fields that a form lacks stay undefined rather than being
 * guessed, and the helpers below pick frames that every form shows alike.
 */

/** One stack frame: a function without its argument list or `+0x` offset, and its source line. */
export interface GoFrame {
  fn: string;
  file: string;
  line: number;
}

/** Goroutines with the same stack (and, where the format has them, the same state and creator). */
export interface GoroutineGroup {
  count: number;
  /** Leaf first, runtime frames included where the format has them. */
  stack: GoFrame[];
  /** Wait state from debug=2 (e.g. "chan receive"); undefined for debug=1 and proto. */
  state?: string;
  /** Longest wait in minutes from debug=2 ("5 minutes"); undefined when not shown. */
  waitMinutes?: number;
  /** The `created by` frame (debug=2 only). */
  createdBy?: GoFrame;
  /** Profiler labels as debug=1 prints them, e.g. `{"worker":"3"}`; undefined when none. */
  labels?: string;
}

/** All goroutines of one dump, grouped; `total` is the number of goroutines in `groups`. */
export interface GoroutineSnapshot {
  source: 'debug1' | 'debug2' | 'proto';
  total: number;
  groups: GoroutineGroup[];
  /** What was odd about the input (cut off, unrecognised lines), one line each, naming it. */
  warnings: string[];
}

/**
 * Runtime code, wherever it is named: the runtime's own packages, and the functions the runtime
 * implements for other packages through linkname (`internal/poll.runtime_pollWait`,
 * `sync.runtime_SemacquireMutex`), which are where a goroutine parks but never why.
 */
function isRuntimeFrame(fn: string): boolean {
  if (fn.startsWith('runtime.') || fn.startsWith('internal/runtime/')) return true;
  const slash = fn.lastIndexOf('/');
  const dot = fn.indexOf('.', slash + 1);
  return dot >= 0 && fn.startsWith('runtime_', dot + 1);
}

/**
 * The standard library's ways to wait — sleeping, WaitGroup, Cond and Mutex waits, the network
 * poller — named where a goroutine parks; the line that called them is the one worth showing.
 */
const waitPrimitive =
  /^(?:time\.Sleep$|sync\.\(\*(?:WaitGroup|Cond|Mutex|RWMutex)\)\.|internal\/sync\.|internal\/poll\.|net\.\(\*(?:netFD|conn)\)\.)/;

/**
 * Where the goroutine waits in user or library code: the first frame from the leaf outside the
 * runtime and the standard wait primitives (or, when there is none, outside the runtime).
 */
export function blockingFrame(g: GoroutineGroup): GoFrame | undefined {
  return (
    g.stack.find((f) => !isRuntimeFrame(f.fn) && !waitPrimitive.test(f.fn)) ??
    g.stack.find((f) => !isRuntimeFrame(f.fn)) ??
    g.stack.find((f) => f.fn !== 'runtime.goexit')
  );
}

/**
 * The goroutine's own function: its outermost frame. `runtime.goexit` is skipped, and so is
 * `runtime.main` — debug=2 hides it, so skipping it makes the main goroutine's entry `main.main`
 * in every form. Undefined for a goroutine not yet started: its stack is only `runtime.goexit`,
 * which debug=1 does not print at all.
 */
export function entryFrame(g: GoroutineGroup): GoFrame | undefined {
  for (let i = g.stack.length - 1; i >= 0; i--) {
    const frame = g.stack[i]!;
    if (frame.fn !== 'runtime.goexit' && frame.fn !== 'runtime.main') return frame;
  }
  return g.stack.find((f) => f.fn !== 'runtime.goexit');
}

/**
 * A key for grouping goroutines that every form of dump gives alike: the goroutine's own function
 * and where it waits. Function names only, since line numbers move with every edit.
 */
export function commonKey(g: GoroutineGroup): string {
  const entry = entryFrame(g)?.fn;
  if (entry === undefined) return '(not started)';
  return `${entry} → ${blockingFrame(g)?.fn ?? '?'}`;
}

/**
 * The common key refined by what only debug=2 shows: the creator (`created by`) and the wait
 * state. Used only when both snapshots compared have them, or the same goroutines would not meet.
 */
export function creatorKey(g: GoroutineGroup): string {
  const state = g.state !== undefined ? ` [${g.state}]` : '';
  return `${g.createdBy?.fn ?? '(no creator)'} ⇒ ${commonKey(g)}${state}`;
}

/** Whether a snapshot's form shows creators and wait states (debug=2). */
export function showsCreators(s: GoroutineSnapshot): boolean {
  return s.source === 'debug2';
}

/** The identity of a frame list, for merging goroutines whose stacks are the same. */
export function stackKey(stack: readonly GoFrame[]): string {
  return stack.map((f) => `${f.fn}\t${f.file}:${f.line}`).join('\n');
}
