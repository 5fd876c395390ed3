/**
 * Reading a run's profiles for insights: pprof files paired with the baseline's profile of the
 * same name, and goroutine dumps (pprof or debug=1/debug=2 text) as snapshots for leak detection.
 * A profile that cannot be read is a warning, never the end of the run.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProfilePair } from '../analyze/profile-insights.js';
import { FormatError } from '../errors.js';
import type { GoroutineSnapshot } from '../model/goroutines.js';
import type { Profile } from '../model/profile.js';
import { parseGoroutines, sniffGoroutineText } from '../parse/goroutine/index.js';
import { parsePprof, textPreview } from '../parse/pprof/index.js';

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

async function readOne(
  side: ProfileSide,
  rel: string,
  warnings: string[],
): Promise<{ profile?: Profile; goroutines?: GoroutineSnapshot } | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(side.dir, rel));
  } catch {
    return undefined;
  }
  try {
    const text = textPreview(bytes);
    if (text !== undefined && sniffGoroutineText(new TextDecoder().decode(bytes))) {
      return { goroutines: parseGoroutines(bytes, rel) };
    }
    const profile = parsePprof(bytes);
    const isGoroutine = profile.sampleTypes.some(
      (t) => t.type === 'goroutine' || t.type === 'goroutineleak',
    );
    return isGoroutine ? { profile, goroutines: parseGoroutines(bytes, rel) } : { profile };
  } catch (err) {
    if (err instanceof FormatError) {
      warnings.push(`${rel}: ${err.message}`);
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
  const warnings: string[] = [];
  const pairs: ProfilePair[] = [];
  let goroutines: ReadProfiles['goroutines'];
  // A snapshot taken before a load (pprof-load) makes leak detection within this run.
  const beforeFile = head.files.find((f) => /goroutine-before\.pb\.gz$/.test(f));
  const before = beforeFile ? (await readOne(head, beforeFile, warnings))?.goroutines : undefined;
  for (const rel of head.files) {
    if (rel === beforeFile) continue;
    const h = await readOne(head, rel, warnings);
    if (!h) continue;
    const b = base && base.files.includes(rel) ? await readOne(base, rel, warnings) : undefined;
    if (h.profile && !h.goroutines)
      pairs.push({ name: path.basename(rel), base: b?.profile, head: h.profile });
    if (h.goroutines && !goroutines)
      goroutines = { head: h.goroutines, base: before ?? b?.goroutines };
  }
  return { pairs, goroutines, warnings };
}
