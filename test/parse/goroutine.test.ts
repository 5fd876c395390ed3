import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { FormatError } from '../../src/errors.js';
import {
  blockingFrame,
  commonKey,
  creatorKey,
  entryFrame,
  type GoFrame,
  type GoroutineGroup,
  type GoroutineSnapshot,
} from '../../src/model/goroutines.js';
import {
  parseGoroutineDebug1,
  parseGoroutineDebug2,
  parseGoroutines,
  sniffGoroutineText,
} from '../../src/parse/goroutine/index.js';

const PROFILES = 'fixtures/profiles';

/**
 * Every scenario/variant directory made by fixtures/generate.sh (`crafted` and `mapkinds` hold
 * no dumps).
 */
const runs = readdirSync(PROFILES)
  .filter((s) => s !== 'crafted' && s !== 'mapkinds')
  .flatMap((s) => readdirSync(path.join(PROFILES, s)).map((v) => `${s}/${v}`))
  .sort();

const forms = ['goroutine.debug1.txt', 'goroutine.debug2.txt', 'goroutine.pb.gz'] as const;

function fixtureText(run: string, file: string): string {
  return readFileSync(path.join(PROFILES, run, file), 'utf8');
}

function load(run: string, file: string): GoroutineSnapshot {
  return parseGoroutines(readFileSync(path.join(PROFILES, run, file)), file);
}

/** How many requests the leak scenario makes, as leak.go says: each leaks one of every kind. */
const leakRequests = Number(
  /^const leakRequests = (\d+)$/m.exec(readFileSync('fixtures/go/workload/leak.go', 'utf8'))![1],
);

function has(g: GoroutineGroup, fn: string): boolean {
  return g.stack.some((f) => f.fn === fn);
}

function frame(fn: string, file = 'x.go', line = 1): GoFrame {
  return { fn, file, line };
}

/** The message of the FormatError that `f` throws. */
function formatError(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return (err as FormatError).message;
  }
  throw new Error('no error thrown');
}

