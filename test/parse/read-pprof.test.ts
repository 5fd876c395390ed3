import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parsePprof, readPprof } from '../../src/parse/pprof/index.js';
import { readPprofOffThread, runOnThread, threadScript } from '../../src/parse/pprof/thread.js';

/** Every gzipped pprof profile among the fixtures, made by the Go toolchain. */
function fixtureProfiles(dir = 'fixtures/profiles'): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureProfiles(p));
    else if (e.name.endsWith('.pb.gz')) out.push(p);
  }
  return out.sort();
}

const errorOf = async (run: () => unknown): Promise<string> => {
  try {
    await run();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};

describe('readPprof: decoding while decompressing', () => {
  const files = fixtureProfiles();

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s reads as parsePprof reads it, in pieces of 64 bytes', async (file) => {
    const bytes = readFileSync(file);
    const whole = parsePprof(bytes);
    const pieces = await readPprof(bytes, { pieceBytes: 64 });
    expect(pieces).toEqual(whole);
    expect(await readPprof(bytes)).toEqual(whole);
  });

  it('gives the error parsePprof gives, at the same byte, when a field is cut', async () => {
    const raw = gunzipSync(readFileSync('fixtures/profiles/json/head/cpu.pb.gz'));
    const cut = gzipSync(raw.subarray(0, Math.floor(raw.length * 0.7)));
    const want = await errorOf(() => parsePprof(cut));
    expect(want).toMatch(/^malformed protobuf at byte \d+: .* declares \d+ bytes but only/);
    expect(await errorOf(() => readPprof(cut, { pieceBytes: 64 }))).toBe(want);
    expect(await errorOf(() => readPprof(cut))).toBe(want);
  });

  it('says where a bad field is in the whole profile, not in its piece', async () => {
    const raw = Buffer.from(gunzipSync(readFileSync('fixtures/profiles/json/head/cpu.pb.gz')));
    // A field number 0 after the last field: hundreds of pieces of 64 bytes into the data.
    const bad = Buffer.concat([raw, Buffer.from([0x00, 0x00])]);
    const want = await errorOf(() => parsePprof(gzipSync(bad)));
    expect(want).toBe(
      `malformed protobuf at byte ${raw.length + 1}: field number 0 is not valid protobuf`,
    );
    expect(await errorOf(() => readPprof(gzipSync(bad), { pieceBytes: 64 }))).toBe(want);
  });

  it('refuses what parsePprof refuses, with the same words', async () => {
    const cases: [string, Uint8Array][] = [
      ['text', gzipSync('This is not a profile.\n')],
      ['empty', gzipSync(Buffer.alloc(0))],
      [
        'truncated gzip',
        gzipSync(readFileSync('fixtures/profiles/json/head/cpu.pb.gz')).subarray(0, 200),
      ],
      [
        'corrupt gzip',
        Buffer.from([
          0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        ]),
      ],
    ];
    for (const [what, bytes] of cases) {
      const want = await errorOf(() => parsePprof(bytes));
      expect(want, what).not.toBe('no error');
      expect(await errorOf(() => readPprof(bytes, { pieceBytes: 64 })), what).toBe(want);
    }
  });

  it('stops at the decompression limit', async () => {
    const bytes = readFileSync('fixtures/profiles/json/head/cpu.pb.gz');
    const limit = 4096;
    expect(
      await errorOf(() => readPprof(bytes, { maxDecompressedBytes: limit, pieceBytes: 64 })),
    ).toBe('gzip data decompresses to more than 4 KiB, the limit for one profile');
    expect(await errorOf(() => parsePprof(bytes, { maxDecompressedBytes: limit }))).toBe(
      'gzip data decompresses to more than 4 KiB, the limit for one profile',
    );
  });

  it('reads a profile gzipped in two members, cut mid-field, as parsePprof does', async () => {
    const raw = gunzipSync(readFileSync('fixtures/profiles/json/head/cpu.pb.gz'));
    const cut = Math.floor(raw.length / 2) + 1;
    const bytes = Buffer.concat([gzipSync(raw.subarray(0, cut)), gzipSync(raw.subarray(cut))]);
    const p = await readPprof(bytes, { pieceBytes: 64 });
    expect(p).toEqual(parsePprof(bytes));
    expect(p.samples.count).toBe(parsePprof(raw).samples.count);
  });

  it('gathers a field longer than many pieces (a long string) and decodes it whole', async () => {
    const raw = gunzipSync(readFileSync('fixtures/profiles/json/head/cpu.pb.gz'));
    // A string table entry (field 6) of 100 KB, appended: one field over 1,500 pieces of 64 bytes.
    const long = Buffer.alloc(100_000, 0x61);
    const field = Buffer.concat([Buffer.from([0x32, 0xa0, 0x8d, 0x06]), long]);
    const bytes = gzipSync(Buffer.concat([raw, field]));
    const p = await readPprof(bytes, { pieceBytes: 64 });
    expect(p).toEqual(parsePprof(bytes));
    expect(p.samples.count).toBe(
      parsePprof(readFileSync('fixtures/profiles/json/head/cpu.pb.gz')).samples.count,
    );
  });
});

describe('readPprofOffThread: a profile read on a worker thread', () => {
  it('is bundled beside the command-line tool', () => {
    expect(threadScript('parse-worker.js')).toMatch(/dist[\\/]parse-worker\.js$/);
  });

  it.each([
    'fixtures/profiles/growslice/head/allocs.pb.gz',
    'fixtures/profiles/json/base/cpu.pb.gz',
    'fixtures/profiles/growslice/head/goroutine.pb.gz',
  ])('%s comes back as read here, its samples still in shared memory', async (file) => {
    const bytes = readFileSync(file);
    const there = await readPprofOffThread(bytes, {}, 0);
    expect(there).toEqual(parsePprof(bytes));
    expect(there.samples.stack.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(there.samples.labels.num.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it("says what the thread's reading found wrong, in the same words", async () => {
    const text = gzipSync('This is not a profile.\n');
    const limited = readFileSync('fixtures/profiles/json/head/cpu.pb.gz');
    expect(await errorOf(() => readPprofOffThread(text, {}, 0))).toBe(
      await errorOf(() => parsePprof(text)),
    );
    expect(
      await errorOf(() => readPprofOffThread(limited, { maxDecompressedBytes: 4096 }, 0)),
    ).toBe('gzip data decompresses to more than 4 KiB, the limit for one profile');
  });
});

describe('runOnThread: a thread that fails', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfgate-thread-'));
  const script = (name: string, code: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, code);
    return f;
  };

  it('reports a thread that throws, or exits without an answer, instead of waiting', async () => {
    const throws = await runOnThread(script('throws.mjs', "throw new Error('no memory');\n"), {});
    expect(throws).toEqual({ threadError: expect.stringContaining('no memory') });
    const exits = await runOnThread(script('exits.mjs', 'process.exit(3);\n'), {});
    expect(exits).toEqual({ threadError: 'the thread exited (3)' });
  });

  it('answers with what the script sends back', async () => {
    const echo = script(
      'echo.mjs',
      "import { parentPort, workerData } from 'node:worker_threads';\nparentPort.postMessage({ got: workerData.n + 1 });\n",
    );
    expect(await runOnThread(echo, { n: 41 })).toEqual({ got: 42 });
  });
});
