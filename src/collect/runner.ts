/**
 * Running commands: the one place perfgate starts child processes, behind a small interface so
 * callers can be tested with a recording fake.
 */
import { spawn } from 'node:child_process';
import { benchmarkEnv } from './child-env.js';

/** What a finished command produced. */
export interface RunResult {
  code: number;
  /** stdout and stderr interleaved as they came, as `go test` output reads in a terminal. */
  output: string;
  /** stdout alone (benchmark results, kept apart from what the command logs on stderr). */
  stdout: string;
  /** stderr alone. */
  stderr: string;
}

/** Options of one command. */
export interface RunOptions {
  cwd: string;
  /** The child's environment; by default perfgate's own without its secrets (child-env.ts). */
  env?: NodeJS.ProcessEnv;
  /** Called with each complete output line as it arrives (progress in the log). */
  onLine?: (line: string) => void;
}

/** Runs commands. */
export interface Runner {
  run(cmd: string, args: string[], options: RunOptions): Promise<RunResult>;
}

/**
 * Runs real processes; a command that cannot start at all is reported with its name. Every
 * command runs benchmark code or may (go test, test binaries, git hooks, a load command), so none
 * gets the action's token or the runner's command files unless a caller passes `env` itself.
 */
export const processRunner: Runner = {
  run(cmd, args, options) {
    return new Promise((resolve, reject) => {
      const child = spawn(cmd, args, {
        cwd: options.cwd,
        env: options.env ?? benchmarkEnv(process.env),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const streams = { stdout: '', stderr: '' };
      let pending = '';
      const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        streams[stream] += text;
        if (!options.onLine) return;
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const l of lines) options.onLine(l);
      };
      child.stdout.on('data', onData('stdout'));
      child.stderr.on('data', onData('stderr'));
      child.on('error', (err: NodeJS.ErrnoException) => {
        reject(
          err.code === 'ENOENT'
            ? new Error(`${cmd}: command not found (is it installed and on PATH?)`)
            : err,
        );
      });
      child.on('close', (code) => {
        if (pending && options.onLine) options.onLine(pending);
        resolve({ code: code ?? 1, output, ...streams });
      });
    });
  },
};
