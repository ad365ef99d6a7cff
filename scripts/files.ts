import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { isEnoent } from './errors.ts';

/**
 * Lists every file under `dir` as a path relative to it with forward slashes, sorted. Symbolic
 * links to files and folders are followed, so a run can link logs kept elsewhere. A link to a
 * folder inside or above one already walked is skipped, because it would repeat files or loop.
 * A broken link is skipped too, as it names no file.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const files = await filesUnder(dir, [await realpath(dir)]);
  return files.map((file) => path.relative(dir, file).split(path.sep).join('/')).sort();
}

/** Returns the paths of the files under `dir`. `walked` contains the real paths of the folders already walked. */
async function filesUnder(dir: string, walked: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files.push(file);
    else if (entry.isSymbolicLink()) files.push(...(await linkedFiles(file, walked)));
  }
  return files;
}

async function linkedFiles(link: string, walked: string[]): Promise<string[]> {
  let target: string;
  let isFile: boolean;
  let isDirectory: boolean;
  try {
    target = await realpath(link);
    const info = await stat(target);
    isFile = info.isFile();
    isDirectory = info.isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP') return [];
    throw error;
  }
  if (isFile) return [link];
  if (!isDirectory || walked.some((folder) => pathsOverlap(folder, target))) return [];

  walked.push(target);
  const files = await filesUnder(target, walked);
  return files.map((file) => path.join(link, path.relative(target, file)));
}

/** True when one path is the other or lies below it. */
export function pathsOverlap(a: string, b: string): boolean {
  const below = (outer: string, inner: string) => {
    const relative = path.relative(outer, inner);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
  };
  return below(a, b) || below(b, a);
}

/** Reads a UTF-8 file, or returns undefined when it does not exist. */
export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isEnoent(error)) return undefined;
    throw error;
  }
}
