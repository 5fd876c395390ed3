/**
 * A pull request from a fork and the `workflow_run` workflow that comments for it, run in the
 * test process over in-memory ports: the fork's run cannot comment and leaves its report as an
 * artifact; `mode: comment` posts it after checking it belongs to the pull request.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BASE_SHA, World, repository } from '../helpers/action-world.js';
import { renderingProblems } from '../helpers/gfm.js';

let w: World;
beforeEach(() => {
  w = new World();
});
// Every comment and job summary of the test renders whole on GitHub (cmark-gfm).
afterEach(() => {
  const problems = renderingProblems(w.written);
  w.dispose();
  expect(problems).toEqual([]);
});

const REPORT = 'perfgate-report-benchmarks-bench';

/** A fork's pull request #14 that regressed against a stored baseline; returns its run's id. */
async function forkRun(): Promise<number> {
  await w.push(BASE_SHA, { 'bench-output': 'fixtures/bench/ab-inter-base.txt' });
  const r = await w.pullRequest(
    14,
    { 'bench-output': 'fixtures/bench/ab-inter-head.txt' },
    'someone/app',
  );
  expect(r.code).toBe(1);
  return w.artifacts.named(REPORT)[0]!.info.workflowRun.id;
}

function commentRun(runId: number, headSha: string) {
  return w.run(
    'workflow_run',
    { workflow_run: { id: runId, head_sha: headSha, pull_requests: [] }, repository },
    { mode: 'comment' },
    { GITHUB_REF: 'refs/heads/main' },
  );
}

describe('a pull request from a fork', () => {
  test('no comment; the summary and the gate are still there; the report is left as an artifact', async () => {
    await w.push(BASE_SHA, { 'bench-output': 'fixtures/bench/ab-inter-base.txt' });
    const calls = w.github.calls.length;
    const r = await w.pullRequest(
      14,
      { 'bench-output': 'fixtures/bench/ab-inter-head.txt' },
      'someone/app',
    );
    expect(r.code).toBe(1);
    expect(w.comments(14)).toHaveLength(0);
    expect(w.github.calls.slice(calls)).toEqual([]);
    expect(r.warnings).toContain(
      'pull request from a fork: the token is read-only, so no comment is posted (docs/action.md, "Pull requests from forks", has the workflow_run recipe)',
    );
    expect(r.summaries[0]).toContain('### ❌ perfgate: fail');
    const [report] = w.artifacts.named(REPORT);
    expect(report!.retentionDays).toBe(1);
    expect(JSON.parse(report!.files.get('pr.json')!.toString())).toEqual({
      number: 14,
      headSha: '14'.padStart(40, 'e'),
    });
    expect(JSON.parse(report!.files.get('report.json')!.toString())).toMatchObject({
      verdict: 'fail',
      warnings: [expect.stringMatching(/^pull request from a fork/)],
    });
  });
});

describe('mode: comment', () => {
  test("posts the fork run's report in a workflow_run workflow", async () => {
    const runId = await forkRun();
    const r = await commentRun(runId, w.github.heads.get(14)!);
    expect(r.code).toBe(0);
    expect(w.comments(14)).toHaveLength(1);
    expect(w.comments(14)[0]!.body).toMatch(
      /^<!-- perfgate:benchmarks-bench -->\n### ❌ perfgate: fail/,
    );
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs['comment-url']).toBe(w.comments(14)[0]!.htmlUrl);
  });

  test('a report naming a pull request whose head is another commit is refused', async () => {
    const runId = await forkRun();
    const r = await commentRun(runId, 'f'.repeat(40));
    expect(r.code).toBe(1);
    expect(r.failed).toEqual([
      `perfgate: ${REPORT} names pull request #14, whose head is ${'e'.repeat(12)}, not the run's ${'f'.repeat(12)}: not commenting`,
    ]);
    expect(w.comments(14)).toEqual([]);
  });

  test('a run that left no report: nothing to comment, and not a failure', async () => {
    const r = await commentRun(777, 'f'.repeat(40));
    expect(r.code).toBe(0);
    expect(r.logs).toContain(
      `No ${REPORT} artifact in run 777: nothing to comment (the run commented itself, or did not finish)`,
    );
  });

  test('outside a workflow_run workflow it fails with one line', async () => {
    const r = await w.run('push', { repository }, { mode: 'comment' }, {});
    expect(r.failed).toEqual([
      `perfgate: input 'mode': "comment" runs in a workflow triggered by workflow_run (this is push)`,
    ]);
  });
});

