import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (relative paths, sorted) whose name ends with one of `suffixes`. */
export function findFiles(dir: string, suffixes: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (suffixes.some((s) => entry.name.endsWith(s))) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The fixture profiles made by fixtures/generate.sh. */
export function fixtureProfiles(): string[] {
  return [
    ...findFiles('fixtures/profiles', ['.pb.gz', '.pb']),
    ...findFiles('fixtures/bench', ['.pb.gz']),
  ];
}
