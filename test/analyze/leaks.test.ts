import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  defaultLeakOptions,
  findLeaks,
  leakAdvice,
  leakKind,
  mixedFormsNote,
} from '../../src/analyze/leaks.js';
import { profileInsights } from '../../src/analyze/profile-insights.js';
import { parseGoroutines } from '../../src/parse/goroutine/index.js';
import { parsePprof } from '../../src/parse/pprof/index.js';

const dump = (variant: string, file: string) =>
  parseGoroutines(readFileSync(`fixtures/profiles/leak/${variant}/${file}`), file);

describe('goroutine leaks on the leak fixture (blocked receivers, HTTP bodies never closed)', () => {
  test('debug=2: the blocked receivers, by creation site, wait site and state, with their growth', () => {
    const leaks = findLeaks(
      dump('head', 'goroutine.debug2.txt'),
      dump('base', 'goroutine.debug2.txt'),
    );
    const receivers = leaks.find((l) => l.blocking?.fn === 'main.waitForResult')!;
    expect(receivers).toMatchObject({ severity: 'leak', state: 'chan receive', base: 0 });
    expect(receivers.createdBy).toEqual({
      fn: 'main.fetchSummary',
      file: 'perfgate.example/fixtures/workload/leak.go',
      line: receivers.createdBy!.line,
    });
    expect(receivers.entry?.fn).toBe('main.waitForResult');
    expect(receivers.kind).toBe('chan-receive');
    expect(receivers.advice).toBe(leakAdvice['chan-receive']);
    expect(receivers.head).toBeGreaterThanOrEqual(defaultLeakOptions.minGrowth);
    const loops = leaks.filter((l) =>
      /persistConn\)\.(readLoop|writeLoop)/.test(l.blocking?.fn ?? ''),
    );
    expect(loops).toHaveLength(2);
  });

  test.each(['goroutine.debug1.txt', 'goroutine.pb.gz', 'goroutineleak.pb.gz'])(
    '%s: the same receivers',
    (file) => {
      const leaks = findLeaks(dump('head', file), dump('base', file));
      const receivers = leaks.find((l) => l.blocking?.fn === 'main.waitForResult')!;
      expect(receivers.head - receivers.base!).toBe(
        findLeaks(dump('head', 'goroutine.debug2.txt'), dump('base', 'goroutine.debug2.txt')).find(
          (l) => l.blocking?.fn === 'main.waitForResult',
        )!.head,
      );
    },
  );

  test.each(['goroutine.debug1.txt', 'goroutine.pb.gz'])(
    'mixed forms (%s before, debug=2 after): the same growth, on the common key, with a note',
    (file) => {
      const same = findLeaks(
        dump('head', 'goroutine.debug2.txt'),
        dump('base', 'goroutine.debug2.txt'),
      );
      const mixed = findLeaks(dump('head', 'goroutine.debug2.txt'), dump('base', file));
      const growth = (ls: typeof same) => ls.map((l) => [l.blocking?.fn, l.head - l.base!]).sort();
      expect(growth(mixed)).toEqual(growth(same));
      expect(mixedFormsNote(dump('head', 'goroutine.debug2.txt'), dump('base', file))).toMatch(
        /^goroutine dumps in different forms \(before: .+, after: debug=2 text\) are compared by each goroutine's function and wait site only; take both as goroutine\?debug=2 to group them by creator too$/,
      );
    },
  );

  test('one folder against itself in mixed forms (proto before, debug=2 after): no leak', () => {
    expect(
      findLeaks(dump('head', 'goroutine.debug2.txt'), dump('head', 'goroutine.pb.gz')),
    ).toEqual([]);
  });

  test.each(['goroutine.debug2.txt', 'goroutine.pb.gz', 'goroutine.debug1.txt'])(
    '%s: unclosed response bodies get the advice to close them',
    (file) => {
      const leaks = findLeaks(dump('head', file), dump('base', file));
      const loops = leaks.filter((l) => /persistConn\)\.(read|write)Loop$/.test(l.blocking!.fn));
      expect(loops.map((l) => l.kind)).toEqual(['http-body', 'http-body']);
    },
  );

  test('the proto form keeps the runtime frames that say it is a channel receive', () => {
    const leaks = findLeaks(dump('head', 'goroutine.pb.gz'), dump('base', 'goroutine.pb.gz'));
    expect(leaks.find((l) => l.blocking?.fn === 'main.waitForResult')?.kind).toBe('chan-receive');
  });

  test('identical snapshots: nothing', () => {
    const head = dump('head', 'goroutine.debug2.txt');
    expect(findLeaks(head, head)).toEqual([]);
  });

  test('an ignore pattern hides long-lived goroutines', () => {
    const leaks = findLeaks(
      dump('head', 'goroutine.debug2.txt'),
      dump('base', 'goroutine.debug2.txt'),
      {
        ...defaultLeakOptions,
        ignore: [
          ...defaultLeakOptions.ignore,
          'net/http.*',
          'main.waitForResult',
          'internal/poll.*',
        ],
      },
    );
    expect(leaks).toEqual([]);
  });

  test('one snapshot: many goroutines parked at one site is a softer warning', () => {
    const parked = findLeaks(dump('head', 'goroutine.debug2.txt'), undefined, {
      ...defaultLeakOptions,
      parkedThreshold: 30,
    });
    expect(parked.length).toBeGreaterThan(0);
    expect(parked.every((p) => p.severity === 'parked' && p.base === undefined)).toBe(true);
  });

  test('a cut-off dump: what is whole is read, the rest is warned about', () => {
    const cut = dump('head', 'goroutine.debug2.truncated.txt');
    expect(cut.warnings[0]).toMatch(
      /^goroutine\.debug2\.truncated\.txt: the dump is cut off after \d+ whole goroutines; the rest is ignored$/,
    );
    expect(cut.total).toBeGreaterThan(0);
  });
});

