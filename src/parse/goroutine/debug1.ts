/**
 * The goroutine profile as `/debug/pprof/goroutine?debug=1` prints it: a header with the total,
 * then one record per distinct stack, the runtime's own frames at the leaf left out —
 *
 *     goroutine profile: total 162
 *     40 @ 0x484a6e 0x4171ae 0x416cf2 0x6a275c 0x48bfa1
 *     # labels: {"request":"42"}
 *     #	0x6a275b	main.waitForResult+0x7b	/src/leak.go:40
 *
 * Records are keyed by program counters, so two records can show the same frames (they differ in a
 * hidden runtime frame or inside one line); they are merged here, as proto samples are.
 */
import { FormatError } from '../../errors.js';
import {
  stackKey,
  type GoFrame,
  type GoroutineGroup,
  type GoroutineSnapshot,
} from '../../model/goroutines.js';
import { cutOffWarning, dumpLines, LineWarnings } from './debug2.js';

// Go 1.26 also writes a goroutineleak profile (goroutines the GC proved leaked) in the same form.
const headerLine = /^goroutine(?:leak)? profile: total (\d+)$/;
const countLine = /^(\d+) @(?: 0x[0-9a-f]+)*$/;
const labelsLine = /^# labels: (.*)$/;
/** `#\t0xpc\tfn+0xoff\tfile:line`, padded with extra tabs; an unsymbolized frame has only the pc. */
const frameLine = /^#\t+(0x[0-9a-f]+)(?:\t+(.+?)(?:\+0x[0-9a-f]+)?\t+(.+):(\d+))?$/;

/** A record while its lines are being read. */
interface DebugRecord {
  count: number;
  labels: string | undefined;
  stack: GoFrame[];
}

/** Parses a debug=1 goroutine profile; `label` names it in warnings. */
export function parseGoroutineDebug1(text: string, label: string): GoroutineSnapshot {
  const { lines, unterminated } = dumpLines(text);
  const first = lines.findIndex((l) => l.trim() !== '');
  const total = first >= 0 ? headerLine.exec(lines[first]!) : null;
  if (!total) {
    throw new FormatError(
      'not a goroutine debug=1 dump: it does not start with "goroutine profile: total N"',
    );
  }
  // Go ends every line with a newline; an unterminated last line is only the start of one (a
  // frame line ends with its line number, so even one that parses may have lost digits).
  const cutMidLine = unterminated;
  if (cutMidLine) lines.pop();

  const warn = new LineWarnings(label);
  const records: DebugRecord[] = [];
  let record: DebugRecord | undefined;
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      record = undefined;
      continue;
    }
    const count = countLine.exec(line);
    if (count) {
      record = { count: Number(count[1]), labels: undefined, stack: [] };
      records.push(record);
      continue;
    }
    const labels = record && record.stack.length === 0 ? labelsLine.exec(line) : null;
    if (record && labels) {
      record.labels = labels[1];
      continue;
    }
    const frame = record ? frameLine.exec(line) : null;
    if (record && frame) {
      const [, pc, fn, file, n] = frame;
      record.stack.push(
        fn === undefined ? { fn: pc!, file: '', line: 0 } : { fn, file: file!, line: Number(n) },
      );
      continue;
    }
    warn.unrecognised(i + 1, line);
  }

  // The line cut in the middle belongs to the record being read, if any. Go ends every record
  // with a blank line, so a last record without frames is whole when the blank line follows it
  // (a goroutine whose frames debug=1 does not print, such as one not yet started:
  // `1 @ 0x491221`); without it, its frames were lost to the cut.
  let cutOff = cutMidLine;
  if (cutMidLine && record) records.pop();
  else if (record && record.stack.length === 0) {
    records.pop();
    cutOff = true;
  }
  return snapshot(records, Number(total[1]), cutOff, label, warn);
}

function snapshot(
  records: DebugRecord[],
  header: number,
  cutOff: boolean,
  label: string,
  warn: LineWarnings,
): GoroutineSnapshot {
  const byKey = new Map<string, GoroutineGroup>();
  let sum = 0;
  for (const r of records) {
    sum += r.count;
    const key = `${r.labels ?? ''}\n\n${stackKey(r.stack)}`;
    const g = byKey.get(key);
    if (g) g.count += r.count;
    else
      byKey.set(key, { count: r.count, stack: r.stack, ...(r.labels ? { labels: r.labels } : {}) });
  }
  const warnings = warn.warnings();
  if (cutOff) warnings.unshift(cutOffWarning(label, sum));
  else if (sum !== header)
    warnings.push(`${label}: the records count ${sum} goroutines but the header says ${header}`);
  return { source: 'debug1', total: sum, groups: [...byKey.values()], warnings };
}
