import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync, createGzip } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { pprofTypes } from '../../src/parse/pprof/schema.js';
import { cli, distCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = 'fixtures/profiles/json/head/cpu.pb.gz';
const rawProfile = gunzipSync(readFileSync(source));

/**
 * `n` bytes (a multiple of 3) of valid protobuf that hold nothing: an unknown field (100) with
 * the value 0, over and over, which a decoder skips. Compressed, a few kilobytes.
 */
function bombBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i + 2 < n; i += 3) {
    out[i] = 0xa0;
    out[i + 1] = 0x06;
  }
  return out;
}

function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

interface ProfileObject {
  function: { id: number; name: number }[];
  sample: { location_id: number[]; value: number[] }[];
  string_table: string[];
}

/** The fixture profile as a plain object, changed by `edit`, encoded again. */
function edited(edit: (p: ProfileObject) => void): Uint8Array {
  const msg = pprofTypes.Profile.toObject(pprofTypes.Profile.decode(rawProfile), {
    defaults: true,
    arrays: true,
  }) as ProfileObject;
  edit(msg);
  return pprofTypes.Profile.encode(pprofTypes.Profile.fromObject(msg)).finish();
}

async function expectError(args: string[], message: string | RegExp) {
  const r = await cli('top', ...args);
  expect(r.stdout).toBe('');
  if (typeof message === 'string') expect(r.stderr).toBe(`${message}\n`);
  else expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
}

