/** Reading the user's input files, with errors that name the file and the cause. */
import type { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.js';

/** The largest input file read whole (a raw profile of a large test run is a few hundred MB). */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * Reads a whole file; a missing, unreadable or non-regular file (a device such as /dev/zero, a
 * pipe) or one larger than `maxBytes` is a UserError naming it, before anything is read.
 */
export async function readInputFile(
  path: string,
  maxBytes = MAX_INPUT_FILE_BYTES,
): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError(`${path}: is a directory, not a file`);
    if (!info.isFile()) throw new UserError(`${path}: not a regular file`);
    if (info.size > maxBytes)
      throw new UserError(`${path}: ${info.size} bytes, more than the limit of ${maxBytes}`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${path}: no such file`);
    if (code === 'EACCES') throw new UserError(`${path}: permission denied`);
    throw new UserError(`${path}: cannot be read (${(err as Error).message})`);
  }
}

/**
 * The files (not folders) directly in a folder, sorted; a UserError naming it when it is not one.
 * Symbolic links are followed (the folder itself may be one): a link to a regular file is listed
 * under its own name, a link to anything else (a folder, a device, nothing) is not. Only this
 * one folder is listed, so a link back to it cannot make a loop.
 */
export async function listFiles(dir: string, what = 'a folder'): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw new UserError(`${dir}: not ${what}`);
  }
  const files: string[] = [];
  for (const e of entries) {
    if (e.isFile()) files.push(e.name);
    else if (e.isSymbolicLink()) {
      const target = await stat(join(dir, e.name)).catch(() => undefined);
      if (target?.isFile()) files.push(e.name);
    }
  }
  return files.sort();
}
