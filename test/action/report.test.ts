import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { gate } from '../../src/analyze/gate.js';
import { parseBenchText } from '../../src/parse/benchfmt/index.js';
import { type ArtifactInfo, artifactName } from '../../src/publish/artifacts.js';
import { pickBaseline } from '../../src/publish/baseline-store.js';
import { COMMENT_LIMIT, renderComment } from '../../src/render/comment.js';
import type { RunReport } from '../../src/report/run-report.js';
import { gfmProblems } from '../helpers/gfm.js';

const load = (name: string) => parseBenchText(readFileSync(`fixtures/bench/${name}`, 'utf8'), name);

function report(over: Partial<RunReport> = {}): RunReport {
  const g = gate(load('ab-inter-base.txt'), load('ab-inter-head.txt'));
  return {
    verdict: 'fail',
    reason: '3 benchmarks regressed beyond the limits',
    key: 'bench-go',
    headCommit: 'h'.repeat(40),
    gate: g,
    profiles: undefined,
    baseline: {
      source: 'rerun',
      commit: 'b'.repeat(40),
      branch: 'main',
      createdAt: undefined,
      runUrl: undefined,
    },
    timingsGated: true,
    headOnly: undefined,
    failures: [],
    warnings: [],
    links: {
      run: 'https://github.com/acme/app/actions/runs/1',
      summary: 'https://github.com/acme/app/actions/runs/1#summary',
    },
    generatedAt: '2026-11-27T10:00:00Z',
    ...over,
  };
}

describe('the PR comment', () => {
  test('verdict, regressions, baseline, links; marker first', () => {
    const body = renderComment(report());
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- perfgate:bench-go -->');
    expect(lines[1]).toBe('### ❌ perfgate: fail · 3 benchmarks regressed');
    expect(body).toContain(
      '3 benchmarks regressed beyond the limits. Base `bbbbbbbbbbbb` on <code>main</code>, rerun in this job, interleaved with head.',
    );
    expect(body).toMatch(
      /\| <code>GrowSlice-2<\/code> +\| sec\/op +\| +28\.6 µs \| +74\.3 µs \| +\+160% \| p<0\.001 +\| 10% +\|/,
    );
    expect(body).toContain(
      '<sub>[Run](https://github.com/acme/app/actions/runs/1) · [job summary](https://github.com/acme/app/actions/runs/1#summary)</sub>',
    );
  });

  test('names from benchmarks cannot inject markdown, HTML or mentions', () => {
    const evil = parseBenchText(
      'BenchmarkX@octocat<img/src=x>|*a*-8 10 100 ns/op\n'.repeat(6),
      'a',
    );
    const worse = parseBenchText(
      'BenchmarkX@octocat<img/src=x>|*a*-8 10 200 ns/op\n'.repeat(6),
      'b',
    );
    const body = renderComment(report({ gate: gate(evil, worse) }));
    expect(body).toContain('<code>X&#64;<wbr>octocat&#60;img/src=x&#62;&#124;&#42;a&#42;-8</code>');
    expect(body).not.toContain('@octocat');
    expect(body).not.toContain('<img');
  });

  test('over 65,536 characters the table is shortened, saying how much, and the links stay', () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `BenchmarkLongName${'x'.repeat(40)}${i}-8 10 100 ns/op`,
    );
    const slower = lines.map((l) => l.replace(' 100 ns/op', ' 300 ns/op'));
    const many = (ls: string[]) =>
      parseBenchText([...ls, ...ls, ...ls, ...ls, ...ls, ...ls].join('\n'), 'x');
    const body = renderComment(report({ gate: gate(many(lines), many(slower)) }), Infinity);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(
      body.startsWith(
        '<!-- perfgate:bench-go -->\n### ❌ perfgate: fail · 3000 benchmarks regressed',
      ),
    ).toBe(true);
    const rows = body.split('\n').filter((l) => l.startsWith('| <code>')).length;
    expect(body).toContain(`…and ${3000 - rows} more in the job summary.`);
    const links =
      '<sub>[Run](https://github.com/acme/app/actions/runs/1) · [job summary](https://github.com/acme/app/actions/runs/1#summary)</sub>';
    expect(body.endsWith(`\n\n${links}`)).toBe(true);
    expect(
      gfmProblems(body, {
        tables: [rows],
        foldedStacks: 0,
        links: [
          'https://github.com/acme/app/actions/runs/1',
          'https://github.com/acme/app/actions/runs/1#summary',
        ],
        endsWith: 'Run · job summary',
      }),
    ).toEqual([]);
  });

  test('no baseline', () => {
    const body = renderComment(
      report({
        verdict: 'no-baseline',
        reason: 'no baseline to compare with yet: head measured and reported alone',
        gate: undefined,
        baseline: undefined,
        headOnly: { benchmarks: 30, profiles: 2 },
      }),
    );
    expect(body).toContain('### ℹ️ perfgate: no baseline');
    expect(body).toContain('Measured 30 benchmark results and 2 profiles in head.');
  });
});

describe('finding the baseline artifact', () => {
  const art = (
    id: number,
    branch: string,
    sha: string,
    repoId: number,
    created: string,
    expired = false,
  ): ArtifactInfo => ({
    id,
    name: artifactName('baseline', 'k'),
    expired,
    createdAt: created,
    workflowRun: {
      id: id * 10,
      repositoryId: 1,
      headRepositoryId: repoId,
      headBranch: branch,
      headSha: sha,
    },
  });

  test("the base commit's, else the newest; never a fork's branch of the same name, never expired", () => {
    const list = [
      art(1, 'main', 'old', 1, '2026-11-01T00:00:00Z'),
      art(2, 'main', 'base', 1, '2026-11-02T00:00:00Z'),
      art(3, 'main', 'newer', 1, '2026-11-03T00:00:00Z'),
      art(4, 'main', 'forked', 2, '2026-11-04T00:00:00Z'),
      art(5, 'main', 'gone', 1, '2026-11-05T00:00:00Z', true),
      art(6, 'dev', 'dev', 1, '2026-11-06T00:00:00Z'),
    ];
    expect(pickBaseline(list, 'main', 'base', 1)?.id).toBe(2);
    expect(pickBaseline(list, 'main', 'unknown', 1)?.id).toBe(3);
    expect(pickBaseline(list, 'release', 'x', 1)).toBeUndefined();
  });

  test('artifact names lose the characters artifacts reject', () => {
    expect(artifactName('baseline', 'bench/go: "x"')).toBe('perfgate-baseline-bench-go- -x-');
    expect(artifactName('report', 'a\\b|c')).toBe('perfgate-report-a-b-c');
    expect(artifactName('html', 'k')).toBe('perfgate-html-k');
  });
});
