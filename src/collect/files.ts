/** Reading the user's input files, with errors that name the file and the cause. */
import { readFile, readdir, stat } from 'node:fs/promises';
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

/** The files (not folders) directly in a folder, sorted; a UserError naming it when it is not one. */
export async function listFiles(dir: string, what = 'a folder'): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch {
    throw new UserError(`${dir}: not ${what}`);
  }
}
