import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { isEnoent } from './errors.ts';
import { readOptional } from './files.ts';
import { debug } from './log.ts';

const log = debug('cache');
const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));

/** Hashes its parts in order; the key of a cache entry. */
export function hashOf(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? `${part.length}:${part}` : part);
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

const versions = new Map<string, Promise<string>>();

/**
 * The code version of one or more stages: a hash of every source file in their folders under
 * scripts/, so any change to a stage's code invalidates what it cached.
 */
export function codeVersion(...stages: string[]): Promise<string> {
  const key = stages.join(',');
  let version = versions.get(key);
  if (!version) {
    version = hashFolders(stages.map((stage) => path.join(SCRIPTS, stage)));
    versions.set(key, version);
  }
  return version;
}

async function hashFolders(dirs: string[]): Promise<string> {
  const parts: Array<string | Uint8Array> = [];
  for (const dir of dirs) {
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    for (const file of files) parts.push(file, await readFile(path.join(dir, file)));
  }
  return hashOf(...parts);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Stage outputs under `.cache/<stage>/<key>`, keyed by the contents of their inputs and the
 * stage's code version, never by modification times. An entry's modification time records its
 * last use instead, which `prune` reads.
 */
export class StageCache {
  readonly dir: string;
  readonly #enabled: boolean;
  readonly #stages = new Set<string>();

  constructor(dir: string, { enabled = true }: { enabled?: boolean } = {}) {
    this.dir = dir;
    this.#enabled = enabled;
  }

  /** Returns the cached JSON value for `key`, or computes, stores and returns it. */
  async json<T>(stage: string, key: string, compute: () => Promise<T>): Promise<{ value: T; reused: boolean }> {
    const file = path.join(this.dir, stage, `${key}.json`);
    if (this.#enabled) {
      const text = await readOptional(file);
      this.#stages.add(stage);
      if (text !== undefined) {
        await markUsed(file);
        log('reused %s/%s', stage, key);
        return { value: JSON.parse(text) as T, reused: true };
      }
    }
    const value = await compute();
    if (this.#enabled) await writeAtomically(file, JSON.stringify(value));
    return { value, reused: false };
  }

  /** Copies cached copies of produced files into `baseDir` if the cache has them all; never produces them. */
  async restore(stage: string, key: string, baseDir: string, files: string[]): Promise<boolean> {
    if (!this.#enabled) return false;
    this.#stages.add(stage);
    const entry = path.join(this.dir, stage, key);
    if (!(await copyAll(entry, baseDir, files))) return false;
    await markUsed(entry);
    return true;
  }

  /**
   * Copies cached copies of produced files (paths relative to `baseDir`) into `baseDir`, or runs
   * `produce` to create them there and keeps a copy of each.
   */
  async outputs(stage: string, key: string, baseDir: string, files: string[], produce: () => Promise<void>): Promise<{ reused: boolean }> {
    const entry = path.join(this.dir, stage, key);
    if (this.#enabled) this.#stages.add(stage);
    if (this.#enabled && (await copyAll(entry, baseDir, files))) {
      await markUsed(entry);
      log('reused %s/%s', stage, key);
      return { reused: true };
    }
    await produce();
    if (this.#enabled) {
      const staging = `${entry}.tmp-${process.pid}`;
      await rm(staging, { recursive: true, force: true });
      await copyAll(baseDir, staging, files);
      await rm(entry, { recursive: true, force: true });
      await rename(staging, entry);
    }
    return { reused: false };
  }

  /**
   * Removes the entries of the stages this cache served that no build has used for `maxAgeDays`,
   * and returns how many it removed. Entries of the current build were just used, so they stay.
   */
  async prune(maxAgeDays = 14, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const stage of [...this.#stages].sort()) {
      const dir = path.join(this.dir, stage);
      for (const name of await readdirOptional(dir)) {
        const entry = path.join(dir, name);
        const { mtimeMs } = await stat(entry);
        if (now - mtimeMs <= maxAgeDays * DAY_MS) continue;
        await rm(entry, { recursive: true, force: true });
        removed += 1;
      }
    }
    if (removed > 0) log('pruned %d entries unused for %d days', removed, maxAgeDays);
    return removed;
  }
}

/** Sets an entry's modification time to now, as the record of its last use. */
async function markUsed(entry: string): Promise<void> {
  const now = new Date();
  await utimes(entry, now, now);
}

async function readdirOptional(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isEnoent(error)) return [];
    throw error;
  }
}

/** Copies `files` from one folder to another; false when any is missing in the source. */
async function copyAll(from: string, to: string, files: string[]): Promise<boolean> {
  for (const file of files) {
    try {
      await mkdir(path.dirname(path.join(to, file)), { recursive: true });
      await cp(path.join(from, file), path.join(to, file), { recursive: true, force: true });
    } catch (error) {
      if (isEnoent(error)) return false;
      throw error;
    }
  }
  return true;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const staging = `${file}.tmp-${process.pid}`;
  await writeFile(staging, text);
  await rename(staging, file);
}