describe('the three forms of the real fixtures', () => {
  test('every scenario has all three forms', () => {
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      const files = readdirSync(path.join(PROFILES, run));
      expect(files, run).toEqual(expect.arrayContaining([...forms]));
    }
  });

  test.each(runs)('%s: the forms agree on the number of goroutines', (run) => {
    const [d1, d2, proto] = forms.map((f) => load(run, f)) as [
      GoroutineSnapshot,
      GoroutineSnapshot,
      GoroutineSnapshot,
    ];
    expect([d1.source, d2.source, proto.source]).toEqual(['debug1', 'debug2', 'proto']);
    for (const s of [d1, d2, proto]) {
      expect(s.warnings).toEqual([]);
      expect(s.total).toBe(s.groups.reduce((n, g) => n + g.count, 0));
    }
    // The dumps were taken one after another: only the goroutine writing them may differ.
    expect(Math.abs(d1.total - proto.total)).toBeLessThanOrEqual(2);
    expect(Math.abs(d2.total - proto.total)).toBeLessThanOrEqual(2);
  });

  test.each(runs)('%s: debug=1 totals match its header', (run) => {
    const text = fixtureText(run, 'goroutine.debug1.txt');
    const header = Number(/^goroutine profile: total (\d+)$/m.exec(text)![1]);
    expect(parseGoroutineDebug1(text, 'x').total).toBe(header);
  });

  test.each(runs)('%s: debug=2 counts every goroutine block', (run) => {
    const text = fixtureText(run, 'goroutine.debug2.txt');
    const blocks = text.match(/^goroutine \d+ \[/gm)!.length;
    expect(parseGoroutineDebug2(text, 'x').total).toBe(blocks);
  });

  test('leak head: every form finds the leaked waitForResult goroutines in one group', () => {
    for (const file of ['goroutine.debug1.txt', 'goroutine.pb.gz']) {
      const s = load('leak/head', file);
      const waiting = s.groups.filter((g) => blockingFrame(g)?.fn === 'main.waitForResult');
      expect(
        waiting.map((g) => g.count),
        file,
      ).toEqual([leakRequests]);
      expect(waiting[0]!.state).toBeUndefined();
      expect(waiting[0]!.createdBy).toBeUndefined();
    }
    const d2 = load('leak/head', 'goroutine.debug2.txt');
    const waiting = d2.groups.filter(
      (g) => g.state === 'chan receive' && g.createdBy?.fn === 'main.fetchSummary',
    );
    expect(waiting.map((g) => g.count)).toEqual([leakRequests]);
    const g = waiting[0]!;
    expect(blockingFrame(g)?.fn).toBe('main.waitForResult');
    expect(entryFrame(g)?.fn).toBe('main.waitForResult');
    expect(g.createdBy?.file).toBe('perfgate.example/fixtures/workload/leak.go');
    expect(creatorKey(g)).toBe(
      'main.fetchSummary ⇒ main.waitForResult → main.waitForResult [chan receive]',
    );
  });

  test('leak base: nothing waits in waitForResult', () => {
    for (const file of forms) {
      const s = load('leak/base', file);
      expect(
        s.groups.filter((g) => has(g, 'main.waitForResult')),
        file,
      ).toEqual([]);
    }
  });

  test('the proto form keeps the runtime frames that debug=1 hides', () => {
    const leaf = (file: string) =>
      load('leak/head', file).groups.find((g) => has(g, 'main.waitForResult'))!.stack[0]!.fn;
    expect(leaf('goroutine.debug1.txt')).toBe('main.waitForResult');
    expect(leaf('goroutine.pb.gz')).toBe('runtime.gopark');
  });

  test('commonKey puts all persistConn.readLoop goroutines under the same key in every form', () => {
    const keys: string[] = [];
    for (const file of forms) {
      const s = load('leak/head', file);
      const readLoops = s.groups.filter((g) => has(g, 'net/http.(*persistConn).readLoop'));
      const bySite = new Map<string, number>();
      for (const g of readLoops)
        bySite.set(commonKey(g), (bySite.get(commonKey(g)) ?? 0) + g.count);
      expect([...bySite.values()], file).toEqual([leakRequests]);
      keys.push(...bySite.keys());
    }
    expect(keys).toEqual(
      forms.map(() => 'net/http.(*persistConn).readLoop → net/http.(*persistConn).readLoop'),
    );
    // debug=2 also knows who started them, and their state.
    const debug2 = load('leak/head', 'goroutine.debug2.txt').groups.find((g) =>
      has(g, 'net/http.(*persistConn).readLoop'),
    )!;
    expect(creatorKey(debug2)).toBe(
      'net/http.(*Transport).dialConn ⇒ net/http.(*persistConn).readLoop → net/http.(*persistConn).readLoop [select]',
    );
  });

  test('the writer goroutine enters at main.main in every form', () => {
    for (const file of forms) {
      const s = load('leak/head', file);
      const writer = s.groups.filter((g) => has(g, 'main.writeProfile'));
      expect(
        writer.map((g) => entryFrame(g)?.fn),
        file,
      ).toEqual(['main.main']);
    }
  });

  test.each(runs.flatMap((run) => forms.map((f) => [run, f] as const)))(
    '%s/%s: sniffing tells the forms apart',
    (run, file) => {
      const expected = { 'goroutine.debug1.txt': 'debug1', 'goroutine.debug2.txt': 'debug2' };
      const text = readFileSync(path.join(PROFILES, run, file), 'latin1');
      expect(sniffGoroutineText(text)).toBe(expected[file as keyof typeof expected]);
    },
  );

  test('a gzipped text dump reads like the plain one', () => {
    for (const file of ['goroutine.debug1.txt', 'goroutine.debug2.txt']) {
      const bytes = readFileSync(path.join(PROFILES, 'leak/head', file));
      expect(parseGoroutines(gzipSync(bytes), file)).toEqual(parseGoroutines(bytes, file));
    }
  });
});

