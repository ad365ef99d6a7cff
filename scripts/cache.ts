import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

/**
 * Stage outputs under `.cache/<stage>/<key>`, keyed by the contents of their inputs and the
 * stage's code version, never by modification times.
 */
export class StageCache {
  readonly dir: string;
  readonly #enabled: boolean;

  constructor(dir: string, { enabled = true }: { enabled?: boolean } = {}) {
    this.dir = dir;
    this.#enabled = enabled;
  }

  /** Returns the cached JSON value for `key`, or computes, stores and returns it. */
  async json<T>(stage: string, key: string, compute: () => Promise<T>): Promise<{ value: T; reused: boolean }> {
    const file = path.join(this.dir, stage, `${key}.json`);
    if (this.#enabled) {
      const text = await readOptional(file);
      if (text !== undefined) {
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
    return this.#enabled && (await copyAll(path.join(this.dir, stage, key), baseDir, files));
  }

  /**
   * Copies cached copies of produced files (paths relative to `baseDir`) into `baseDir`, or runs
   * `produce` to create them there and keeps a copy of each.
   */
  async outputs(stage: string, key: string, baseDir: string, files: string[], produce: () => Promise<void>): Promise<{ reused: boolean }> {
    const entry = path.join(this.dir, stage, key);
    if (this.#enabled && (await copyAll(entry, baseDir, files))) {
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
