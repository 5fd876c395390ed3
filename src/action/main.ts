/**
 * The GitHub Action: settings → collect → baseline → gate → report → publish. Only this file
 * and the publish/collect modules touch the world; a bad input fails the step with one line
 * before any work starts, and nothing from a failed run ever becomes a baseline.
 */
import * as core from '@actions/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type GateFinding, gate } from '../analyze/gate.js';
import { processRunner } from '../collect/runner.js';
import { UserError } from '../errors.js';
import type { BenchFile } from '../model/bench.js';
import { failureMessage, mergeBenchFiles, parseBenchOutput } from '../parse/benchfmt/load.js';
import { parseBenchText } from '../parse/benchfmt/index.js';
import {
  artifactName,
  artifactStore,
  readManifest,
  writeManifest,
  type BaselineManifest,
} from '../publish/baseline-store.js';
import { type GitHubApi, httpStatus, octokitApi } from '../publish/github-api.js';
import { upsertComment } from '../publish/sticky-comment.js';
import { commentMarker, renderComment, renderSummary } from '../render/comment.js';
import { formatChange, formatPair } from '../render/gate-text.js';
import { type BaselineInfo, type RunReport, decideVerdict } from '../report/run-report.js';
import { collectRun, type Collected } from './collect-run.js';
import { type ReadProfiles, readProfiles } from './read-profiles.js';
import { renderHtmlReport } from '../render/html-report.js';
import { htmlReportModel } from '../report/html-build.js';
import type { GateResult } from '../analyze/gate.js';
import { type ProfileInsights, profileInsights } from '../analyze/profile-insights.js';
import { sourceLookup } from '../collect/source.js';
import { type RunContext, readRunContext, runUrl } from './context.js';
import { type ActionSettings, readActionSettings } from './settings.js';

const VERSION = '0.1.0';
const MAX_ANNOTATIONS = 10;

async function readPayload(env: NodeJS.ProcessEnv): Promise<unknown> {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch (err) {
    throw new UserError(
      `GITHUB_EVENT_PATH ${env.GITHUB_EVENT_PATH}: cannot be read as JSON (${(err as Error).message})`,
    );
  }
}

async function parseFiles(
  dir: string,
  files: string[],
  label: string,
): Promise<BenchFile | undefined> {
  if (files.length === 0) return undefined;
  const parsed: BenchFile[] = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, f), 'utf8');
    parsed.push(text.trim() === '' ? parseBenchText('', f) : parseBenchOutput(text, f));
  }
  return mergeBenchFiles(label, parsed);
}

interface Baseline {
  bench: BenchFile | undefined;
  info: BaselineInfo;
  /** The baseline's profiles, when it has any. */
  profiles?: { dir: string; files: string[] };
}

