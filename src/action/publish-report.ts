/**
 * Publishing a run report from the action: error annotations for regressions, and the sticky PR
 * comment (or, on a fork's pull request, the report left as an artifact for `mode: comment`).
 * Used by `mode: gate` and by the merge of a job matrix's legs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type GateFinding, isTimingUnit } from '../analyze/gate.js';
import { artifactName } from '../publish/artifacts.js';
import { httpStatus } from '../publish/github-api.js';
import { upsertComment } from '../publish/sticky-comment.js';
import { commentMarker, renderComment } from '../render/comment.js';
import { formatChange, formatPair, shardOf } from '../render/gate-text.js';
import type { RunReport } from '../report/run-report.js';
import type { ActionPorts, ActionRun } from './ports.js';

/** GitHub shows at most 10 error annotations per step. */
export const MAX_ANNOTATIONS = 10;

/** Exact comparisons first (the most trustworthy), then other counts and sizes, then timings. */
function annotationRank(f: GateFinding): number {
  if (f.method === 'exact') return 0;
  return isTimingUnit(f.unit) ? 2 : 1;
}

/**
 * The regressions to annotate within the step's budget of error annotations, `used` of which
 * are already taken (the step's own failure is emitted first): exact units first, then the
 * rest, then timings, in the report's order within each; when they do not all fit, the last
 * place goes to a line saying how many more there are.
 */
export function annotationPlan(
  regressions: GateFinding[],
  used: number,
): { shown: GateFinding[]; more: number } {
  const budget = Math.max(0, MAX_ANNOTATIONS - used);
  const ranked = regressions
    .map((f, i) => ({ f, i }))
    .sort((a, b) => annotationRank(a.f) - annotationRank(b.f) || a.i - b.i)
    .map((x) => x.f);
  if (ranked.length <= budget) return { shown: ranked, more: 0 };
  const shown = ranked.slice(0, Math.max(0, budget - 1));
  return { shown, more: ranked.length - shown.length };
}

/**
 * One error annotation per gated regression, as many as fit after `used` annotations already
 * emitted (see annotationPlan), then "and N more" naming where they all are; a regression the
 * accept label excused is a warning.
 */
export function annotateRegressions(ports: ActionPorts, report: RunReport, used = 0): void {
  const excused = new Set(report.acceptance?.excused ?? []);
  const { shown, more } = annotationPlan(report.gate?.regressions ?? [], used);
  for (const f of shown)
    annotate(ports, f, excused.has(f.name) ? report.acceptance?.label : undefined);
  if (more > 0 && used + shown.length < MAX_ANNOTATIONS) {
    ports.out.error(
      `and ${more} more regression${more === 1 ? '' : 's'}: every one is in the job summary and the report-json output`,
      'perfgate: more regressions',
    );
  }
}

function annotate({ out }: ActionPorts, f: GateFinding, acceptedBy: string | undefined): void {
  const [b, h] = formatPair(f);
  const shard = shardOf(f);
  const name = shard === undefined ? f.name : `${f.name} (shard ${shard})`;
  const what = `${name} ${f.unit}: ${b} → ${h} (${formatChange(f)})`;
  if (acceptedBy !== undefined)
    out.warning(`perfgate: ${name} regressed, accepted by label "${acceptedBy}": ${what}`);
  else out.error(what, `perfgate: ${name} regressed`);
}

/**
 * Posts or updates the PR comment and returns its URL ('' when there is none). A fork's run
 * cannot comment: it leaves its report as an artifact for `mode: comment` instead. A comment that
 * cannot be posted is a warning (added to the report), never a failed step.
 */
export async function publishComment(
  run: ActionRun,
  ports: ActionPorts,
  report: RunReport,
): Promise<string> {
  const { settings: s, ctx } = run;
  const { out } = ports;
  const pr = ctx.pullRequest;
  if (!pr || s.comment === 'never') return '';
  if (ctx.isFork) {
    const why =
      'pull request from a fork: the token is read-only, so no comment is posted (docs/action.md, "Pull requests from forks", has the workflow_run recipe)';
    report.warnings.push(why);
    out.warning(why);
    await uploadReportArtifact(run, ports, report);
    return '';
  }
  try {
    const g = report.gate;
    const noteworthy =
      report.failures.length > 0 ||
      (g?.regressions.length ?? 0) + (g?.improvements.length ?? 0) > 0;
    const outcome = await upsertComment(
      ports.api,
      pr.number,
      commentMarker(s.baselineKey),
      renderComment(report),
      noteworthy,
      s.comment,
    );
    if (outcome.action === 'skipped') {
      out.info(`No comment: ${outcome.reason}`);
      return '';
    }
    out.info(`Comment ${outcome.action}: ${outcome.comment.htmlUrl}`);
    return outcome.comment.htmlUrl;
  } catch (err) {
    const status = httpStatus(err);
    const why =
      status === 403
        ? 'the token may not write pull requests (permissions: pull-requests: write)'
        : (err as Error).message;
    report.warnings.push(`could not post the PR comment: ${why}`);
    out.warning(`perfgate: could not post the PR comment: ${why}`);
    return '';
  }
}

/** Uploads the report and the PR it belongs to, for `mode: comment` in a trusted workflow. */
async function uploadReportArtifact(
  { settings: s, ctx, workDir }: ActionRun,
  { artifacts, out }: ActionPorts,
  report: RunReport,
): Promise<void> {
  const dir = path.join(workDir, 'report');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'report.json'), JSON.stringify(report));
  await writeFile(
    path.join(dir, 'pr.json'),
    JSON.stringify({ number: ctx.pullRequest!.number, headSha: ctx.pullRequest!.headSha }),
  );
  try {
    await artifacts.upload(
      artifactName('report', s.baselineKey),
      dir,
      ['report.json', 'pr.json'],
      1,
    );
    out.info('Uploaded the report for a workflow_run workflow to comment with (mode: comment)');
  } catch (err) {
    out.warning(`perfgate: the report artifact could not be uploaded: ${(err as Error).message}`);
  }
}
