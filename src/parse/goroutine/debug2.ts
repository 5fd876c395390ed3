/**
 * The goroutine dump of `runtime.Stack(buf, true)` and `/debug/pprof/goroutine?debug=2`: one block
 * per goroutine, separated by blank lines —
 *
 *     goroutine 7 [chan receive, 5 minutes]:
 *     main.waitForResult(0x0?, 0xc0000a0000)
 *     	/src/leak.go:40 +0x7c
 *     created by main.fetchSummary in goroutine 1
 *     	/src/leak.go:63 +0x13c
 *
 * Dumps are often cut off (a buffer too small for `runtime.Stack`, a log line limit), so a last
 * goroutine that is not whole is dropped with a warning instead of failing the whole dump.
 */
import { FormatError } from '../../errors.js';
import {
  stackKey,
  type GoFrame,
  type GoroutineGroup,
  type GoroutineSnapshot,
} from '../../model/goroutines.js';

/** How many unrecognised lines are reported one by one before the rest are only counted. */
export const MAX_LINE_WARNINGS = 10;

/** The lines of a dump, and whether its last line was cut off in the middle. */
export interface DumpLines {
  lines: string[];
  /** The text does not end in a newline: its last line may be only the start of a line. */
  unterminated: boolean;
}

/** Splits text into lines without their `\n` or `\r\n`; Go ends every line of a dump with one. */
export function dumpLines(text: string): DumpLines {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const unterminated = lines[lines.length - 1] !== '';
  if (!unterminated) lines.pop();
  return { lines: lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)), unterminated };
}

/** Collects `label:LINE: unrecognised line "..."` warnings, reporting only the first few. */
export class LineWarnings {
  private readonly shown: string[] = [];
  private extra = 0;

  constructor(private readonly label: string) {}

  /** Records that line `n` (1-based) fits no rule of the format. */
  unrecognised(n: number, line: string): void {
    if (this.shown.length >= MAX_LINE_WARNINGS) {
      this.extra++;
      return;
    }
    const shown = line.length > 100 ? `${line.slice(0, 100)}…` : line;
    this.shown.push(`${this.label}:${n}: unrecognised line ${JSON.stringify(shown)}`);
  }

  /** The warnings, with one summary line for those not shown. */
  warnings(): string[] {
    if (this.extra === 0) return [...this.shown];
    const s = this.extra === 1 ? '' : 's';
    return [...this.shown, `${this.label}: ${this.extra} more unrecognised line${s}`];
  }
}

/** The warning for a dump whose last goroutine (or record) is not whole. */
export function cutOffWarning(label: string, whole: number): string {
  return `${label}: the dump is cut off after ${whole} whole goroutines; the rest is ignored`;
}