/** Finds, downloads and reads the stored baseline; problems become warnings, never crashes. */
async function loadArtifactBaseline(
  s: ActionSettings,
  ctx: RunContext,
  api: GitHubApi,
  workDir: string,
  warnings: string[],
): Promise<Baseline | undefined> {
  const pr = ctx.pullRequest;
  if (!pr) return undefined;
  const store = artifactStore(api, s.token, ctx.owner, ctx.repo);
  const name = artifactName(s.baselineKey);
  let found;
  try {
    found = await store.find(name, pr.baseRef, pr.baseSha, ctx.repositoryId);
  } catch (err) {
    warnings.push(
      `could not list baseline artifacts (${(err as Error).message}); does the token have actions: read?`,
    );
    return undefined;
  }
  if (!found) return undefined;
  core.info(
    `Baseline: artifact ${found.name} (id ${found.id}) from ${found.workflowRun.headBranch}@${found.workflowRun.headSha?.slice(0, 12)}`,
  );
  const dir = path.join(workDir, 'baseline');
  try {
    await store.download(found, dir);
  } catch (err) {
    warnings.push(
      `the baseline artifact ${found.id} could not be downloaded (${(err as Error).message})`,
    );
    return undefined;
  }
  const manifest = await readManifest(dir);
  if (typeof manifest === 'string') {
    warnings.push(`the stored baseline cannot be used: ${manifest}; reporting head alone`);
    return undefined;
  }
  let bench: BenchFile | undefined;
  try {
    bench = await parseFiles(dir, manifest.benchFiles, 'base');
  } catch (err) {
    warnings.push(
      `the stored baseline cannot be used: ${(err as Error).message}; reporting head alone`,
    );
    return undefined;
  }
  return {
    bench,
    profiles: { dir, files: manifest.profiles },
    info: {
      source: 'artifact',
      commit: manifest.commit,
      branch: manifest.branch,
      createdAt: manifest.createdAt,
      runUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${manifest.runId}`,
    },
  };
}

async function loadPathBaseline(p: string): Promise<Baseline> {
  const manifest = await readManifest(p);
  if (typeof manifest !== 'string') {
    return {
      bench: await parseFiles(p, manifest.benchFiles, 'base'),
      profiles: { dir: p, files: manifest.profiles },
      info: {
        source: 'path',
        commit: manifest.commit,
        branch: manifest.branch,
        createdAt: manifest.createdAt,
        runUrl: undefined,
      },
    };
  }
  let text: string;
  try {
    text = await readFile(p, 'utf8');
  } catch {
    throw new UserError(
      `input 'baseline': ${JSON.stringify(p)} is neither a baseline folder nor a benchmark output file`,
    );
  }
  return {
    bench: parseBenchOutput(text, p),
    info: {
      source: 'path',
      commit: 'unknown',
      branch: undefined,
      createdAt: undefined,
      runUrl: undefined,
    },
  };
}

function annotate(f: GateFinding): void {
  const [b, h] = formatPair(f);
  core.error(`${f.name} ${f.unit}: ${b} → ${h} (${formatChange(f.change)})`, {
    title: `perfgate: ${f.name} regressed`,
  });
}

/** Runs the action. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readActionSettings((name) => core.getInput(name), env);
    const ctx = readRunContext(env, await readPayload(env));
    if (settings.mode === 'comment') {
      await commentMode(settings, ctx);
      return;
    }
    await gateMode(settings, ctx, env);
  } catch (err) {
    if (err instanceof UserError) {
      core.setFailed(`perfgate: ${err.message}`);
      return;
    }
    core.setFailed(`perfgate: internal error: ${(err as Error).stack ?? String(err)}`);
  }
}

async function gateMode(s: ActionSettings, ctx: RunContext, env: NodeJS.ProcessEnv): Promise<void> {
  const workDir = path.join(env.RUNNER_TEMP ?? tmpdir(), `perfgate-${ctx.runId}-${ctx.runAttempt}`);
  const warnings: string[] = [];
  const api = octokitApi(s.token, ctx.owner, ctx.repo, ctx.apiUrl);

  core.startGroup('perfgate: collecting');
  const collected: Collected = await collectRun(
    s,
    ctx.pullRequest?.baseSha,
    path.join(workDir, 'head'),
    processRunner,
    (l) => core.info(l),
  );
  core.endGroup();
  const head = await parseFiles(collected.dir, collected.benchFiles, 'head');
  const failures = (head?.failures ?? []).map(failureMessage);
  for (const d of head?.diagnostics ?? []) core.warning(`${d.file}:${d.line}: ${d.message}`);

  let baseline: Baseline | undefined;
  if (s.baseline.kind === 'rerun' && collected.rerunBase) {
    baseline = {
      bench: await parseFiles(collected.dir, collected.rerunBase.files, 'base'),
      info: {
        source: 'rerun',
        commit: collected.rerunBase.sha,
        branch: ctx.pullRequest?.baseRef,
        createdAt: undefined,
        runUrl: undefined,
      },
    };
  } else if (s.baseline.kind === 'artifact') {
    baseline = await loadArtifactBaseline(s, ctx, api, workDir, warnings);
  } else if (s.baseline.kind === 'path') {
    baseline = await loadPathBaseline(path.resolve(s.workingDirectory, s.baseline.path));
  }
  if (baseline?.bench)
    failures.push(...baseline.bench.failures.map((f) => `baseline: ${failureMessage(f)}`));

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
      source: sourceLookup([path.resolve(s.workingDirectory), env.GITHUB_WORKSPACE ?? '.']),
      shareLimits: s.profileLimits,
    });
  }
  // A baseline without benchmark results still meets head's: the gate then says that nothing
  // was compared, rather than the run passing as if there had been no baseline.
  const result =
    baseline && head && failures.length === 0
      ? gate(baseline.bench ?? parseBenchText('', 'baseline'), head, {
          ...s.gate,
          gateTimings: timingsGated,
        })
      : undefined;
  const { verdict, reason } = decideVerdict(result, failures, s.missingBaseline, profiles);
  const report: RunReport = {
    verdict,
    reason,
    key: s.baselineKey,
    headCommit: ctx.pullRequest?.headSha || ctx.sha,
    gate: result,
    profiles,
    baseline: baseline?.info,
    timingsGated,
    headOnly: result
      ? undefined
      : { benchmarks: head?.results.length ?? 0, profiles: collected.profiles.length },
    failures,
    warnings,
    links: { run: runUrl(ctx), summary: `${runUrl(ctx)}#summary` },
    generatedAt: new Date().toISOString(),
  };

  if ((s.htmlReport ?? collected.profiles.length > 0) && profiles) {
    const url = await publishHtmlReport(s, ctx, workDir, read, result, profiles);
    if (url) report.links.html = url;
  }

  // Publish: outputs and summary first; the comment may fail on a read-only token.
  const reportPath = path.join(workDir, 'perfgate-report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  core.setOutput('verdict', report.verdict);
  core.setOutput('regressions', String(result?.benchmarks.regressed.length ?? 0));
  core.setOutput('improvements', String(result?.benchmarks.improved.length ?? 0));
  core.setOutput('report-json', reportPath);
  let commentUrl = '';
  if (ctx.pullRequest && s.comment !== 'never') {
    if (ctx.isFork) {
      warnings.push(
        'pull request from a fork: the token is read-only, so no comment is posted (see the README for the workflow_run recipe)',
      );
      core.warning(warnings[warnings.length - 1]!);
      await uploadReportArtifact(s, ctx, report, workDir);
    } else {
      try {
        const noteworthy =
          failures.length > 0 ||
          (result?.regressions.length ?? 0) + (result?.improvements.length ?? 0) > 0;
        const outcome = await upsertComment(
          api,
          ctx.pullRequest.number,
          commentMarker(s.baselineKey),
          renderComment(report),
          noteworthy,
          s.comment,
        );
        if (outcome.action === 'skipped') core.info(`No comment: ${outcome.reason}`);
        else {
          commentUrl = outcome.comment.htmlUrl;
          core.info(`Comment ${outcome.action}: ${commentUrl}`);
        }
      } catch (err) {
        const status = httpStatus(err);
        const why =
          status === 403
            ? 'the token may not write pull requests (permissions: pull-requests: write)'
            : (err as Error).message;
        warnings.push(`could not post the PR comment: ${why}`);
        core.warning(`perfgate: could not post the PR comment: ${why}`);
      }
    }
  }
  core.setOutput('comment-url', commentUrl);
  if (s.summary && env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderSummary(report)).write();
  for (const f of (result?.regressions ?? []).slice(0, MAX_ANNOTATIONS)) annotate(f);

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
    if (failures.length > 0 || nothing) {
      core.warning('perfgate: not saving a baseline: the run has failures or no results');
    } else {
      await saveBaseline(s, ctx, collected, api);
    }
  }

  if ((verdict === 'fail' || verdict === 'no-comparison') && s.failOn === 'regression')
    core.setFailed(`perfgate: ${reason}`);
  else if (verdict === 'no-baseline' && s.missingBaseline === 'fail')
    core.setFailed(`perfgate: ${reason}`);
}

/** Writes the HTML report, uploads it as an artifact and returns a link to it (undefined if that fails). */
async function publishHtmlReport(
  s: ActionSettings,
  ctx: RunContext,
  workDir: string,
  read: ReadProfiles | undefined,
  result: GateResult | undefined,
  insights: ProfileInsights,
): Promise<string | undefined> {
  const dir = path.join(workDir, 'html');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'perfgate-report.html');
  const model = htmlReportModel(
    `perfgate: ${ctx.owner}/${ctx.repo} ${ctx.pullRequest ? `#${ctx.pullRequest.number}` : (ctx.branch ?? '')}`,
    read?.pairs ?? [],
    result,
    insights,
    read?.warnings ?? [],
  );
  await writeFile(file, renderHtmlReport(model));
  core.setOutput('report-html', file);
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const name = artifactName(s.baselineKey).replace('perfgate-baseline-', 'perfgate-html-');
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, [file], dir, {
      retentionDays: s.retentionDays ?? 30,
    });
    return id ? `${runUrl(ctx)}/artifacts/${id}` : undefined;
  } catch (err) {
    core.warning(`perfgate: the HTML report could not be uploaded: ${(err as Error).message}`);
    return undefined;
  }
}