describe('cut-off dumps', () => {
  const debug2 = fixtureText('leak/head', 'goroutine.debug2.txt');
  const debug1 = fixtureText('leak/head', 'goroutine.debug1.txt');
  const at60 = Math.floor(debug2.length * 0.6);

  test('the 60% cuts land inside a line', () => {
    expect(debug2[at60 - 1]).not.toBe('\n');
    expect(debug1[Math.floor(debug1.length * 0.6) - 1]).not.toBe('\n');
  });

  /** The offset just after the first line at or after `from` that matches `line`. */
  function after(text: string, line: RegExp, from: number): number {
    const re = new RegExp(line.source, 'gm');
    re.lastIndex = from;
    const m = re.exec(text)!;
    return m.index + m[0].length + 1;
  }

  /** debug=2 goroutines that end before `cut`: each whole block is followed by a blank line. */
  const wholeDebug2 = (cut: number) => debug2.slice(0, cut).split('\n\n').length - 1;

  test.each([
    ['in the middle of a line', at60],
    ['after a frame without its file line', after(debug2, /^main\.waitForResult\(.*\)$/, at60)],
    ['after `created by` without its file line', after(debug2, /^created by .*$/, at60)],
    ['after a header without frames', after(debug2, /^goroutine \d+ \[.*\]:$/, at60)],
  ])('debug=2 cut %s', (_, cut) => {
    const text = debug2.slice(0, cut);
    const whole = wholeDebug2(cut);
    expect(whole).toBeGreaterThan(0);
    expect(whole).toBeLessThan(parseGoroutineDebug2(debug2, 'x').total);
    const s = parseGoroutineDebug2(text, 'head.txt');
    expect(s.warnings).toEqual([
      `head.txt: the dump is cut off after ${whole} whole goroutines; the rest is ignored`,
    ]);
    expect(s.total).toBe(whole);
  });

  test('a debug=2 dump cut between two goroutines looks whole (nothing tells)', () => {
    const cut = debug2.indexOf('\n\ngoroutine ', at60) + 2;
    const s = parseGoroutineDebug2(debug2.slice(0, cut), 'x');
    expect(s.warnings).toEqual([]);
    expect(s.total).toBe(wholeDebug2(cut));
  });

  test('debug=2 cut so early that no goroutine is whole', () => {
    expect(formatError(() => parseGoroutineDebug2(debug2.slice(0, 40), 'x'))).toBe(
      'no goroutines in the dump',
    );
  });

  /** Goroutines in debug=1 records that end (with a blank line) before `cut`. */
  function wholeDebug1(cut: number): number {
    const text = debug1.slice(0, cut);
    const done = text.slice(0, text.lastIndexOf('\n\n'));
    return [...done.matchAll(/^(\d+) @/gm)].reduce((n, m) => n + Number(m[1]), 0);
  }

  test.each([
    ['in the middle of a line', Math.floor(debug1.length * 0.6)],
    ['after a record’s count line', after(debug1, /^\d+ @.*$/, Math.floor(debug1.length * 0.6))],
  ])('debug=1 cut %s', (_, cut) => {
    const whole = wholeDebug1(cut);
    expect(whole).toBeGreaterThan(0);
    const s = parseGoroutineDebug1(debug1.slice(0, cut), 'head.txt');
    expect(s.warnings).toEqual([
      `head.txt: the dump is cut off after ${whole} whole goroutines; the rest is ignored`,
    ]);
    expect(s.total).toBe(whole);
  });

  test.each([
    ['goroutine.debug1.truncated.txt', debug1, parseGoroutineDebug1, wholeDebug1],
    ['goroutine.debug2.truncated.txt', debug2, parseGoroutineDebug2, wholeDebug2],
  ])('the cut fixture %s', (file, full, parse, whole) => {
    const text = fixtureText('leak/head', file);
    expect(full.startsWith(text)).toBe(true);
    const s = parse(text, file);
    expect(s.warnings).toEqual([
      `${file}: the dump is cut off after ${whole(text.length)} whole goroutines; the rest is ignored`,
    ]);
    expect(s.total).toBe(whole(text.length));
  });

  test('debug=1 whose header disagrees with its records', () => {
    const full = parseGoroutineDebug1(debug1, 'x');
    const text = debug1.replace(/total \d+/, `total ${full.total + 1}`);
    expect(parseGoroutineDebug1(text, 'head.txt').warnings).toEqual([
      `head.txt: the records count ${full.total} goroutines but the header says ${full.total + 1}`,
    ]);
  });
});