describe('mode: comment trusts only what it can check', () => {
  /** The fork run's real report, changed by `edit`, left by a run of its own for PR 14. */
  async function hostileRun(
    edit: (report: Record<string, unknown>) => unknown,
    files: Record<string, string> = {},
  ): Promise<number> {
    const runId = await forkRun();
    const stored = w.artifacts.named(REPORT)[0]!;
    const report = JSON.parse(stored.files.get('report.json')!.toString()) as Record<
      string,
      unknown
    >;
    const edited = edit(report);
    w.artifacts.add(
      REPORT,
      {
        'pr.json': JSON.stringify({ number: 14, headSha: w.github.heads.get(14) }),
        'report.json': JSON.stringify(edited === undefined ? report : edited),
        ...files,
      },
      { id: runId + 100, headBranch: 'feature', headSha: 'f'.repeat(40), repositoryId: 1 },
    );
    return runId + 100;
  }
  const refusal = (why: string) => [
    `perfgate: ${REPORT}/report.json is not a report this perfgate can post (${why}): not commenting`,
  ];
  type Gate = { findings: Record<string, unknown>[]; regressions: Record<string, unknown>[] };

  test.each([
    [
      'a verdict that is not one of the verdicts',
      (r: Record<string, unknown>) => {
        r.verdict = '## ✅ Approved by @octo-org/security <img src=x>';
      },
      refusal(
        'report.verdict: expected one of pass, fail, no-baseline, no-comparison, incomplete, accepted, found string',
      ),
    ],
    [
      'a report with fields missing',
      () => ({ verdict: 'pass' }),
      refusal('report.reason: expected a string of at most 2000 characters, found nothing'),
    ],
    ['a null report', () => null, refusal('report: expected an object, found null')],
    [
      'a unit of 100,000 characters',
      (r: Record<string, unknown>) => {
        (r.gate as Gate).findings[0]!.unit = 'x'.repeat(100_000);
      },
      refusal(
        'report.gate.findings[0].unit: expected a string of at most 500 characters, found string',
      ),
    ],
    [
      'a number given as text',
      (r: Record<string, unknown>) => {
        (r.gate as Gate).regressions[0]!.p = '0.001';
      },
      refusal('report.gate.regressions[0].p: expected a finite number, found string'),
    ],
    [
      'a finding without its limit',
      (r: Record<string, unknown>) => {
        delete (r.gate as Gate).findings[1]!.limit;
      },
      refusal('report.gate.findings[1].limit: expected an object, found nothing'),
    ],
    [
      'a million warnings',
      (r: Record<string, unknown>) => {
        r.warnings = Array.from({ length: 1_000_000 }, () => 'w');
      },
      refusal('report.warnings: expected a list of at most 200 items, found an array'),
    ],
  ])('%s is an error, and nothing is posted', async (_what, edit, failed) => {
    const runId = await hostileRun(edit);
    const r = await commentRun(runId, w.github.heads.get(14)!);
    expect(r.failed).toEqual(failed);
    expect(w.comments(14)).toEqual([]);
  });

  test.each([
    [
      'not JSON',
      { 'report.json': '{"verdict": ' },
      `perfgate: ${REPORT}/report.json is not JSON: not commenting`,
    ],
    [
      'without report.json',
      { 'report.json': '' },
      `perfgate: ${REPORT}/report.json is not JSON: not commenting`,
    ],
    [
      'over 5 MiB',
      { 'report.json': ' '.repeat(5 * 1024 * 1024 + 1) },
      `perfgate: ${REPORT}/report.json is larger than 5242880 bytes: not commenting`,
    ],
    [
      'a PR number as text',
      { 'pr.json': '{"number":"14"}' },
      `perfgate: ${REPORT}/pr.json does not name a pull request number: not commenting`,
    ],
  ])('a report.json %s is an error, and nothing is posted', async (_what, files, failed) => {
    const runId = await hostileRun(() => undefined, files);
    const r = await commentRun(runId, w.github.heads.get(14)!);
    expect(r.failed).toEqual([failed]);
    expect(w.comments(14)).toEqual([]);
  });

  test('links come from the trusted run, never from the report', async () => {
    const runId = await hostileRun((r) => {
      r.links = {
        run: 'https://evil.example/run',
        summary: 'javascript:alert(1)',
        html: 'https://evil.example/h',
      };
      (r.baseline as Record<string, unknown>).runUrl = 'https://evil.example/base';
    });
    const r = await commentRun(runId, w.github.heads.get(14)!);
    expect(r.code).toBe(0);
    const body = w.comments(14)[0]!.body;
    expect(body).not.toContain('evil.example');
    expect(body).not.toContain('javascript:');
    expect(body).toContain(`https://github.com/acme/app/actions/runs/${runId}`);
  });

  test("a baseline link to one of the repository's runs is kept, rebuilt from its id", async () => {
    const runId = await hostileRun((r) => {
      (r.baseline as Record<string, unknown>).runUrl =
        'https://github.com/acme/app/actions/runs/4242';
    });
    const r = await commentRun(runId, w.github.heads.get(14)!);
    expect(r.code).toBe(0);
    expect(w.comments(14)[0]!.body).toContain('https://github.com/acme/app/actions/runs/4242');
  });

  test('the no-comparison verdict is a verdict', async () => {
    const runId = await hostileRun((r) => {
      r.verdict = 'no-comparison';
    });
    const r = await commentRun(runId, w.github.heads.get(14)!);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-comparison');
  });
});
