import path from 'node:path';

import * as pagefind from 'pagefind';

import type { StepContext } from './steps.ts';

/**
 * Indexes the written site with Pagefind and writes the search bundle to pagefind/ inside it,
 * so /search/ works on a static host. Pagefind runs its bundled binary locally, with no network.
 */
export async function indexSearch(context: StepContext): Promise<void> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(`Pagefind failed to start: ${errors.join('; ')}`);

  try {
    const added = await index.addDirectory({ path: context.out });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${context.out}: ${added.errors.join('; ')}`);

    const written = await index.writeFiles({ outputPath: path.join(context.out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its bundle: ${written.errors.join('; ')}`);

    context.log.step('indexed', `${added.page_count} pages for search`, performance.now() - started);
  } finally {
    await pagefind.close();
  }
}
