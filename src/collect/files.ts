/** Reading the user's input files, with errors that name the file and the cause. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** Reads a whole file; a missing, unreadable or non-regular file is a UserError naming it. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError(`${path}: is a directory, not a file`);
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
