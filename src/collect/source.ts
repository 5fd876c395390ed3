/**
 * Finding the user's source lines for profile sites. Profiles name files as the build saw them:
 * absolute paths of the build machine, or module paths with -trimpath
 * (`example.com/app/internal/x.go`). In a CI checkout the same file is somewhere under the
 * workspace: try the path as it is, then ever shorter tails of it under each root.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SourceLookup } from '../analyze/hotspots.js';

/** A lookup of source lines under `roots`, caching files; undefined where a file is not found. */
export function sourceLookup(roots: string[]): SourceLookup {
  const files = new Map<string, string[] | undefined>();
  const locate = (file: string): string | undefined => {
    if (path.isAbsolute(file) && existsSync(file)) return file;
    const parts = file.split('/').filter((p) => p !== '');
    for (let i = 0; i < parts.length; i++) {
      const tail = parts.slice(i).join('/');
      for (const root of roots) {
        const candidate = path.join(root, tail);
        if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
      }
    }
    return undefined;
  };
  return (file, line) => {
    if (!files.has(file)) {
      const found = locate(file);
      let lines: string[] | undefined;
      try {
        lines = found ? readFileSync(found, 'utf8').split('\n') : undefined;
      } catch {
        lines = undefined;
      }
      files.set(file, lines);
    }
    return files.get(file)?.[line - 1];
  };
}
