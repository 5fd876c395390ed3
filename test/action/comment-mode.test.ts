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

  test('an artifact that is not a perfgate report is refused', async () => {
    w.artifacts.add(
      REPORT,
      { 'pr.json': '{"number":"14"}', 'report.json': '{}' },
      { id: 900, headBranch: 'feature', headSha: 'f'.repeat(40), repositoryId: 1 },
    );
    const r = await commentRun(900, 'f'.repeat(40));
    expect(r.failed).toEqual([`perfgate: ${REPORT} does not hold a perfgate report`]);
  });

  test('outside a workflow_run workflow it fails with one line', async () => {
    const r = await w.run('push', { repository }, { mode: 'comment' }, {});
    expect(r.failed).toEqual([
      `perfgate: input 'mode': "comment" runs in a workflow triggered by workflow_run (this is push)`,
    ]);
  });
});
