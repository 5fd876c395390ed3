/**
 * The verdict as every rendering states it: the verdict, the reason, the counts of the comment's
 * headline and the profile findings worth showing, taken from the run report alone. The PR
 * comment and the HTML report both read these numbers from the same report.
 */
import type { FunctionChange } from '../analyze/profile-insights.js';
import type { PageProfileRow, PageVerdict } from './page-data.js';
import { profileRegressionCount } from '../analyze/verdict.js';
import type { RunReport } from './run-report.js';

/** The rows worth showing: the gate tripped, or a share moved by a point beyond sampling noise. */
export function notableRow(f: FunctionChange): boolean {
  return f.regression || (f.significant && f.sharePoints >= 1);
}

/** The verdict view of a run report. */
export function verdictView(
  r: Pick<RunReport, 'verdict' | 'reason' | 'gate' | 'profiles' | 'acceptance'>,
): PageVerdict {
  const g = r.gate;
  const compared = g !== undefined && g.verdict !== 'no-comparison';
  const rows: PageProfileRow[] = [];
  for (const c of r.profiles?.changes ?? []) {
    for (const f of c.grown.filter(notableRow)) {
      rows.push({
        profile: c.profile,
        sampleType: c.sampleType,
        unit: c.unit,
        function: f.name,
        benchmark: f.benchmark ?? '',
        file: f.file,
        line: f.line,
        leaf: f.leaf ?? '',
        basis: f.basis,
        base: f.base,
        head: f.head,
        points: f.sharePoints,
        limit: c.limitPoints ?? null,
        regression: f.regression,
      });
    }
  }
  rows.sort((x, y) => Number(y.regression) - Number(x.regression) || y.points - x.points);
  const leaks = r.profiles?.leaks ?? [];
  const leaking = leaks.filter((l) => l.severity === 'leak').length;
  return {
    verdict: r.verdict,
    reason: r.reason,
    benchmarksRegressed: compared ? g.benchmarks.regressed.length : null,
    benchmarksImproved: compared ? g.benchmarks.improved.length : null,
    // Units no test could judge: too few runs for the correction, or one run per side.
    unitsNotJudged:
      compared &&
      (g.power.length > 0 || g.findings.some((f) => f.base && f.head && f.method === 'none')),
    profileRegressions: r.profiles?.changes.length ? profileRegressionCount(r.profiles) : null,
    ...(leaks.length > 0 ? { goroutines: { leaks: leaking, parked: leaks.length - leaking } } : {}),
    profileRows: rows,
    ...(r.verdict === 'accepted' && r.acceptance
      ? { accepted: { label: r.acceptance.label, by: r.acceptance.by ?? null } }
      : {}),
  };
}
