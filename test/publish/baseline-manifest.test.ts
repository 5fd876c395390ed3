/** A merged baseline's manifest: each leg's part is checked like the top-level file lists. */
import { describe, expect, test } from 'vitest';
import { checkManifest } from '../../src/publish/baseline-store.js';

const manifest = (shards: unknown) => ({
  schema: 1,
  tool: 'perfgate',
  commit: 'b'.repeat(40),
  branch: 'main',
  benchFiles: [],
  profiles: [],
  shards,
});

describe('a merged baseline manifest', () => {
  test("keeps each leg's files", () => {
    const parts = [
      { name: 'linux', benchFiles: ['bench/0-go.txt'], profiles: ['profiles/cpu.pb.gz'] },
      { name: 'macos', benchFiles: ['bench/0-go.txt'], profiles: [] },
    ];
    expect(checkManifest(manifest(parts))).toMatchObject({ shards: parts });
    expect(checkManifest(manifest(undefined))).not.toHaveProperty('shards');
  });

  test.each([
    [[{ name: '../up', benchFiles: [], profiles: [] }]],
    [[{ name: 'linux', benchFiles: ['../../etc/passwd'], profiles: [] }]],
    [[{ name: 'linux', benchFiles: [] }]],
    ['linux'],
  ])('refuses %j', (shards) => {
    expect(checkManifest(manifest(shards))).toBe("the baseline's manifest has unusable shards");
  });
});
