import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { mapLimit } from '../async.ts';
import { codeVersion, hashOf } from '../cache.ts';
import { listFiles } from '../files.ts';
import type { StepContext } from '../site/steps.ts';
import { BrowserNotFoundError, findChromium } from './browser.ts';

/**
 * Computes the cache key of a print from the printed page's HTML, every file under assets/,
 * the print options, the pdf stage's code and the browser binary. Other pages do not count,
 * so adding a run reprints the report but not the poster.
 */
export async function printKey(context: StepContext, pagePath: string, options: unknown): Promise<string> {
  // The browser binary's path, size and time stand for its version: spawning it to ask costs
  // a tenth of a second, and an upgrade replaces the file.
  const browser = await browserSignature();
  const page = await readFile(path.join(context.out, pagePath, 'index.html'));
  const assetsDir = path.join(context.out, 'assets');
  const assets = await listFiles(assetsDir);
  const contents = await mapLimit(assets, 16, (file) => readFile(path.join(assetsDir, file)));
  return hashOf(
    await codeVersion('pdf'),
    browser,
    context.pathPrefix,
    JSON.stringify(options),
    page,
    ...assets.flatMap((file, index) => [file, contents[index]]),
  );
}

/** Returns the browser binary's path, size and time, or "none" where no browser is installed (--no-pdf builds). */
async function browserSignature(): Promise<string> {
  let executable: string;
  try {
    executable = await realpath(findChromium());
  } catch (error) {
    if (error instanceof BrowserNotFoundError) return 'none';
    throw error;
  }
  const { size, mtimeMs } = await stat(executable);
  return `${executable}:${size}:${mtimeMs}`;
}