/** The Go toolchain's version, when Go benchmarks ran. */
async function goVersion(s: ActionSettings): Promise<string | undefined> {
  if (s.goPackages.length === 0) return undefined;
  const r = await processRunner
    .run('go', ['env', 'GOVERSION'], { cwd: path.resolve(s.workingDirectory) })
    .catch(() => undefined);
  return r && r.code === 0 ? r.output.trim() : undefined;
}

async function saveBaseline(
  s: ActionSettings,
  ctx: RunContext,
  c: Collected,
  api: GitHubApi,
): Promise<void> {
  const manifest: BaselineManifest = {
    schema: 1,
    tool: 'perfgate',
    version: VERSION,
    key: s.baselineKey,
    commit: ctx.sha,
    branch: ctx.branch,
    createdAt: new Date().toISOString(),
    runId: ctx.runId,
    runner: {
      os: process.platform,
      arch: process.arch,
      node: process.version,
      go: await goVersion(s),
    },
    inputs: {
      'go-packages': s.goPackages.join(','),
      'go-bench': s.goBench,
      count: String(s.count),
      benchtime: s.benchtime ?? '',
      'js-bench': s.jsBench ?? '',
    },
    benchFiles: c.benchFiles,
    profiles: c.profiles,
  };
  await writeManifest(c.dir, manifest);
  const name = artifactName(s.baselineKey);
  core.info(`Saving baseline artifact ${name}`);
  try {
    await artifactStore(api, s.token, ctx.owner, ctx.repo).save(
      name,
      c.dir,
      ['perfgate-manifest.json', ...c.benchFiles, ...c.profiles],
      s.retentionDays,
    );
  } catch (err) {
    core.warning(`perfgate: the baseline could not be saved: ${(err as Error).message}`);
  }
}

