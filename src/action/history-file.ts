/**
 * The history file of a baseline folder: read (bounded in size, checked by the history's reader)
 * and written. A file that is missing is no history; one that cannot be used says why.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BaselineHistory, HISTORY_FILE, readHistory } from '../report/history.js';

/** The largest history file read (100 commits of a few hundred benchmarks fit well under it). */
const MAX_HISTORY_BYTES = 16 * 1024 * 1024;

/** A baseline folder's history, undefined when it has none, or why it cannot be used. */
export async function readHistoryFile(dir: string): Promise<BaselineHistory | string | undefined> {
  const file = path.join(dir, HISTORY_FILE);
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) return `${HISTORY_FILE} is not a file`;
  if (info.size > MAX_HISTORY_BYTES)
    return `${HISTORY_FILE} is ${info.size} bytes, more than a history holds (${MAX_HISTORY_BYTES})`;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    return `${HISTORY_FILE} is not valid JSON (${(err as Error).message.slice(0, 120)})`;
  }
  const h = readHistory(json);
  return typeof h === 'string' ? `${HISTORY_FILE}: ${h}` : h;
}

/** Writes a history into a baseline folder. */
export async function writeHistoryFile(dir: string, h: BaselineHistory): Promise<void> {
  await writeFile(path.join(dir, HISTORY_FILE), `${JSON.stringify(h)}\n`);
}
