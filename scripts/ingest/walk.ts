import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { UsageError, isEnoent } from '../errors.ts';
import { ingestFile } from './index.ts';
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
    if (info.isDirectory()) files.push(...(await filesUnder(path)));
    else files.push(path);
  }
  return files;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** Ingests many files a few at a time; the result keeps the input order. */
export async function ingestAll(files: string[], concurrency = 8): Promise<IngestedFile[]> {
  const results: IngestedFile[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next;
      next += 1;
      results[index] = await ingestFile(files[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return results;
}
