/**
 * `mode: gate`: collect → baseline → report → publish, over the action's ports. Outputs and the
 * summary come first (the comment may fail on a read-only token), the gate's exit code last, and
 * only a complete, failure-free run becomes a baseline.
 */
import { diagnosticLines } from '../render/diagnostics.js';
import { readBenchSide } from '../collect/bench-files.js';
import { stepFails } from '../analyze/verdict.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GateFinding } from '../analyze/gate.js';
import { type ProfileInsights, profileInsights } from '../analyze/profile-insights.js';
import { type ReadProfiles, readProfiles } from '../collect/read-profiles.js';
import { sourceLookup } from '../collect/source.js';
import { artifactName } from '../publish/artifacts.js';
import { httpStatus } from '../publish/github-api.js';
import { upsertComment } from '../publish/sticky-comment.js';
import { commentMarker, renderComment, renderSummary } from '../render/comment.js';
import { formatChange, formatPair } from '../render/gate-text.js';
import { renderHtmlReport } from '../render/html-report.js';
import { buildRunReport } from '../report/build-run-report.js';
import { htmlReportModel } from '../report/html-build.js';
import type { RunReport } from '../report/run-report.js';
import { type Baseline, loadArtifactBaseline, loadPathBaseline, saveBaseline } from './baseline.js';
import { type Collected, collectRun } from './collect-run.js';
import { runUrl } from './context.js';
import type { ActionPorts, ActionRun } from './ports.js';

/** GitHub shows at most 10 error annotations per step. */
const MAX_ANNOTATIONS = 10;

