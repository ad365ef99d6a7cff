import { statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { mapLimit } from './async.ts';
import { hashOf } from './cache.ts';
import { isEnoent } from './errors.ts';

/** A file's stat signature and the hash of its contents when it had that signature. */
type Entry = [size: string, mtimeNs: string, ctimeNs: string, inode: string, contentHash: string];

/**
 * Hashes the contents of `files` (relative to `dir`) into one key. Like git's index, it keeps
 * each file's content hash in `memoFile` with its size, times and inode, and reads only files
 * whose signature changed. The key itself is always made of content hashes.
 */
export async function hashFiles(dir: string, files: readonly string[], memoFile: string): Promise<string> {
  const memo = await readMemo(memoFile);
  const next: Record<string, Entry> = {};
  let changed = false;

  // Thousands of small stat calls finish sooner one after another than as promises.
  const signatures = files.map((file) => statSync(path.join(dir, file), { bigint: true }));
  const hashes = await mapLimit(files, 64, async (file, index) => {
    const stats = signatures[index];
    const signature = [String(stats.size), String(stats.mtimeNs), String(stats.ctimeNs), String(stats.ino)];
    const known = memo[file];
    if (known && signature.every((part, index) => known[index] === part)) {
      next[file] = known;
      return known[4];
    }
    const contentHash = hashOf(await readFile(path.join(dir, file)));
    next[file] = [signature[0], signature[1], signature[2], signature[3], contentHash];
    changed = true;
    return contentHash;
  });

  if (changed || Object.keys(memo).length !== files.length) await writeMemo(memoFile, next);
  return hashOf(...files.flatMap((file, index) => [file, hashes[index]]));
}

async function readMemo(file: string): Promise<Record<string, Entry>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, Entry>;
  } catch (error) {
    // A missing or damaged memo only costs a full read.
    if (isEnoent(error) || error instanceof SyntaxError) return {};
    throw error;
  }
}

async function writeMemo(file: string, memo: Record<string, Entry>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const staging = `${file}.tmp-${process.pid}`;
  await writeFile(staging, JSON.stringify(memo));
  await rename(staging, file);
}
