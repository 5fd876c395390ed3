/**
 * The goroutine profile in pprof form (`/debug/pprof/goroutine`, `goroutine.pb.gz`): one sample per
 * distinct stack (and label set), its `goroutine/count` value the number of goroutines on it.
 */
import { FormatError } from '../../errors.js';
import {
  stackKey,
  type GoFrame,
  type GoroutineGroup,
  type GoroutineSnapshot,
} from '../../model/goroutines.js';
import {
  sampleLabels,
  sampleStack,
  sampleValue,
  type Label,
  type Location,
  type Profile,
} from '../../model/profile.js';

/** A location's frames, innermost inlined function first; unsymbolized ones by address. */
function locationFrames(loc: Location): GoFrame[] {
  const address = `0x${loc.address.toString(16)}`;
  if (loc.lines.length === 0) return [{ fn: address, file: '', line: 0 }];
  return loc.lines.map((l) => ({
    fn: l.fn?.name || address,
    file: l.fn?.filename ?? '',
    line: l.line,
  }));
}

/** Labels as debug=1 prints them (Go's `labelMap.String`): `{"k":"v", ...}`, sorted. */
function formatLabels(labels: Label[]): string | undefined {
  if (labels.length === 0) return undefined;
  const pairs = labels.map((l) => {
    const value = l.str !== '' ? JSON.stringify(l.str) : `${l.num}${l.numUnit}`;
    return `${JSON.stringify(l.key)}:${value}`;
  });
  return `{${pairs.sort().join(', ')}}`;
}

/** Reads a parsed goroutine profile into a snapshot (the label is unused: pprof has checked it). */
export function goroutineSnapshotFromProfile(profile: Profile, _label: string): GoroutineSnapshot {
  const valueIndex = profile.sampleTypes.findIndex(
    (t) => t.type === 'goroutine' || t.type === 'goroutineleak',
  );
  if (valueIndex < 0) {
    const types = profile.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(', ');
    throw new FormatError(`not a goroutine profile (sample types: ${types})`);
  }
  const byKey = new Map<string, GoroutineGroup>();
  let total = 0;
  for (let i = 0; i < profile.samples.count; i++) {
    const count = sampleValue(profile, i, valueIndex);
    if (count <= 0) continue;
    const stack = sampleStack(profile, i).flatMap(locationFrames);
    const labels = formatLabels(sampleLabels(profile, i));
    // Samples differ by program counter; stacks the same line by line are one group here.
    const key = `${labels ?? ''}\n\n${stackKey(stack)}`;
    total += count;
    const g = byKey.get(key);
    if (g) g.count += count;
    else byKey.set(key, { count, stack, ...(labels !== undefined ? { labels } : {}) });
  }
  return { source: 'proto', total, groups: [...byKey.values()], warnings: [] };
}