describe('debug=2 details', () => {
  const block = (header: string, ...frames: string[]) =>
    [header, ...frames.flatMap((f) => [`${f}(0x1?)`, `\t/src/${f}.go:10 +0x1f`])].join('\n');
  const created = 'created by main.main in goroutine 1\n\t/src/main.go:5 +0x25';

  test('goroutines alike but for their wait time are one group with the longest wait', () => {
    const text = [
      `${block('goroutine 5 [chan receive, 3 minutes]:', 'main.worker')}\n${created}`,
      `${block('goroutine 6 [chan receive, 7 minutes, locked to thread]:', 'main.worker')}\n${created}`,
      `${block('goroutine 7 [chan receive]:', 'main.worker')}\n${created}`,
    ].join('\n\n');
    const s = parseGoroutineDebug2(`${text}\n`, 'x');
    expect(s.groups).toEqual([
      {
        count: 3,
        stack: [{ fn: 'main.worker', file: '/src/main.worker.go', line: 10 }],
        state: 'chan receive',
        waitMinutes: 7,
        createdBy: { fn: 'main.main', file: '/src/main.go', line: 5 },
      },
    ]);
  });

  test.each([
    ['goroutine 1 [running]:', 'running', undefined],
    ['goroutine 1 [semacquire, 1 minutes]:', 'semacquire', 1],
    ['goroutine 1 [sync.Mutex.Lock, 12 minutes]:', 'sync.Mutex.Lock', 12],
    ['goroutine 1 [GC worker (idle)]:', 'GC worker (idle)', undefined],
    ['goroutine 1 [chan receive (leaked)]:', 'chan receive (leaked)', undefined],
    ['goroutine 1 [running (scan)]:', 'running', undefined],
    ['goroutine 1 gp=0xc000002380 m=0 mp=0x5a0e40 [running]:', 'running', undefined],
  ])('%s', (header, state, waitMinutes) => {
    const [g] = parseGoroutineDebug2(`${block(header, 'main.main')}\n`, 'x').groups;
    expect(g!.state).toBe(state);
    expect(g!.waitMinutes).toBe(waitMinutes);
  });

  test('inlined frames, elided frames and argument lists', () => {
    const text = [
      'goroutine 9 [select]:',
      'net/http.(*persistConn).readLoop({0xc0, 0x1}, ...)',
      '\tnet/http/transport.go:2450',
      '...12 frames elided...',
      'main.run[...](0x0?)',
      '\tmain.go:7 +0x1c',
      'created by net/http.(*Transport).dialConn',
      '\tnet/http/transport.go:1994 +0x16ac',
      '',
    ].join('\n');
    const [g] = parseGoroutineDebug2(text, 'x').groups;
    expect(g!.stack).toEqual([
      { fn: 'net/http.(*persistConn).readLoop', file: 'net/http/transport.go', line: 2450 },
      { fn: 'main.run[...]', file: 'main.go', line: 7 },
    ]);
    expect(g!.createdBy?.fn).toBe('net/http.(*Transport).dialConn');
  });

  test('unrecognised lines are reported, the first ten one by one', () => {
    const good = `${block('goroutine 1 [running]:', 'main.main')}\n`;
    const one = parseGoroutineDebug2(`garbage\n\n${good}`, 'd.txt');
    expect(one.warnings).toEqual(['d.txt:1: unrecognised line "garbage"']);
    expect(one.total).toBe(1);

    const junk = Array.from({ length: 12 }, (_, i) => `junk ${i + 1}`).join('\n');
    const many = parseGoroutineDebug2(`${junk}\n\n${good}`, 'd.txt');
    expect(many.warnings).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `d.txt:${i + 1}: unrecognised line "junk ${i + 1}"`),
      'd.txt: 2 more unrecognised lines',
    ]);
  });
});

