import { stat } from 'node:fs/promises';
import path from 'node:path';

import { siteData } from '../site/data.ts';
import type { StepContext } from '../site/steps.ts';
import { printKey } from './cached-print.ts';
import { printPage } from './print.ts';
import { usingBrowser } from './session.ts';
import { serveSiteToPage, siteUrl } from './site-page.ts';

export const POSTER_PAGE = '/docker-ecosystem/poster/';
const OUTPUT_DIR = '/docker-ecosystem/';

/**
 * Prints the ecosystem poster as one PDF page at the chart's own size (vector, text selectable,
 * tool names linked) and renders a PNG of it at twice its size, both next to the chart's page.
 */
export async function printPosterPdf(context: StepContext): Promise<void> {
  const started = performance.now();
  const { catalog, metadata } = await siteData();
  const pdfFile = path.join(context.out, OUTPUT_DIR, catalog.poster.pdf);
  const pngFile = path.join(context.out, OUTPUT_DIR, catalog.poster.png);
  const { width, height } = catalog.poster;

  const outputs = [path.join(OUTPUT_DIR, catalog.poster.pdf), path.join(OUTPUT_DIR, catalog.poster.png)];
  const key = await printKey(context, POSTER_PAGE, { width, height, edition: catalog.edition, author: metadata.author.name });
  if (!context.pdf) {
    const restored = await context.cache.restore('pdf', key, context.out, outputs);
    context.log.step(restored ? 'reused' : 'skipped', `poster PDF and PNG (--no-pdf${restored ? ', printed by an earlier build' : ''})`);
    return;
  }
  const { reused } = await context.cache.outputs('pdf', key, context.out, outputs, async () => {
    const blocked = await usingBrowser(context.browser, async (browser) => {
      const printed = await printPage(browser, {
        publicUrl: metadata.url,
        siteDir: context.out,
        pathPrefix: context.pathPrefix,
        pagePath: POSTER_PAGE,
        outFile: pdfFile,
        pdf: { width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1', tagged: true },
        metadata: {
          title: `Docker ecosystem, edition ${catalog.edition.id}`,
          author: metadata.author.name,
          subject: `Docker-related tools sorted by what they do, edition ${catalog.edition.id} (${catalog.edition.date})`,
          keywords: ['docker', 'containers', 'ecosystem', 'orchestration', 'networking'],
          date: new Date(`${catalog.edition.date.length === 7 ? `${catalog.edition.date}-01` : catalog.edition.date}T00:00:00Z`),
        },
      });

      const page = await browser.newPage();
      try {
        const serving = await serveSiteToPage(page, context.out, context.pathPrefix);
        await page.setViewport({ width, height, deviceScaleFactor: 2 });
        await page.goto(siteUrl(POSTER_PAGE, context.pathPrefix), { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: pngFile as `${string}.png`, clip: { x: 0, y: 0, width, height } });
        return [...printed.blocked, ...serving.blocked];
      } finally {
        await page.close();
      }
    });

    for (const url of blocked) context.log.warn(`blocked a request that leaves the site while printing the poster: ${url}`);
  });

  const kb = (file: string) => stat(file).then((s) => `${Math.round(s.size / 1024)} KB`);
  context.log.step(reused ? 'reused' : 'printed', `${path.relative(context.out, pdfFile)} (${await kb(pdfFile)}) and ${path.basename(pngFile)} (${await kb(pngFile)})`, performance.now() - started);
}
