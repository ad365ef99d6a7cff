import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { mapLimit } from '../async.ts';
import { codeVersion, hashOf } from '../cache.ts';
import type { StepContext } from '../site/steps.ts';
import { chromiumVersion } from './browser.ts';

let version: string | undefined;

/**
 * The cache key of a print: the printed page's HTML, every file under assets/, the print
 * options, the pdf stage's code and the browser's version. Other pages do not count, so
 * adding a run reprints the report but not the poster.
 */
export async function printKey(context: StepContext, pagePath: string, options: unknown): Promise<string> {
  version ??= chromiumVersion();
  const page = await readFile(path.join(context.out, pagePath, 'index.html'));
  const assetsDir = path.join(context.out, 'assets');
  const assets = (await readdir(assetsDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(assetsDir, path.join(entry.parentPath, entry.name)))
    .sort();
  const contents = await mapLimit(assets, 16, (file) => readFile(path.join(assetsDir, file)));
  return hashOf(
    await codeVersion('pdf'),
    version,
    context.pathPrefix,
    JSON.stringify(options),
    page,
    ...assets.flatMap((file, index) => [file, contents[index]]),
  );
}