/** The artifact that carries a fork PR's report to the `workflow_run` workflow that comments. */
export function reportArtifactName(key: string): string {
  return artifactName(key).replace('perfgate-baseline-', 'perfgate-report-');
}

/** Uploads the report and the PR it belongs to, for `mode: comment` in a trusted workflow. */
async function uploadReportArtifact(
  s: ActionSettings,
  ctx: RunContext,
  report: RunReport,
  workDir: string,
): Promise<void> {
  const dir = path.join(workDir, 'report');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'report.json'), JSON.stringify(report));
  await writeFile(
    path.join(dir, 'pr.json'),
    JSON.stringify({ number: ctx.pullRequest!.number, headSha: ctx.pullRequest!.headSha }),
  );
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    await new DefaultArtifactClient().uploadArtifact(
      reportArtifactName(s.baselineKey),
      [path.join(dir, 'report.json'), path.join(dir, 'pr.json')],
      dir,
      { retentionDays: 1 },
    );
    core.info('Uploaded the report for a workflow_run workflow to comment with (mode: comment)');
  } catch (err) {
    core.warning(`perfgate: the report artifact could not be uploaded: ${(err as Error).message}`);
  }
}

const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/**
 * The second half of the fork recipe: in a `workflow_run` workflow (trusted, with a write
 * token), post the report that the pull request's run left as an artifact. The artifact is
 * untrusted data: its PR number is checked against the run's head commit, and it is re-rendered
 * with every name escaped.
 */
async function commentMode(s: ActionSettings, ctx: RunContext): Promise<void> {
  const wr = ctx.workflowRun;
  if (!wr)
    throw new UserError(
      `input 'mode': "comment" runs in a workflow triggered by workflow_run (this is ${ctx.eventName || 'no event'})`,
    );
  const name = reportArtifactName(s.baselineKey);
  const findBy = {
    token: s.token,
    workflowRunId: wr.id,
    repositoryOwner: ctx.owner,
    repositoryName: ctx.repo,
  };
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  let artifact;
  try {
    artifact = (await client.getArtifact(name, { findBy })).artifact;
  } catch {
    core.info(
      `No ${name} artifact in run ${wr.id}: nothing to comment (the run commented itself, or did not finish)`,
    );
    return;
  }
  const dir = path.join(tmpdir(), `perfgate-comment-${wr.id}`);
  await client.downloadArtifact(artifact.id, { path: dir, findBy });
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
  const api = octokitApi(s.token, ctx.owner, ctx.repo, ctx.apiUrl);
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
    core.setOutput('comment-url', outcome.comment.htmlUrl);
    core.info(`Comment ${outcome.action}: ${outcome.comment.htmlUrl}`);
  }
  core.setOutput('verdict', report.verdict);
}
