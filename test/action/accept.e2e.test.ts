/**
 * Accepting an intended regression by label, end to end: the bundled action against the loopback
 * GitHub (fake-github), with real fixture runs. A failing pull request passes with the label and
 * says who applied it (escaped like any text from outside); without it, it fails; a run that
 * compared nothing is not excused; the accepted cost becomes main's baseline once merged.
 */
import { chromium } from 'playwright-core';
import { describe, expect, onTestFinished, test } from 'vitest';
import { BASE, BASE_SHA, HEAD, setUp } from '../helpers/action-e2e.js';
import { renderGfm } from '../helpers/gfm.js';

const LABEL = 'perfgate: accept';
const headline = (body: string) => body.split('\n')[1]!;

describe('accepting a regression by label', () => {
  test('a failing pull request passes with the label, naming who applied it; without the label it fails', async () => {
    const { fake, pushMain, pullRequest, comments } = await setUp();
    expect((await pushMain({ 'bench-output': BASE })).code).toBe(0);

    const plain = await pullRequest(40, { 'bench-output': HEAD });
    expect([plain.code, plain.outputs.verdict]).toEqual([1, 'fail']);

    fake.addLabelEvent(41, LABEL, 'octocat');
    const accepted = await pullRequest(
      41,
      { 'bench-output': HEAD },
      'acme/app',
      {},
      {
        labels: [LABEL, 'enhancement'],
      },
    );
    expect([accepted.code, accepted.outputs.verdict, accepted.outputs.regressions]).toEqual([
      0,
      'accepted',
      '3',
    ]);
    const body = comments(41)[0]!.body;
    expect(headline(body)).toBe(
      '### ✅ perfgate: accepted by label <code>perfgate: accept</code>, applied by &#64;<wbr>octocat · 3 benchmarks regressed',
    );
    // The regressions stay listed, and the log says they were accepted rather than failing.
    expect(body).toMatch(/\| <code>GrowSlice-2<\/code> +\| B\/op/);
    expect(accepted.stdout).toContain(
      '::warning::perfgate: GrowSlice-2 regressed, accepted by label "perfgate: accept"',
    );
    expect(accepted.stdout).not.toContain('::error');
    expect(accepted.summary).toContain('### ✅ perfgate: accepted by label');
    const events = fake.requests.filter((q) => q.path.endsWith('/issues/41/events'));
    expect(events.map((q) => q.status)).toEqual([200]);

    // A `labeled` event names its sender: no call needed.
    const before = fake.requests.length;
    const labeled = await pullRequest(
      42,
      { 'bench-output': HEAD },
      'acme/app',
      {},
      {
        labels: [LABEL],
        action: 'labeled',
        label: LABEL,
        sender: 'hubot',
      },
    );
    expect(labeled.outputs.verdict).toBe('accepted');
    expect(headline(comments(42)[0]!.body)).toContain('applied by &#64;<wbr>hubot ·');
    expect(fake.requests.slice(before).some((q) => q.path.endsWith('/events'))).toBe(false);
    expect(fake.internalErrors).toEqual([]);
  });

  test("a hostile labeler's login is shown as text: no mention, no element, no link", async () => {
    const { fake, pushMain, pullRequest, comments, dataText } = await setUp();
    await pushMain({ 'bench-output': BASE });
    const login = 'evil</details><img src=x>[x](https://evil.example)@org/team';
    dataText.push(`@${login}`);
    fake.addLabelEvent(43, LABEL, 'octocat');
    fake.addLabelEvent(43, LABEL, login);
    const r = await pullRequest(
      43,
      { 'bench-output': HEAD, 'html-report': 'true' },
      'acme/app',
      {},
      { labels: [LABEL] },
    );
    expect(r.outputs.verdict).toBe('accepted');
    const html = renderGfm(comments(43)[0]!.body);
    const h3 = /<h3>(.*?)<\/h3>/s.exec(html)![1]!;
    expect(h3).not.toMatch(/<img|<a |<\/details>/);
    // What a reader sees: the login as written, after "applied by @".
    expect(
      h3
        .replace(/<wbr \/>|<wbr>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    ).toContain(`applied by @${login} ·`);
    // The HTML report's headline says the same, as text.
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    onTestFinished(() => browser.close());
    const page = await browser.newPage();
    await page.goto(`file://${r.outputs['report-html']}`);
    expect(await page.locator('#verdict-headline').textContent()).toBe(
      `✅ perfgate: accepted by label perfgate: accept, applied by @${login} · 3 benchmarks regressed`,
    );
    expect(await page.locator('#verdict img, #verdict a').count()).toBe(0);
    expect(fake.internalErrors).toEqual([]);
  });

  test('who applied the label unknown: the label still accepts, and a note says why', async () => {
    const { fake, pushMain, pullRequest, comments } = await setUp();
    await pushMain({ 'bench-output': BASE });
    fake.failNext({ method: 'GET', pathPrefix: '/repos/acme/app/issues/44/events' }, 404, {
      message: 'Not Found',
    });
    const r = await pullRequest(44, { 'bench-output': HEAD }, 'acme/app', {}, { labels: [LABEL] });
    expect([r.code, r.outputs.verdict]).toEqual([0, 'accepted']);
    const body = comments(44)[0]!.body;
    expect(headline(body)).toMatch(
      /^### ✅ perfgate: accepted by label <code>perfgate: accept<\/code> · /,
    );
    expect(body).toContain(
      'who applied the label &#34;perfgate: accept&#34; could not be read (GET /repos/acme/app/issues/44/events failed with HTTP 404',
    );
  });

  test('a body naming benchmarks excuses only those; the others still fail', async () => {
    const { pushMain, pullRequest, comments } = await setUp();
    await pushMain({ 'bench-output': BASE });
    const r = await pullRequest(
      45,
      { 'bench-output': HEAD },
      'acme/app',
      {},
      {
        labels: [LABEL],
        sender: 'octocat',
        action: 'labeled',
        label: LABEL,
        body: 'Safer parsing.\n\nperfgate-accept: GrowSlice*\n',
      },
    );
    expect([r.code, r.outputs.verdict]).toEqual([1, 'fail']);
    expect(r.stdout).toContain(
      '::error::perfgate: 2 benchmarks regressed beyond the limits; 1 benchmark regressed beyond the limits: accepted by label "perfgate: accept"',
    );
    expect(r.stdout).toContain('::warning::perfgate: GrowSlice-2 regressed, accepted by label');
    expect(headline(comments(45)[0]!.body)).toMatch(
      /^### ❌ perfgate: fail · 3 benchmarks regressed/,
    );

    const all = await pullRequest(
      46,
      { 'bench-output': HEAD },
      'acme/app',
      {},
      {
        labels: [LABEL],
        sender: 'octocat',
        action: 'labeled',
        label: LABEL,
        body: 'perfgate-accept: GrowSlice*, Concat*\nperfgate-accept: `JSON*`',
      },
    );
    expect([all.code, all.outputs.verdict]).toEqual([0, 'accepted']);
  });

  test("a fork's accepted report: mode: comment posts the accepted headline, the login still escaped", async () => {
    const { fake, pushMain, pullRequest, runAction, comments } = await setUp();
    await pushMain({ 'bench-output': BASE });
    fake.addLabelEvent(50, LABEL, 'maintainer');
    const fork = await pullRequest(
      50,
      { 'bench-output': HEAD },
      'someone/app',
      {},
      {
        labels: [LABEL],
      },
    );
    expect([fork.code, fork.outputs.verdict]).toEqual([0, 'accepted']);
    const report = fake.artifacts.find((a) => a.name === 'perfgate-report-benchmarks-bench')!;
    const r = await runAction(
      'workflow_run',
      {
        workflow_run: { id: report.workflow_run.id, head_sha: fake.pulls.get(50)!.head.sha },
        repository: { id: 1001, full_name: 'acme/app', default_branch: 'main' },
      },
      { mode: 'comment' },
      { GITHUB_REF: 'refs/heads/main' },
    );
    expect([r.code, r.outputs.verdict]).toEqual([0, 'accepted']);
    expect(headline(comments(50)[0]!.body)).toMatch(
      /^### ✅ perfgate: accepted by label <code>perfgate: accept<\/code>, applied by &#64;<wbr>maintainer · /,
    );
  });

  test('the label does not excuse a run that compared nothing', async () => {
    const { pushMain, pullRequest } = await setUp();
    await pushMain({ 'bench-output': BASE });
    const r = await pullRequest(
      47,
      { 'bench-output': 'fixtures/bench/edge-a.txt' },
      'acme/app',
      {},
      {
        labels: [LABEL],
        action: 'labeled',
        label: LABEL,
        sender: 'octocat',
      },
    );
    expect([r.code, r.outputs.verdict]).toEqual([1, 'no-comparison']);
  });

  test('the accepted cost becomes the baseline once merged: the next pull request compares against it', async () => {
    const { fake, pushMain, pullRequest, comments } = await setUp();
    await pushMain({ 'bench-output': BASE });
    const accepted = await pullRequest(
      48,
      { 'bench-output': HEAD },
      'acme/app',
      {},
      {
        labels: [LABEL],
        action: 'labeled',
        label: LABEL,
        sender: 'octocat',
      },
    );
    expect(accepted.outputs.verdict).toBe('accepted');
    // Merged: main's run measures what the pull request measured and saves it as usual.
    const MERGED = 'c'.repeat(40);
    const push = await pushMain({ 'bench-output': HEAD }, {}, MERGED);
    expect(push.code).toBe(0);
    const saved = fake.artifacts.filter((a) => a.name === 'perfgate-baseline-benchmarks-bench');
    expect(saved.map((a) => a.workflow_run.head_sha)).toEqual([BASE_SHA, MERGED]);

    const next = await pullRequest(
      49,
      { 'bench-output': HEAD },
      'acme/app',
      {},
      {
        baseSha: MERGED,
      },
    );
    expect([next.code, next.outputs.verdict, next.outputs.regressions]).toEqual([0, 'pass', '0']);
    expect(comments(49)[0]!.body).toContain(`Base \`${MERGED.slice(0, 12)}\` on <code>main</code>`);
  });
});
