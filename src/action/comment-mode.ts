/**
 * `mode: comment`, the second half of the fork recipe: in a `workflow_run` workflow (trusted,
 * with a write token), post the report that the pull request's run left as an artifact. The
 * artifact is untrusted data written by the pull request's code: its PR number is checked
 * against the run's head commit, the report is checked against the report's schema and copied
 * field by field, every link is rebuilt from this run's context, and the comment is rendered
 * again from that copy. A report that fails any check is an error, never posted.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { artifactName } from '../publish/artifacts.js';
import { upsertComment } from '../publish/sticky-comment.js';
import { commentMarker, renderComment } from '../render/comment.js';
import { ReportSchemaError, readReportData } from '../report/report-schema.js';
import type { RunReport } from '../report/run-report.js';
import type { RunContext } from './context.js';
import type { ActionPorts, ActionRun } from './ports.js';

const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/** Reads one JSON file of the artifact, refusing it before reading when it is too large. */
async function readJson(dir: string, artifact: string, file: string): Promise<unknown> {
  const p = path.join(dir, file);
  const info = await stat(p).catch(() => undefined);
  if (!info?.isFile()) throw new UserError(`${artifact} has no ${file}: not commenting`);
  if (info.size > MAX_REPORT_BYTES)
    throw new UserError(
      `${artifact}/${file} is larger than ${MAX_REPORT_BYTES} bytes: not commenting`,
    );
  try {
    return JSON.parse(await readFile(p, 'utf8')) as unknown;
  } catch {
    throw new UserError(`${artifact}/${file} is not JSON: not commenting`);
  }
}

/** The pull request number the artifact names. */
function prNumber(json: unknown, artifact: string): number {
  const n = (json as { number?: unknown } | null)?.number;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0)
    throw new UserError(`${artifact}/pr.json does not name a pull request number: not commenting`);
  return n;
}

/** A link to a run of this repository, from its id alone. */
function runLink(ctx: RunContext, runId: number): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${runId}`;
}

/** The baseline's run link, kept only when it is one of this repository's runs, and rebuilt. */
function baselineRunUrl(ctx: RunContext, url: string | undefined): string | undefined {
  const prefix = `${runLink(ctx, 0).slice(0, -1)}`;
  if (!url?.startsWith(prefix)) return undefined;
  const id = url.slice(prefix.length);
  return /^[1-9]\d{0,15}$/.test(id) ? runLink(ctx, Number(id)) : undefined;
}

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
  const artifact = await artifacts.findInRun(name, wr.id);
  if (!artifact) {
    out.info(
      `No ${name} artifact in run ${wr.id}: nothing to comment (the run commented itself, or did not finish)`,
    );
    return;
  }
  const dir = path.join(workDir, `perfgate-comment-${wr.id}`);
  await artifacts.download(artifact, dir);
  const pr = prNumber(await readJson(dir, name, 'pr.json'), name);
  let report: RunReport;
  try {
    report = readReportData(await readJson(dir, name, 'report.json'));
  } catch (err) {
    if (!(err instanceof ReportSchemaError)) throw err;
    throw new UserError(
      `${name}/report.json is not a report this perfgate can post (${err.message}): not commenting`,
    );
  }
  const headSha = await api.pullHeadSha(pr);
  if (headSha !== wr.headSha) {
    throw new UserError(
      `${name} names pull request #${pr}, whose head is ${headSha.slice(0, 12)}, not the run's ${wr.headSha.slice(0, 12)}: not commenting`,
    );
  }
  const run = runLink(ctx, wr.id);
  const html = await artifacts.findInRun(artifactName('html', s.baselineKey), wr.id);
  report.key = s.baselineKey;
  report.links = {
    run,
    summary: `${run}#summary`,
    ...(html ? { html: `${run}/artifacts/${html.id}` } : {}),
  };
  if (report.baseline) report.baseline.runUrl = baselineRunUrl(ctx, report.baseline.runUrl);
  const outcome = await upsertComment(
    api,
    pr,
    commentMarker(s.baselineKey),
    renderComment(report),
    true,
    'always',
  );
  if (outcome.action !== 'skipped') {
    out.setOutput('comment-url', outcome.comment.htmlUrl);
    out.info(`Comment ${outcome.action}: ${outcome.comment.htmlUrl}`);
  }
  out.setOutput('verdict', report.verdict);
}
