/** `perfgate top <profile>`: the functions of a profile, as `go tool pprof -top` lists them. */
import { functionTable } from '../../analyze/functions.js';
import { resolveSampleIndex } from '../../analyze/sample-index.js';
import { readInputFile } from '../../collect/files.js';
import { UserError, withSource } from '../../errors.js';
import { DEFAULT_MAX_DECOMPRESSED_BYTES, readPprof } from '../../parse/pprof/index.js';
import { renderTopMarkdown } from '../../render/top-markdown.js';
import { renderTopText } from '../../render/top-text.js';
import { topReport } from '../../report/top-report.js';
import { readByteSize, readInteger } from '../../settings/values.js';
import type { CliIO } from '../io.js';
import { printAs, readFormat } from '../shared-options.js';
import { parseCommandArgs } from '../args.js';

export const topUsage = `Usage: perfgate top <profile> [options]

Lists the functions of a pprof profile (.pb.gz or raw protobuf) by flat value, with the
numbers and layout of \`go tool pprof -top\`.

Options:
  --sample-index NAME   sample type to show: a name (cpu, alloc_space, inuse_space, delay, ...)
                        or an index; default: the profile's default type
  --nodecount N         show at most N functions (default: all)
  --format FORMAT       text (default), markdown or json
  --max-decompressed-size SIZE
                        refuse profiles that decompress to more than SIZE (default 1GiB)
`;

/** Settings of the top command, read from its flags. */
export interface TopSettings {
  file: string;
  sampleIndex: string | undefined;
  nodeCount: number;
  format: 'text' | 'markdown' | 'json';
  maxDecompressedBytes: number;
}

/** Reads the top command's arguments into settings. */
export function readTopSettings(argv: string[]): TopSettings {
  const { values, positionals } = parseCommandArgs('top', argv, {
    'sample-index': { type: 'string' },
    nodecount: { type: 'string' },
    format: { type: 'string' },
    'max-decompressed-size': { type: 'string' },
  });
  if (positionals.length !== 1) {
    throw new UserError(
      `perfgate top: expected one profile file, got ${positionals.length}\n\n${topUsage}`,
    );
  }
  return {
    file: positionals[0]!,
    sampleIndex: values['sample-index'],
    nodeCount: values.nodecount === undefined ? 0 : readInteger('--nodecount', values.nodecount, 1),
    format: readFormat(values.format, ['text', 'markdown', 'json']),
    maxDecompressedBytes:
      values['max-decompressed-size'] === undefined
        ? DEFAULT_MAX_DECOMPRESSED_BYTES
        : readByteSize('--max-decompressed-size', values['max-decompressed-size']),
  };
}

/** Runs `perfgate top`. */
export async function runTop(argv: string[], io: CliIO): Promise<number> {
  const settings = readTopSettings(argv);
  const bytes = await readInputFile(settings.file);
  let report;
  try {
    const profile = await readPprof(bytes, {
      maxDecompressedBytes: settings.maxDecompressedBytes,
    });
    const sampleIndex = resolveSampleIndex(profile, settings.sampleIndex);
    const table = functionTable([{ profile, sampleIndex }]);
    report = topReport(profile, table, {
      source: settings.file,
      sampleIndex,
      nodeCount: settings.nodeCount,
    });
  } catch (err) {
    throw withSource(settings.file, err);
  }
  printAs(io, settings.format, report, {
    text: () => renderTopText(report),
    markdown: () => renderTopMarkdown(report),
  });
  return 0;
}