/** `goroutine 7 [chan receive, 5 minutes]:`; Go 1.23+ may put `gp=… m=…` before the bracket. */
const headerLine = /^goroutine (\d+)(?: [^[]*)? \[(.*)\]:$/;
/** `\tfile:line`, then ` +0xoff` unless inlined, then ` fp=… sp=… pc=…` under GOTRACEBACK=system. */
const fileLine = /^\t(.+):(\d+)(?: \+0x[0-9a-f]+)?(?: .*)?$/;
/** `pkg.fn(args)`: the arguments never hold parentheses, so the last `(` opens them. */
const functionLine = /^([^\t].*)\(([^()]*)\)$/;
const createdByLine = /^created by (.+?)(?: in goroutine \d+)?$/;
const elidedLine = /^\.\.\.(?:\d+|additional) frames elided\.\.\.$/;
const unavailableLine = /^\tgoroutine running on other thread; stack unavailable/;

/** A goroutine while its block is being read. */
interface Block {
  state: string;
  waitMinutes: number | undefined;
  stack: GoFrame[];
  createdBy: GoFrame | undefined;
  /** A function or `created by` line still waiting for its file line. */
  pending: { fn: string; createdBy: boolean; n: number; line: string } | undefined;
  /** The runtime printed no stack for it (it was running on another thread). */
  unavailable: boolean;
  /** Its `created by` frame is complete: nothing may follow. */
  closed: boolean;
}

/** Wait reason and minutes from the bracket of a header: `chan receive, 5 minutes, locked to thread`. */
function parseState(bracket: string): { state: string; waitMinutes: number | undefined } {
  const [reason = '', ...extras] = bracket.split(', ');
  let waitMinutes: number | undefined;
  for (const extra of extras) {
    const m = /^(\d+) minutes?$/.exec(extra);
    if (m) waitMinutes = Number(m[1]);
  }
  // `(scan)` only says the garbage collector was scanning the stack at that instant.
  return { state: reason.replace(/ \(scan\)$/, ''), waitMinutes };
}

/** Groups goroutines as they are finished; identical ones are counted together. */
class Groups {
  readonly byKey = new Map<string, GoroutineGroup>();
  total = 0;

  add(b: Block): void {
    const c = b.createdBy;
    const key = [b.state, stackKey(b.stack), c ? stackKey([c]) : ''].join('\n\n');
    this.total++;
    const g = this.byKey.get(key);
    if (g) {
      g.count++;
      if (b.waitMinutes !== undefined) g.waitMinutes = Math.max(g.waitMinutes ?? 0, b.waitMinutes);
      return;
    }
    const group: GoroutineGroup = { count: 1, stack: b.stack, state: b.state };
    if (b.waitMinutes !== undefined) group.waitMinutes = b.waitMinutes;
    if (c) group.createdBy = c;
    this.byKey.set(key, group);
  }
}

/** Whether the block can be counted: no frame is waiting for its file line, and it has a stack. */
function isWhole(b: Block): boolean {
  return b.pending === undefined && (b.stack.length > 0 || b.unavailable);
}

function newBlock(bracket: string): Block {
  const { state, waitMinutes } = parseState(bracket);
  return {
    state,
    waitMinutes,
    stack: [],
    createdBy: undefined,
    pending: undefined,
    unavailable: false,
    closed: false,
  };
}

/** Reads one line inside a goroutine's block; false when it fits no rule there. */
function blockLine(b: Block, line: string, n: number, warn: LineWarnings): boolean {
  const file = fileLine.exec(line);
  if (b.pending) {
    const p = b.pending;
    b.pending = undefined;
    if (file) {
      const frame = { fn: p.fn, file: file[1]!, line: Number(file[2]) };
      if (p.createdBy) {
        b.createdBy = frame;
        b.closed = true;
      } else b.stack.push(frame);
      return true;
    }
    warn.unrecognised(p.n, p.line); // a function line without its file line
  }
  if (b.closed) return false;
  if (unavailableLine.test(line)) {
    b.unavailable = true;
    return true;
  }
  if (elidedLine.test(line)) return true;
  const created = createdByLine.exec(line);
  if (created) {
    b.pending = { fn: created[1]!, createdBy: true, n, line };
    return true;
  }
  const fn = functionLine.exec(line);
  if (fn) {
    b.pending = { fn: fn[1]!, createdBy: false, n, line };
    return true;
  }
  return false;
}

/** Parses a debug=2 goroutine dump; `label` names it in warnings. */
export function parseGoroutineDebug2(text: string, label: string): GoroutineSnapshot {
  const { lines, unterminated } = dumpLines(text);
  // Go ends every line with a newline; an unterminated last line is only the start of one, and
  // looks whole too often to be trusted (`+0x7` may be the start of `+0x7c`, `:4` of `:40`).
  let cutOff = unterminated;
  if (unterminated) lines.pop();
  const warn = new LineWarnings(label);
  const groups = new Groups();
  let block: Block | undefined;
  // Inside the dump a broken block is still a goroutine; only the last one can be cut short.
  const finish = (): void => {
    if (block?.pending) warn.unrecognised(block.pending.n, block.pending.line);
    if (block) groups.add(block);
    block = undefined;
  };

  lines.forEach((line, i) => {
    const header = headerLine.exec(line);
    if (header) {
      finish();
      block = newBlock(header[2]!);
    } else if (line.trim() === '') {
      finish();
    } else if (!block || !blockLine(block, line, i + 1, warn)) {
      warn.unrecognised(i + 1, line);
    }
  });
  if (block && isWhole(block)) groups.add(block);
  else if (block) cutOff = true;

  if (groups.total === 0) throw new FormatError('no goroutines in the dump');
  const warnings = warn.warnings();
  if (cutOff) warnings.unshift(cutOffWarning(label, groups.total));
  return { source: 'debug2', total: groups.total, groups: [...groups.byKey.values()], warnings };
}
