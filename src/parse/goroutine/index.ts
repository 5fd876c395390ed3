/**
 * Goroutine dumps in any of Go's three forms, told apart by their bytes: gzip or protobuf is the
 * pprof goroutine profile, text is debug=1 or debug=2 by its first line. Gzipped text is read too,
 * since dumps are often stored compressed.
 */
import { FormatError } from '../../errors.js';
import type { GoroutineSnapshot } from '../../model/goroutines.js';
import { parsePprof, pprofBytes, textPreview } from '../pprof/index.js';
import { parseGoroutineDebug1 } from './debug1.js';
import { parseGoroutineDebug2 } from './debug2.js';
import { goroutineSnapshotFromProfile } from './from-profile.js';

export { parseGoroutineDebug1 } from './debug1.js';
export { parseGoroutineDebug2 } from './debug2.js';
export { goroutineSnapshotFromProfile } from './from-profile.js';

/** The text forms of a goroutine dump. */
export type GoroutineTextFormat = 'debug1' | 'debug2';

/** Each text form: how its first line looks, and its parser. */
const textFormats: {
  name: GoroutineTextFormat;
  firstLine: RegExp;
  parse: (text: string, label: string) => GoroutineSnapshot;
}[] = [
  {
    name: 'debug1',
    firstLine: /^goroutine(?:leak)? profile: total \d+\r?$/,
    parse: parseGoroutineDebug1,
  },
  {
    name: 'debug2',
    firstLine: /^goroutine \d+ (?:[^[]* )?\[.*\]:\r?$/,
    parse: parseGoroutineDebug2,
  },
];

const notADump =
  'not a goroutine dump (expected a goroutine profile .pb.gz, or debug=1 / debug=2 text)';

/** Which text form of goroutine dump `text` is, from its first non-blank line; undefined if none. */
export function sniffGoroutineText(text: string): GoroutineTextFormat | undefined {
  const first = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .find((l) => l.trim() !== '');
  if (first === undefined) return undefined;
  return textFormats.find((f) => f.firstLine.test(first))?.name;
}

/** Parses a goroutine dump in any form; throws a FormatError when it is none of them. */
export function parseGoroutines(bytes: Uint8Array, label: string): GoroutineSnapshot {
  if (bytes.length === 0) throw new FormatError(notADump);
  const raw = pprofBytes(bytes);
  if (textPreview(raw) === undefined) return goroutineSnapshotFromProfile(parsePprof(raw), label);
  const text = new TextDecoder().decode(raw);
  const kind = sniffGoroutineText(text);
  const format = textFormats.find((f) => f.name === kind);
  if (!format) throw new FormatError(notADump);
  return format.parse(text, label);
}
