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
import { type ProfileInsights, profileInsights } from '../analyze/profile-insights.js';
import { type ReadProfiles, readProfiles } from '../collect/read-profiles.js';
import { sourceLookup } from '../collect/source.js';
import { artifactName } from '../publish/artifacts.js';
import { renderSummary } from '../render/comment.js';
import { renderHtmlReport } from '../render/html-report.js';
import { buildRunReport } from '../report/build-run-report.js';
import { buildHtmlReportModel, type PairGraphs, startFlameGraphs } from '../report/html-build.js';
import type { RunReport } from '../report/run-report.js';
import { type BaselineHistory, historyChart, historyPoint } from '../report/history.js';
import type { BenchFile } from '../model/bench.js';
import { acceptRequest } from './accept.js';
import { type Baseline, loadArtifactBaseline, loadPathBaseline, saveBaseline } from './baseline.js';
import type { Log } from '../collect/go-bench.js';
import { type Collected, benchFileLabel, collectRun } from './collect-run.js';
import { annotateRegressions, publishComment } from './publish-report.js';
import { runUrl } from './context.js';
import { finishShardLeg } from './shard-leg.js';
import type { ActionPorts, ActionRun } from './ports.js';

/** Runs the gate: measures, compares, reports, and fails the step on a regression. */
export async function gateMode(run: ActionRun, ports: ActionPorts): Promise<void> {
  const { settings: s, ctx, workDir } = run;
  const { out } = ports;
  const warnings: string[] = [];

  // Progress at the top of the log, each command's raw output folded under its command line.
  const log: Log = Object.assign((line: string) => out.info(line), {
    fold: <T>(title: string, work: () => Promise<T>) => out.group(title, work),
  });
  const collected: Collected = await collectRun(
    s,
    ctx.pullRequest?.baseSha,
    path.join(workDir, 'head'),
    ports.runner,
    log,
  );
  const labelOf = (f: string) => collected.labels[f] ?? benchFileLabel(f);
  const head = await readBenchSide(collected.dir, collected.benchFiles, 'head', labelOf);
  for (const line of diagnosticLines(head?.diagnostics ?? [])) out.warning(line);

  let baseline: Baseline | undefined;
  if (s.baseline.kind === 'rerun' && collected.rerunBase) {
    const baseProfiles = collected.rerunBase.profiles;
    baseline = {
      bench: await readBenchSide(collected.dir, collected.rerunBase.files, 'base', labelOf),
      ...(baseProfiles.length > 0
        ? { profiles: { dir: path.join(collected.dir, 'rerun-base'), files: baseProfiles } }
        : {}),
      files: { dir: collected.dir, benchFiles: collected.rerunBase.files },
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
    baseline = await loadPathBaseline(path.resolve(s.workingDirectory, s.baseline.path), s.shard);
  }

  if (s.shard !== undefined) {
    warnings.push(
      `shard ${s.shard} of a job matrix: the merge job (mode: merge) judges every shard together and posts the comment`,
    );
  }
  const timingsGated = s.gateTimings ?? s.baseline.kind === 'rerun';
  let profiles: ProfileInsights | undefined;
  let read: ReadProfiles | undefined;
  let graphs: Promise<PairGraphs> | undefined;
  if (collected.profiles.length > 0) {
    read = await readProfiles(
      { dir: collected.dir, files: collected.profiles },
      baseline?.profiles,
    );
    warnings.push(...read.warnings, ...collected.notes);
    // The report's flame graphs are built while the profiles are analysed (a large pair's on
    // another thread).
    if (s.htmlReport !== false) graphs = startFlameGraphs(read.pairs);
    profiles = profileInsights({
      pairs: read.pairs,
      goroutines: read.goroutines,
      source: sourceLookup([path.resolve(s.workingDirectory), run.workspace]),
      shareLimits: s.profileLimits,
      // The benchmark output of the runs that wrote the profiles: per-operation comparisons.
      bench: { base: baseline?.bench, head },
    });
  }
  // A leg of a matrix does not decide: the merge job reads the label.
  const accept = s.shard === undefined ? await acceptRequest(run, ports, warnings) : undefined;
  const report = buildRunReport({
    key: s.baselineKey,
    headCommit: ctx.pullRequest?.headSha || ctx.sha,
    head,
    baseline,
    gate: { ...s.gate, gateTimings: timingsGated },
    profiles,
    headProfiles: collected.profiles.length,
    missingBaseline: s.missingBaseline,
    runFailures: collected.failures,
    warnings,
    links: { run: runUrl(ctx), summary: `${runUrl(ctx)}#summary` },
    generatedAt: new Date().toISOString(),
    ...(accept ? { accept } : {}),
    ...(baseline?.history
      ? { history: { data: baseline.history, branch: baseline.info.branch ?? '' } }
      : {}),
  });
  const result = report.gate;

  if ((s.htmlReport ?? collected.profiles.length > 0) && (profiles || report.gate)) {
    const url = await publishHtmlReport(run, ports, read, report, baseline?.history, head, graphs);
    if (url) report.links.html = url;
  }

  // Publish: outputs and summary first; the comment may fail on a read-only token.
  const reportPath = path.join(workDir, 'perfgate-report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  out.setOutput('verdict', report.verdict);
  out.setOutput('regressions', String(result?.benchmarks.regressed.length ?? 0));
  out.setOutput('improvements', String(result?.benchmarks.improved.length ?? 0));
  out.setOutput('report-json', reportPath);
  if (s.shard !== undefined) {
    await finishShardLeg(run, ports, s.shard, collected, baseline, report);
    return;
  }
  // Only a complete, failure-free run on the default branch (or when asked) becomes a baseline;
  // it is saved before the summary is written, so the summary says what was saved.
  const onDefaultBranch =
    ctx.eventName === 'push' && ctx.branch !== undefined && ctx.branch === ctx.defaultBranch;
  if (s.saveBaseline ?? onDefaultBranch) {
    // Benchmarks were asked for: a run without their results is no baseline, even with profiles.
    const askedForBenchmarks = collected.benchFiles.length > 0;
    const nothing = askedForBenchmarks
      ? (head?.results.length ?? 0) === 0
      : collected.profiles.length === 0;
    if (report.failures.length > 0 || nothing) {
      out.warning('perfgate: not saving a baseline: the run has failures or no results');
    } else {
      const commit = await saveBaseline(run, ports, collected, head);
      report.savedBaseline = { commit, branch: ctx.branch };
      await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    }
  }
  const commentUrl = await publishComment(run, ports, report);
  out.setOutput('comment-url', commentUrl);
  if (s.summary) await out.summary(renderSummary(report));
  // The run's own error first: GitHub shows the first ten error annotations of a step.
  const fails = stepFails(report.verdict, s.failOn, s.missingBaseline);
  if (fails) out.setFailed(`perfgate: ${report.reason}`);
  annotateRegressions(ports, report, fails ? 1 : 0);
}

/** Writes the HTML report, uploads it as an artifact and returns a link to it (undefined if that fails). */
async function publishHtmlReport(
  { settings: s, ctx, workDir }: ActionRun,
  { artifacts, out }: ActionPorts,
  read: ReadProfiles | undefined,
  report: RunReport,
  history?: BaselineHistory,
  head?: BenchFile,
  graphs?: Promise<PairGraphs>,
): Promise<string | undefined> {
  const dir = path.join(workDir, 'html');
  await mkdir(dir, { recursive: true });
  const file = 'perfgate-report.html';
  const model = await buildHtmlReportModel(
    `perfgate: ${ctx.owner}/${ctx.repo} ${ctx.pullRequest ? `#${ctx.pullRequest.number}` : (ctx.branch ?? '')}`,
    read?.pairs ?? [],
    report.gate,
    report.profiles,
    read?.warnings ?? [],
    report,
    graphs,
  );
  if (history && report.history) {
    const now = head ? historyPoint(head, report.headCommit, report.generatedAt) : undefined;
    model.history = historyChart(
      history,
      report.history.branch,
      now,
      report.gate?.regressions ?? [],
    );
  }
  await writeFile(path.join(dir, file), renderHtmlReport(model));
  out.setOutput('report-html', path.join(dir, file));
  try {
    const name = artifactName('html', s.baselineKey, s.shard);
    const id = await artifacts.upload(name, dir, [file], s.retentionDays ?? 30);
    return id ? `${runUrl(ctx)}/artifacts/${id}` : undefined;
  } catch (err) {
    out.warning(`perfgate: the HTML report could not be uploaded: ${(err as Error).message}`);
    return undefined;
  }
}