describe('debug=1 details', () => {
  test('labels are kept; records that differ only in hidden frames are merged', () => {
    const text = [
      'goroutine profile: total 6',
      '2 @ 0x1 0x2 0x3',
      '#\t0x2\tmain.wait+0x1b\t\t/src/w.go:9',
      '',
      '3 @ 0x1 0x5 0x3',
      '#\t0x2\tmain.wait+0x1b\t\t/src/w.go:9',
      '',
      '1 @ 0x1 0x2 0x3',
      '# labels: {"worker":"7"}',
      '#\t0x2\tmain.wait+0x1b\t\t/src/w.go:9',
      '#\t0x9',
      '',
    ].join('\n');
    const s = parseGoroutineDebug1(text, 'x');
    expect(s.warnings).toEqual([]);
    expect(s.groups).toEqual([
      { count: 5, stack: [{ fn: 'main.wait', file: '/src/w.go', line: 9 }] },
      {
        count: 1,
        stack: [
          { fn: 'main.wait', file: '/src/w.go', line: 9 },
          { fn: '0x9', file: '', line: 0 },
        ],
        labels: '{"worker":"7"}',
      },
    ]);
  });
});

describe('frame helpers', () => {
  const group = (stack: GoFrame[], extra: Partial<GoroutineGroup> = {}): GoroutineGroup => ({
    count: 1,
    stack,
    ...extra,
  });

  test.each([
    [['runtime.gopark', 'runtime.chanrecv1', 'main.wait', 'runtime.goexit'], 'main.wait'],
    [
      ['internal/poll.runtime_pollWait', 'internal/poll.(*pollDesc).wait'],
      'internal/poll.(*pollDesc).wait',
    ],
    [
      ['runtime.gopark', 'sync.runtime_SemacquireMutex', 'sync.(*Mutex).Lock'],
      'sync.(*Mutex).Lock',
    ],
    [['internal/runtime/syscall.Syscall6', 'syscall.read'], 'syscall.read'],
    [['runtime/pprof.writeGoroutine', 'main.main'], 'runtime/pprof.writeGoroutine'],
    [['runtime.gopark', 'runtime.goexit'], 'runtime.gopark'],
  ])('blockingFrame of %j is %s', (fns, expected) => {
    expect(blockingFrame(group(fns.map((f) => frame(f))))?.fn).toBe(expected);
  });

  test.each([
    [['main.wait', 'runtime.goexit'], 'main.wait'],
    [['main.writeProfile', 'main.main', 'runtime.main', 'runtime.goexit'], 'main.main'],
    [['runtime.goexit'], undefined],
    [[], undefined],
  ])('entryFrame of %j is %s', (fns, expected) => {
    expect(entryFrame(group(fns.map((f) => frame(f))))?.fn).toBe(expected);
  });

  test('the keys use names only, so moved lines keep them', () => {
    const at = (line: number) =>
      group([frame('runtime.gopark', 'proc.go', line), frame('main.wait', 'w.go', line)], {
        state: 'chan receive',
        createdBy: frame('main.start', 's.go', line),
      });
    expect(creatorKey(at(1))).toBe('main.start ⇒ main.wait → main.wait [chan receive]');
    expect(creatorKey(at(2))).toBe(creatorKey(at(1)));
    expect(commonKey(at(1))).toBe('main.wait → main.wait');
    expect(commonKey(group([frame('main.wait'), frame('main.loop')]))).toBe(
      'main.loop → main.wait',
    );
  });

  test('a goroutine not yet started has the same key in every form', () => {
    expect(commonKey(group([]))).toBe('(not started)');
    expect(commonKey(group([frame('runtime.goexit')]))).toBe('(not started)');
  });

  test.each([
    [['runtime.gopark', 'time.Sleep', 'main.refresh'], 'main.refresh'],
    [['sync.runtime_SemacquireWaitGroup', 'sync.(*WaitGroup).Wait', 'main.run'], 'main.run'],
    [['internal/poll.(*pollDesc).wait', 'net.(*conn).Read', 'main.read'], 'main.read'],
  ])('the standard wait primitives are skipped: blockingFrame of %j is %s', (fns, expected) => {
    expect(blockingFrame(group(fns.map((f) => frame(f))))?.fn).toBe(expected);
  });
});

