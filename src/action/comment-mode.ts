/**
 * `mode: comment`, the second half of the fork recipe: in a `workflow_run` workflow (trusted,
 * with a write token), post the report that the pull request's run left as an artifact. The
 * artifact is untrusted data: its PR number is checked against the run's head commit, and it is
 * re-rendered with every name escaped.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { type ArtifactRef, artifactName } from '../publish/artifacts.js';
import { upsertComment } from '../publish/sticky-comment.js';
import { commentMarker, renderComment } from '../render/comment.js';
import type { RunReport } from '../report/run-report.js';
import type { ActionPorts, ActionRun } from './ports.js';

const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/** Posts the triggering run's report on its pull request. */
export async function commentMode(
  { settings: s, ctx, workDir }: ActionRun,
  { api, artifacts, out }: ActionPorts,
): Promise<void> {
  const wr = ctx.workflowRun;
  if (!wr)
    throw new UserError(
      `input 'mode': "comment" runs in a workflow triggered by workflow_run (this is ${ctx.eventName || 'no event'})`,
    );
  const name = artifactName('report', s.baselineKey);
  let artifact: ArtifactRef;
  try {
    artifact = await artifacts.findInRun(name, wr.id);
  } catch {
    out.info(
      `No ${name} artifact in run ${wr.id}: nothing to comment (the run commented itself, or did not finish)`,
    );
    return;
  }
  const dir = path.join(workDir, `perfgate-comment-${wr.id}`);
  await artifacts.download(artifact, dir);
  const read = async (f: string) => {
    const text = await readFile(path.join(dir, f), 'utf8');
    if (text.length > MAX_REPORT_BYTES)
      throw new UserError(`${name}/${f} is larger than ${MAX_REPORT_BYTES} bytes`);
    return JSON.parse(text) as unknown;
  };
  const pr = (await read('pr.json')) as { number?: unknown; headSha?: unknown };
  const report = (await read('report.json')) as RunReport;
  if (
    typeof pr.number !== 'number' ||
    !Number.isInteger(pr.number) ||
    typeof report.verdict !== 'string'
  ) {
    throw new UserError(`${name} does not hold a perfgate report`);
  }
  const headSha = await api.pullHeadSha(pr.number);
  if (headSha !== wr.headSha) {
    throw new UserError(
      `${name} names pull request #${pr.number}, whose head is ${headSha.slice(0, 12)}, not the run's ${wr.headSha.slice(0, 12)}: not commenting`,
    );
  }
  const outcome = await upsertComment(
    api,
    pr.number,
    commentMarker(s.baselineKey),
    renderComment({ ...report, key: s.baselineKey }),
    true,
    'always',
  );
  if (outcome.action !== 'skipped') {
    out.setOutput('comment-url', outcome.comment.htmlUrl);
    out.info(`Comment ${outcome.action}: ${outcome.comment.htmlUrl}`);
  }
  out.setOutput('verdict', report.verdict);
}
