import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fixture = (name: string) => new URL(`../fixtures/ingest/${name}`, import.meta.url).pathname;
export const gbps = (bitsPerSecond: number | undefined) => (bitsPerSecond === undefined ? undefined : bitsPerSecond / 1e9);

/** Writes text (or bytes) into a fresh temporary folder and returns the file's path. */
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'netnotes-ingest-test-'));
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}