describe('records without frames (go/chiservice, taken live)', () => {
  const text = readFileSync('fixtures/goroutines/chiservice-leaky.debug1.txt', 'utf8');

  test('a last record without frames is a goroutine, not a cut', () => {
    expect(text.endsWith('\n1 @ 0x491dc1\n\n')).toBe(true);
    const s = parseGoroutineDebug1(text, 'chi.txt');
    expect(s.warnings).toEqual([]);
    expect(s.total).toBe(Number(/total (\d+)/.exec(text)![1]));
    const frameless = s.groups.filter((g) => g.stack.length === 0);
    expect(frameless.map((g) => [g.count, commonKey(g)])).toEqual([[1, '(not started)']]);
  });

  test('the same record without the blank line Go ends it with: cut off there', () => {
    const s = parseGoroutineDebug1(text.slice(0, -1), 'chi.txt');
    expect(s.warnings).toEqual([
      `chi.txt: the dump is cut off after ${s.total} whole goroutines; the rest is ignored`,
    ]);
    expect(s.total).toBe(Number(/total (\d+)/.exec(text)![1]) - 1);
  });
});

describe('bad input', () => {
  const notADump =
    'not a goroutine dump (expected a goroutine profile .pb.gz, or debug=1 / debug=2 text)';

  test.each([
    ['empty debug=2 text', () => parseGoroutineDebug2('', 'x'), 'no goroutines in the dump'],
    ['blank debug=2 text', () => parseGoroutineDebug2('\n\n', 'x'), 'no goroutines in the dump'],
    [
      'debug=1 text given as debug=2',
      () => parseGoroutineDebug2(fixtureText('leak/head', 'goroutine.debug1.txt'), 'x'),
      'no goroutines in the dump',
    ],
    [
      'empty debug=1 text',
      () => parseGoroutineDebug1('', 'x'),
      'not a goroutine debug=1 dump: it does not start with "goroutine profile: total N"',
    ],
    [
      'debug=2 text given as debug=1',
      () => parseGoroutineDebug1(fixtureText('leak/head', 'goroutine.debug2.txt'), 'x'),
      'not a goroutine debug=1 dump: it does not start with "goroutine profile: total N"',
    ],
    ['no bytes', () => parseGoroutines(new Uint8Array(), 'x'), notADump],
    [
      'text in neither form',
      () => parseGoroutines(new TextEncoder().encode('hello, world\n'), 'x'),
      notADump,
    ],
    [
      'a cpu profile',
      () => parseGoroutines(readFileSync(path.join(PROFILES, 'leak/head/cpu.pb.gz')), 'x'),
      'not a goroutine profile (sample types: samples/count, cpu/nanoseconds)',
    ],
  ])('%s', (_, f, message) => {
    expect(formatError(f)).toBe(message);
  });

  test('neither form is sniffed from other text', () => {
    expect(sniffGoroutineText('')).toBeUndefined();
    expect(sniffGoroutineText('goroutine profile: total\n')).toBeUndefined();
    expect(sniffGoroutineText('panic: boom\n\ngoroutine 1 [running]:\n')).toBeUndefined();
  });
});