describe('perfgate top: bad input gets one line naming the file and the cause, exit 2', () => {
  test('a device, not a file (/dev/zero would never end): refused before reading', async () => {
    await expectError(['/dev/zero'], 'perfgate top: /dev/zero: not a regular file');
  });

  test('empty file', async () => {
    const f = file('empty.pb.gz', '');
    await expectError([f], `perfgate top: ${f}: empty file (0 bytes): not a pprof profile`);
  });

  test('a text file', async () => {
    const f = file('notes.txt', 'This is not a profile.\nIt is a note.\n');
    await expectError(
      [f],
      `perfgate top: ${f}: not a pprof profile: it is text, starting "This is not a profile."`,
    );
  });

  test('truncated gzip', async () => {
    const gz = readFileSync(source);
    const f = file('cut.pb.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    await expectError(
      [f],
      `perfgate top: ${f}: truncated gzip data: it ends before the end of the stream`,
    );
  });

  test('truncated protobuf', async () => {
    const f = file('cut.pb', rawProfile.subarray(0, Math.floor(rawProfile.length * 0.6)));
    await expectError(
      [f],
      new RegExp(
        `^perfgate top: ${f.replace(/[.]/g, '\\.')}: malformed protobuf at byte \\d+: a \\w+ declares \\d+ bytes but only \\d+ remain: the data is truncated or not a pprof profile\\n$`,
      ),
    );
  });

  test('a protobuf of some other message', async () => {
    const mapping = pprofTypes.Mapping.encode(
      pprofTypes.Mapping.fromObject({ id: 1, memory_start: 4096, memory_limit: 8192 }),
    ).finish();
    const f = file('mapping.pb', mapping);
    await expectError(
      [f],
      `perfgate top: ${f}: not a pprof profile: Profile.sample_type (field 1) has wire type varint, expected length-delimited`,
    );
  });

  test('a string index out of range', async () => {
    let fnId = 0;
    let strings = 0;
    const f = file(
      'bad-string.pb',
      edited((p) => {
        fnId = p.function[0]!.id;
        strings = p.string_table.length;
        p.function[0]!.name = 99999;
      }),
    );
    await expectError(
      [f],
      `perfgate top: ${f}: invalid profile: function ${fnId} name: string index 99999 is out of range (the string table has ${strings} entries)`,
    );
  });

  test('a location id out of range', async () => {
    const f = file(
      'bad-location.pb',
      edited((p) => {
        p.sample[3]!.location_id[0] = 999999;
      }),
    );
    await expectError(
      [f],
      `perfgate top: ${f}: invalid profile: sample 3 refers to location id 999999, which is not defined`,
    );
  });

  test('a sample with the wrong number of values', async () => {
    const f = file(
      'bad-values.pb',
      edited((p) => {
        p.sample[2]!.value.push(7);
      }),
    );
    await expectError(
      [f],
      `perfgate top: ${f}: invalid profile: sample 2 has 3 values but the profile declares 2 sample types`,
    );
  });

  test('a gzip bomb stops at a set limit', async () => {
    const f = file('bomb.pb.gz', gzipSync(bombBytes(16 * 1024 * 1024)));
    await expectError(
      [f, '--max-decompressed-size', '1MiB'],
      `perfgate top: ${f}: gzip data decompresses to more than 1 MiB, the limit for one profile`,
    );
  });

  test('a gzip bomb of bytes no profile holds stops at its first field', async () => {
    const f = file('zeros.pb.gz', gzipSync(Buffer.alloc(16 * 1024 * 1024)));
    await expectError(
      [f],
      `perfgate top: ${f}: malformed protobuf at byte 1: field number 0 is not valid protobuf`,
    );
  });

  test('a gzip bomb stops at the default 1 GiB limit', async () => {
    // 1.25 GiB, compressed as a stream so the test never holds it in memory.
    const f = path.join(dir, 'big-bomb.pb.gz');
    await new Promise<void>((resolve, reject) => {
      const gz = createGzip({ level: 1 });
      const out = createWriteStream(f);
      gz.pipe(out);
      out.on('finish', resolve);
      out.on('error', reject);
      const chunk = bombBytes(3 * 349_525);
      let left = 1280;
      const pump = () => {
        while (left > 0) {
          left--;
          if (!gz.write(chunk)) return void gz.once('drain', pump);
        }
        gz.end();
      };
      pump();
    });
    const r = distCli('top', f);
    expect(r.stderr).toBe(
      `perfgate top: ${f}: gzip data decompresses to more than 1 GiB, the limit for one profile\n`,
    );
    expect(r.code).toBe(2);
  });

  test('a file that does not exist', async () => {
    const f = path.join(dir, 'missing.pb.gz');
    await expectError([f], `perfgate top: ${f}: no such file`);
  });

  test('a directory', async () => {
    await expectError([dir], `perfgate top: ${dir}: is a directory, not a file`);
  });

  test('an unknown sample type', async () => {
    await expectError(
      [source, '--sample-index', 'alloc_space'],
      `perfgate top: ${source}: sample index "alloc_space" is not a sample type of this profile (it has: samples, cpu)`,
    );
  });

  test('a sample index out of range', async () => {
    await expectError(
      [source, '--sample-index', '5'],
      `perfgate top: ${source}: sample index 5 is outside the range [0..1] of this profile's sample types`,
    );
  });

  test('a bad --nodecount', async () => {
    await expectError(
      [source, '--nodecount', 'ten'],
      'perfgate top: --nodecount: "ten" is not a whole number',
    );
  });

  test('a bad --format', async () => {
    await expectError(
      [source, '--format', 'html'],
      'perfgate top: --format: "html" is not one of: text, markdown, json',
    );
  });

  test('an unknown flag', async () => {
    await expectError(
      [source, '--frobnicate'],
      'perfgate top: unknown option --frobnicate (see perfgate top --help)',
    );
  });

  test('a flag without its value', async () => {
    await expectError(
      [source, '--nodecount'],
      'perfgate top: option --nodecount needs a value (write --nodecount=VALUE for a value that starts with -)',
    );
    await expectError(
      [source, '--nodecount', '-3'],
      'perfgate top: option --nodecount needs a value (write --nodecount=VALUE for a value that starts with -)',
    );
  });

  test('a value given to a flag that takes none', async () => {
    const r = await cli('comment', 'base.txt', 'head.txt', '--stored-baseline=yes');
    expect(r.stderr).toBe('perfgate comment: option --stored-baseline takes no value\n');
    expect(r.code).toBe(2);
  });

  test('a bad size', async () => {
    await expectError(
      [source, '--max-decompressed-size', 'lots'],
      'perfgate top: --max-decompressed-size: "lots" is not a size (e.g. "1GiB", "512MiB", "1000000")',
    );
  });
});
