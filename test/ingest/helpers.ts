import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll } from 'vitest';

const folders: string[] = [];
// Registered in every test file that imports these helpers, so each file removes its own folders.
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

export const fixture = (name: string) => new URL(`../fixtures/ingest/${name}`, import.meta.url).pathname;
export const gbps = (bitsPerSecond: number | undefined) => (bitsPerSecond === undefined ? undefined : bitsPerSecond / 1e9);

/** Writes text (or bytes) into a fresh temporary folder and returns the file's path. */
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'netnotes-ingest-test-'));
  folders.push(folder);
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}
