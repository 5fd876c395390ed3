/** `perfgate hotspots`: allocation hotspots of cpu and allocs profiles, with advice. */
import { findHotspots, type HotspotInputs } from '../../analyze/hotspots.js';
import { readInputFile } from '../../collect/files.js';
import { sourceLookup } from '../../collect/source.js';
import { UserError, withSource } from '../../errors.js';
import type { Profile } from '../../model/profile.js';
import { readPprof } from '../../parse/pprof/index.js';
import { readPprofOffThread } from '../../parse/pprof/thread.js';
import { both } from '../both.js';
import { renderHotspotsMarkdown, renderHotspotsText } from '../../render/hotspots.js';

import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';
import { printAs, readFormat } from '../shared-options.js';

export const hotspotsUsage = `Usage: perfgate hotspots <profile>... [--base <profile>]... [options]

Finds allocation hotspots in cpu and allocs/heap profiles: sites in your code that allocate or
grow memory (append into unsized slices, string +=, maps without size hints, ...), with the
kind of allocation and advice. With --base, new and grown hotspots come first.

Options:
  --base PROFILE    a base profile (repeat for cpu and allocs)
  --source DIR      where the Go sources are (default: the current directory), to read the lines
  --format FORMAT   text (default), markdown or json
  --tests           keep sites in _test.go files (benchmark set-up and loops; left out by default)
`;

async function classify(files: string[], read = readPprof): Promise<HotspotInputs> {
  const out: HotspotInputs = {};
  for (const file of files) {
    let p: Profile;
    try {
      p = await read(await readInputFile(file));
    } catch (err) {
      throw withSource(file, err);
    }
    const types = p.sampleTypes.map((t) => t.type);
    if (types.includes('cpu')) out.cpu = p;
    else if (types.includes('alloc_space')) out.allocs = p;
    else {
      throw new UserError(
        `${file}: not a cpu or allocs/heap profile (sample types: ${types.join(', ')})`,
      );
    }
  }
  return out;
}

export async function runHotspots(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('hotspots', argv, {
    base: { type: 'string', multiple: true },
    source: { type: 'string' },
    format: { type: 'string' },
    tests: { type: 'boolean' },
  });
  if (positionals.length === 0)
    throw new UserError(`perfgate hotspots: no profile given\n\n${hotspotsUsage}`);
  const format = readFormat(values.format, ['text', 'markdown', 'json']);
  // Base's profiles are read on another thread while head's are read here (when they are
  // large). Head's errors come first, as the arguments do.
  const baseFiles = values.base ?? [];
  const [head, base] = await both(
    classify(positionals),
    baseFiles.length > 0 ? classify(baseFiles, readPprofOffThread) : Promise.resolve(undefined),
  );
  const hotspots = findHotspots(head, base, {
    source: sourceLookup([values.source ?? '.']),
    ...(values.tests === true ? { includeTests: true } : {}),
  });
  printAs(io, format, hotspots, {
    text: () => renderHotspotsText(hotspots),
    markdown: () => renderHotspotsMarkdown(hotspots),
  });
  return 0;
}
