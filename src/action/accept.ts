/**
 * A pull request's accept label: whether it carries `accept-label`, who applied it (the
 * `labeled` event's sender, else the events), and the benchmarks its body names on
 * `perfgate-accept:` lines. Who applied it is shown, never trusted for anything else; when
 * GitHub cannot say, the label still accepts and a note says so.
 */
import type { AcceptRequest } from '../analyze/verdict.js';
import type { ActionPorts, ActionRun } from './ports.js';

/** The most patterns read from a body, and the longest one. */
const MAX_PATTERNS = 50;
const MAX_PATTERN = 200;

/**
 * The benchmark patterns of `perfgate-accept: <glob>[, <glob>…]` lines in a pull request's body
 * (case-insensitive key, `*` wildcards); none when there are no such lines.
 */
export function acceptPatterns(body: string): string[] {
  const patterns: string[] = [];
  for (const m of body.matchAll(/^[ \t]*perfgate-accept:[ \t]*(.*)$/gim)) {
    for (const p of m[1]!.split(/[,\s]+/)) {
      const glob = p.replace(/^`|`$/g, '');
      if (glob !== '' && glob.length <= MAX_PATTERN) patterns.push(glob);
    }
  }
  return [...new Set(patterns)].slice(0, MAX_PATTERNS);
}

/** The run's accept request with who applied the label; undefined when the PR lacks the label. */
export async function acceptRequest(
  { settings: s, ctx }: ActionRun,
  { api, out }: ActionPorts,
  warnings: string[],
): Promise<(AcceptRequest & { by: string | undefined }) | undefined> {
  const pr = ctx.pullRequest;
  const label = s.acceptLabel;
  if (!pr || !pr.labels.includes(label)) return undefined;
  const patterns = acceptPatterns(pr.body);
  let by = pr.labeled?.label === label ? pr.labeled.by : undefined;
  if (by === undefined) {
    try {
      by = await api.labeledBy(pr.number, label);
    } catch (err) {
      const why = `who applied the label "${label}" could not be read (${(err as Error).message}); the label accepts all the same`;
      warnings.push(why);
      out.warning(`perfgate: ${why}`);
    }
  }
  const which = patterns.length > 0 ? `benchmarks ${patterns.join(', ')}` : 'every regression';
  out.info(`Label "${label}" (applied by ${by ?? 'unknown'}): accepts ${which}`);
  return { label, by, patterns };
}
