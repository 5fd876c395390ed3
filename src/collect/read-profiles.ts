/**
 * Reading a run's profiles for insights: pprof files paired with the baseline's profile of the
 * same name, and goroutine dumps (pprof or debug=1/debug=2 text) as snapshots for leak detection.
 * A profile that cannot be read is a warning, never the end of the run. Text files that are not
 * goroutine dumps (logs, notes next to the profiles) are skipped quietly, unless no profile at all
 * was read: then one warning names them.
 */
import path from 'node:path';
import type { ProfilePair } from '../analyze/profile-insights.js';
import { FormatError, UserError } from '../errors.js';
import { readInputFile } from './files.js';
import type { GoroutineSnapshot } from '../model/goroutines.js';
import type { Profile } from '../model/profile.js';
import { parseGoroutines, sniffGoroutineText } from '../parse/goroutine/index.js';
import { readPprof, textPreview } from '../parse/pprof/index.js';
import { readPprofOffThread } from '../parse/pprof/thread.js';

/** One side's profiles. */
export interface ProfileSide {
  dir: string;
  files: string[];
}

/** Pairs and goroutine snapshots of head (and base where it has the same file). */
export interface ReadProfiles {
  pairs: ProfilePair[];
  goroutines: { base: GoroutineSnapshot | undefined; head: GoroutineSnapshot } | undefined;
  warnings: string[];
}

/** What reading a side's files turned up besides profiles. */
interface Findings {
  warnings: string[];
  /** Text files that are neither a profile nor a goroutine dump. */
  skipped: string[];
}

/** How a profile's bytes become a profile: on this thread, or (base's) on another. */
type ReadPprof = (bytes: Uint8Array) => Promise<Profile>;

async function readOne(
  side: ProfileSide,
  rel: string,
  found: Findings,
  read: ReadPprof = readPprof,
): Promise<{ profile?: Profile; goroutines?: GoroutineSnapshot } | undefined> {
  let bytes: Uint8Array;
  try {
    // Bounded, and only regular files (a link is followed to what it names).
    bytes = await readInputFile(path.join(side.dir, rel));
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    found.warnings.push(err.message);
    return undefined;
  }
  try {
    const text = textPreview(bytes);
    if (text !== undefined) {
      if (sniffGoroutineText(new TextDecoder().decode(bytes))) {
        return { goroutines: parseGoroutines(bytes, rel) };
      }
      found.skipped.push(rel);
      return undefined;
    }
    const profile = await read(bytes);
    const isGoroutine = profile.sampleTypes.some(
      (t) => t.type === 'goroutine' || t.type === 'goroutineleak',
    );
    return isGoroutine ? { profile, goroutines: parseGoroutines(bytes, rel) } : { profile };
  } catch (err) {
    if (err instanceof FormatError) {
      found.warnings.push(`${rel}: ${err.message}`);
      return undefined;
    }
    throw err;
  }
}

/** Reads head's profiles and the base's of the same names. */
export async function readProfiles(
  head: ProfileSide,
  base: ProfileSide | undefined,
): Promise<ReadProfiles> {
  const found: Findings = { warnings: [], skipped: [] };
  const pairs: ProfilePair[] = [];
  const snapshots: { rel: string; head: GoroutineSnapshot; base: GoroutineSnapshot | undefined }[] =
    [];
  // Snapshots taken before a load (pprof-load) make leak detection within this run.
  const beforeFiles = head.files.filter((f) => beforeFile.test(f));
  const before: GoroutineSnapshot[] = [];
  for (const f of beforeFiles) {
    const g = (await readOne(head, f, found))?.goroutines;
    if (g) before.push(g);
  }
  for (const rel of head.files) {
    if (beforeFiles.includes(rel)) continue;
    // Base's profile is read on another thread while head's is read here (when it is large).
    const baseFound: Findings = { warnings: [], skipped: [] };
    const [h, b] = await Promise.all([
      readOne(head, rel, found),
      base && base.files.includes(rel)
        ? readOne(base, rel, baseFound, readPprofOffThread)
        : undefined,
    ]);
    if (!h) continue;
    found.warnings.push(...baseFound.warnings);
    found.skipped.push(...baseFound.skipped);
    if (h.profile && !h.goroutines)
      pairs.push({ name: path.basename(rel), base: b?.profile, head: h.profile });
    if (h.goroutines) {
      const sameForm = before.find((g) => g.source === h.goroutines!.source);
      const base = before.length > 0 ? (sameForm ?? before[0]) : b?.goroutines;
      snapshots.push({ rel, head: h.goroutines, base });
    }
  }
  const goroutines = bestPair(snapshots);
  const warnings = found.warnings;
  if (pairs.length === 0 && !goroutines && found.skipped.length > 0) {
    warnings.push(skippedWarning(head.dir, [...new Set(found.skipped)]));
  }
  return { pairs, goroutines, warnings };
}

/** `prof: no profile read; 3 text files are not profiles (notes.txt, log.txt, …)`. */
function skippedWarning(dir: string, files: string[]): string {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ', …' : '');
  const what = files.length === 1 ? 'text file is' : 'text files are';
  return `${dir}: no profile read; ${files.length} ${what} neither a pprof profile nor a goroutine dump (${shown})`;
}

const beforeFile = /goroutine-before\.(pb\.gz|debug[12]\.txt)$/;

/**
 * Of the goroutine dumps a run left, the pair that compares best: both sides in the same form,
 * debug=2 first (it shows creators and wait states), then the first listed.
 */
function bestPair(
  snapshots: { head: GoroutineSnapshot; base: GoroutineSnapshot | undefined }[],
): ReadProfiles['goroutines'] {
  const rank = (x: { head: GoroutineSnapshot; base: GoroutineSnapshot | undefined }) =>
    (x.base === undefined ? 0 : x.base.source === x.head.source ? 4 : 2) +
    (x.head.source === 'debug2' ? 1 : 0);
  let best: (typeof snapshots)[number] | undefined;
  for (const x of snapshots) if (!best || rank(x) > rank(best)) best = x;
  return best && { head: best.head, base: best.base };
}