/** Runs the gate: measures, compares, reports, and fails the step on a regression. */
export async function gateMode(run: ActionRun, ports: ActionPorts): Promise<void> {
  const { settings: s, ctx, workDir } = run;
  const { out } = ports;
  const warnings: string[] = [];

  const collected: Collected = await out.group('perfgate: collecting', () =>
    collectRun(s, ctx.pullRequest?.baseSha, path.join(workDir, 'head'), ports.runner, (l) =>
      out.info(l),
    ),
  );
  const head = await readBenchSide(collected.dir, collected.benchFiles, 'head');
  for (const line of diagnosticLines(head?.diagnostics ?? [])) out.warning(line);

  let baseline: Baseline | undefined;
  if (s.baseline.kind === 'rerun' && collected.rerunBase) {
    const baseProfiles = collected.rerunBase.profiles;
    baseline = {
      bench: await readBenchSide(collected.dir, collected.rerunBase.files, 'base'),
      ...(baseProfiles.length > 0
        ? { profiles: { dir: path.join(collected.dir, 'rerun-base'), files: baseProfiles } }
        : {}),
      info: {
        source: 'rerun',
        commit: collected.rerunBase.sha,
        branch: ctx.pullRequest?.baseRef,
        createdAt: undefined,
        runUrl: undefined,
      },
    };
  } else if (s.baseline.kind === 'artifact') {
    baseline = await loadArtifactBaseline(run, ports, warnings);
  } else if (s.baseline.kind === 'path') {
    baseline = await loadPathBaseline(path.resolve(s.workingDirectory, s.baseline.path));
  }

  const timingsGated = s.gateTimings ?? s.baseline.kind === 'rerun';
  let profiles: ProfileInsights | undefined;
  let read: ReadProfiles | undefined;
  if (collected.profiles.length > 0) {
    read = await readProfiles(
      { dir: collected.dir, files: collected.profiles },
      baseline?.profiles,
    );
    warnings.push(...read.warnings, ...collected.notes);
    profiles = profileInsights({
      pairs: read.pairs,
      goroutines: read.goroutines,
      source: sourceLookup([path.resolve(s.workingDirectory), run.workspace]),
      shareLimits: s.profileLimits,
      // The benchmark output of the runs that wrote the profiles: per-operation comparisons.
      bench: { base: baseline?.bench, head },
    });
  }
  const report = buildRunReport({
    key: s.baselineKey,
    headCommit: ctx.pullRequest?.headSha || ctx.sha,
    head,
    baseline,
    gate: { ...s.gate, gateTimings: timingsGated },
    profiles,
    headProfiles: collected.profiles.length,
    missingBaseline: s.missingBaseline,
    warnings,
    links: { run: runUrl(ctx), summary: `${runUrl(ctx)}#summary` },
    generatedAt: new Date().toISOString(),
  });
  const result = report.gate;

  if ((s.htmlReport ?? collected.profiles.length > 0) && profiles) {
    const url = await publishHtmlReport(run, ports, read, report);
    if (url) report.links.html = url;
  }

  // Publish: outputs and summary first; the comment may fail on a read-only token.
  const reportPath = path.join(workDir, 'perfgate-report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  out.setOutput('verdict', report.verdict);
  out.setOutput('regressions', String(result?.benchmarks.regressed.length ?? 0));
  out.setOutput('improvements', String(result?.benchmarks.improved.length ?? 0));
  out.setOutput('report-json', reportPath);
  const commentUrl = await publishComment(run, ports, report);
  out.setOutput('comment-url', commentUrl);
  if (s.summary) await out.summary(renderSummary(report));
  for (const f of (result?.regressions ?? []).slice(0, MAX_ANNOTATIONS)) annotate(ports, f);

  // Only a complete, failure-free run on the default branch (or when asked) becomes a baseline.
  const onDefaultBranch =
    ctx.eventName === 'push' && ctx.branch !== undefined && ctx.branch === ctx.defaultBranch;
  const save = s.saveBaseline ?? onDefaultBranch;
  if (save) {
    // Benchmarks were asked for: a run without their results is no baseline, even with profiles.
    const askedForBenchmarks = collected.benchFiles.length > 0;
    const nothing = askedForBenchmarks
      ? (head?.results.length ?? 0) === 0
      : collected.profiles.length === 0;
    if (report.failures.length > 0 || nothing) {
      out.warning('perfgate: not saving a baseline: the run has failures or no results');
    } else {
      await saveBaseline(run, ports, collected);
    }
  }

  if (stepFails(report.verdict, s.failOn, s.missingBaseline))
    out.setFailed(`perfgate: ${report.reason}`);
}

function annotate({ out }: ActionPorts, f: GateFinding): void {
  const [b, h] = formatPair(f);
  out.error(
    `${f.name} ${f.unit}: ${b} → ${h} (${formatChange(f.change)})`,
    `perfgate: ${f.name} regressed`,
  );
}

/**
 * Posts or updates the PR comment and returns its URL ('' when there is none). A fork's run
 * cannot comment: it leaves its report as an artifact for `mode: comment` instead. A comment that
 * cannot be posted is a warning (added to the report), never a failed step.
 */
async function publishComment(
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

/** Writes the HTML report, uploads it as an artifact and returns a link to it (undefined if that fails). */
async function publishHtmlReport(
  { settings: s, ctx, workDir }: ActionRun,
  { artifacts, out }: ActionPorts,
  read: ReadProfiles | undefined,
  report: RunReport,
): Promise<string | undefined> {
  const dir = path.join(workDir, 'html');
  await mkdir(dir, { recursive: true });
  const file = 'perfgate-report.html';
  const model = htmlReportModel(
    `perfgate: ${ctx.owner}/${ctx.repo} ${ctx.pullRequest ? `#${ctx.pullRequest.number}` : (ctx.branch ?? '')}`,
    read?.pairs ?? [],
    report.gate,
    report.profiles,
    read?.warnings ?? [],
    report,
  );
  await writeFile(path.join(dir, file), renderHtmlReport(model));
  out.setOutput('report-html', path.join(dir, file));
  try {
    const name = artifactName('html', s.baselineKey);
    const id = await artifacts.upload(name, dir, [file], s.retentionDays ?? 30);
    return id ? `${runUrl(ctx)}/artifacts/${id}` : undefined;
  } catch (err) {
    out.warning(`perfgate: the HTML report could not be uploaded: ${(err as Error).message}`);
    return undefined;
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
