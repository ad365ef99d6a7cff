import path from 'node:path';

import * as pagefind from 'pagefind';

import { codeVersion, hashOf } from '../cache.ts';
import { hashFiles } from '../file-hash.ts';
import { listFiles } from '../files.ts';
import type { StepContext } from './steps.ts';

/**
 * Indexes the written site with Pagefind and writes the search bundle to pagefind/ inside it,
 * so /search/ works on a static host. Pagefind runs its bundled binary locally, with no network.
 */
export async function indexSearch(context: StepContext): Promise<void> {
  const started = performance.now();
  // The index depends only on the pages' HTML; an unchanged site reuses the last bundle.
  const pages = (await listFiles(context.out)).filter((file) => file.endsWith('.html'));
  const key = hashOf(await codeVersion('site'), await hashFiles(context.out, pages, path.join(context.cache.dir, 'file-hashes', 'pages.json')));
  let count = pages.length;
  const { reused } = await context.cache.outputs('search', key, context.out, ['pagefind'], async () => {
    count = await writeIndex(context.out);
  });
  const what = reused ? 'the search index' : `${count} pages for search`;
  context.log.step(reused ? 'reused' : 'indexed', what, performance.now() - started);
}

async function writeIndex(out: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(`Pagefind failed to start: ${errors.join('; ')}`);

  try {
    const added = await index.addDirectory({ path: out });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${out}: ${added.errors.join('; ')}`);

    const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its bundle: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
