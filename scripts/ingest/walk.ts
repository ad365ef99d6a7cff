import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { mapLimit } from '../async.ts';
import { UsageError, isEnoent } from '../errors.ts';
import { pathsOverlap } from '../files.ts';
import { ingestFile } from './index.ts';
import { requireLogAtLogPath } from './layout.ts';
import type { IngestedFile } from './types.ts';

/** Lists every file under the given files and folders, sorted by name within each folder. */
export async function listFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      if (isEnoent(error)) throw new UsageError(`no such file or folder: ${path}`);
      throw error;
    }
    if (info.isDirectory()) files.push(...(await filesUnder(path, [await realpath(path)])));
    else files.push(path);
  }
  return files;
}

/** Lists the files under `folder`. `walked` contains the real paths of the folders already walked. */
async function filesUnder(folder: string, walked: string[]): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path, walked)));
    else if (entry.isFile()) files.push(path);
    else if (entry.isSymbolicLink()) files.push(...(await linkedFiles(path, walked)));
  }
  return files;
}

/**
 * Follows a link to a file or folder. A broken link is listed, so ingest reports it as
 * unreadable, and a link to a folder inside or above one already walked is skipped, as it would
 * repeat files or loop.
 */
async function linkedFiles(link: string, walked: string[]): Promise<string[]> {
  let target: string;
  try {
    target = await realpath(link);
  } catch {
    return [link];
  }
  if (!(await stat(target)).isDirectory()) return [link];
  if (walked.some((folder) => pathsOverlap(folder, target))) return [];
  walked.push(target);
  return filesUnder(link, walked);
}

/**
 * Ingests many files a few at a time for the ingest report; the result keeps the input order.
 * The report needs each stream's whole-test row, not its intervals, so none are kept.
 */
export async function ingestAll(files: string[], concurrency = 8): Promise<IngestedFile[]> {
  return mapLimit(files, concurrency, async (file) => requireLogAtLogPath(basename(file), await ingestFile(file, { intervals: false })));
}
