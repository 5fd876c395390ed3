import { describe, expect, test } from 'vitest';
import { acceptPatterns } from '../../src/action/accept.js';
import { readRunContext } from '../../src/action/context.js';
import { latestLabeler } from '../../src/publish/github-api.js';

describe('the accept label of a pull request', () => {
  test('perfgate-accept lines in the body name the benchmarks, comma- or space-separated', () => {
    expect(
      acceptPatterns(
        'Safer parser.\r\n\r\nperfgate-accept: JSON*, `Parse/large`\n  PERFGATE-ACCEPT: Encode Decode\nnot perfgate-accept: X',
      ),
    ).toEqual(['JSON*', 'Parse/large', 'Encode', 'Decode']);
    expect(acceptPatterns('no such lines')).toEqual([]);
  });

  test("the event payload gives the PR's labels, body, and a labeled event's sender", () => {
    const ctx = readRunContext(
      { GITHUB_REPOSITORY: 'acme/app', GITHUB_EVENT_NAME: 'pull_request' },
      {
        action: 'labeled',
        label: { name: 'perfgate: accept' },
        sender: { login: 'octocat' },
        pull_request: {
          number: 3,
          labels: [{ name: 'perfgate: accept' }, { name: 'bug' }, { nope: 1 }],
          body: 'perfgate-accept: X',
        },
      },
    );
    expect(ctx.pullRequest).toMatchObject({
      labels: ['perfgate: accept', 'bug'],
      body: 'perfgate-accept: X',
      labeled: { label: 'perfgate: accept', by: 'octocat' },
    });
  });

  test('who applied a label: the latest labeled event for it', () => {
    const ev = (event: string, name: string, login: string) => ({
      event,
      label: { name },
      actor: { login },
    });
    const events = [
      ev('labeled', 'perfgate: accept', 'first'),
      ev('unlabeled', 'perfgate: accept', 'second'),
      ev('labeled', 'perfgate: accept', 'third'),
      ev('labeled', 'bug', 'fourth'),
      { event: 'labeled', label: { name: 'perfgate: accept' }, actor: null },
    ];
    expect(latestLabeler(events, 'perfgate: accept')).toBe('third');
    expect(latestLabeler(events, 'other')).toBeUndefined();
  });
});