describe('profile insights on identical base and head warn of nothing', () => {
  test.each(['growslice', 'leak', 'mutex'])('%s', (scenario) => {
    const p = (kind: string) =>
      parsePprof(readFileSync(`fixtures/profiles/${scenario}/head/${kind}.pb.gz`));
    const g = dump('head', 'goroutine.debug2.txt');
    const insights = profileInsights({
      pairs: ['cpu', 'allocs', 'heap', 'block', 'mutex'].map((k) => ({
        name: `${k}.pb.gz`,
        base: p(k),
        head: p(k),
      })),
      goroutines: { base: g, head: g },
      source: undefined,
    });
    expect(insights.changes.flatMap((c) => c.grown)).toEqual([]);
    expect(insights.hotspots.filter((h) => h.isNew || h.head.bytes !== h.base!.bytes)).toEqual([]);
    expect(insights.leaks).toEqual([]);
  });
});

describe('the kind of a leak, from the shape of its stack', () => {
  const f = (fn: string) => ({ fn, file: 'x.go', line: 1 });
  const group = (fns: string[], state?: string) => ({
    count: 1,
    stack: fns.map(f),
    ...(state !== undefined ? { state } : {}),
  });

  test.each([
    // debug=2: the wait state says it.
    [['main.wait'], 'chan receive', 'chan-receive'],
    [['main.send'], 'chan send (nil chan)', 'chan-send'],
    [['main.loop'], 'select', 'select'],
    [['time.Sleep', 'main.refresh'], 'sleep', 'sleep'],
    [['sync.(*WaitGroup).Wait', 'main.run'], 'sync.WaitGroup.Wait', 'waitgroup'],
    [['sync.(*Cond).Wait', 'main.consume'], 'sync.Cond.Wait', 'cond'],
    [['sync.(*Mutex).Lock', 'main.update'], 'sync.Mutex.Lock', 'mutex'],
    [['internal/poll.(*FD).Read', 'main.read'], 'IO wait', 'io'],
    // proto: the runtime's frames say it.
    [['runtime.gopark', 'runtime.chanrecv1', 'main.wait'], undefined, 'chan-receive'],
    [['runtime.gopark', 'runtime.chansend1', 'main.send'], undefined, 'chan-send'],
    [['runtime.gopark', 'runtime.selectgo', 'main.loop'], undefined, 'select'],
    [['runtime.gopark', 'time.Sleep', 'main.refresh'], undefined, 'sleep'],
    [
      ['sync.runtime_SemacquireWaitGroup', 'sync.(*WaitGroup).Wait', 'main.run'],
      undefined,
      'waitgroup',
    ],
    [['sync.runtime_notifyListWait', 'sync.(*Cond).Wait', 'main.consume'], undefined, 'cond'],
    [['internal/poll.runtime_pollWait', 'internal/poll.(*FD).Read', 'main.read'], undefined, 'io'],
    // HTTP's connection loops wait in a select, but the cause is an unclosed body.
    [['runtime.selectgo', 'net/http.(*persistConn).readLoop'], 'select', 'http-body'],
    // debug=1 hides the runtime's frames: nothing tells.
    [['main.wait'], undefined, 'unknown'],
  ])('%j [%s] is %s', (fns, state, kind) => {
    expect(leakKind(group(fns, state))).toBe(kind);
  });
});
