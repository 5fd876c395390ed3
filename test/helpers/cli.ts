import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runCli } from '../../src/cli/main.js';

/** Result of running the CLI. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with recording output streams. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

/** Runs the bundled CLI (dist/cli.js) as a child process, as a user would. */
export function distCli(...argv: string[]): CliResult {
  return distCliEnv({}, ...argv);
}

/** Runs the bundled CLI with extra environment variables. */
export function distCliEnv(env: Record<string, string>, ...argv: string[]): CliResult {
  const r = spawnSync(process.execPath, [path.resolve('dist/cli.js'), ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
