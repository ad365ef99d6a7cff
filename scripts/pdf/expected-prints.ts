import { existsSync } from 'node:fs';
import path from 'node:path';

import { codeVersion, hashOf, type StageCache } from '../cache.ts';
import { hashFiles } from '../file-hash.ts';
import { listFiles } from '../files.ts';
import { debug, type Logger } from '../log.ts';
import type { SiteData } from '../site/data.ts';
import type { BrowserSession } from './session.ts';

const log = debug('pdf');

/** The printed pages, each with its content folder and the stage data its HTML is made from. */
const PRINTED_PAGES: Array<{ content: string; data: (site: SiteData) => unknown[] }> = [
  { content: 'content/docker-network-performance', data: (site) => [site.report, site.metadata] },
  { content: 'content/docker-ecosystem', data: (site) => [site.catalog, site.metadata] },
];

/** Cache stage whose entries record the inputs of printed pages that a finished build saw. */
const STAGE = 'print-inputs';

export interface PrintForecast {
  /** True when the inputs of a printed page differ from those of every build that finished. */
  likely: boolean;
  /** Records the current inputs as seen; the build calls it once it succeeded. */
  record(): Promise<void>;
}

/**
 * Guesses, before Eleventy writes the pages, whether a PDF will be printed, from the inputs of
 * the printed pages: their content folder, the templates, the assets, the code and their stage
 * data. A wrong guess costs time only. The print itself decides by the written HTML.
 * NOTE: a page may also change through data of other pages (a post list in a layout, say);
 * the guess is then no, and the print starts Chromium when it needs it.
 */
export async function forecastPrints(root: string, data: SiteData, pathPrefix: string, cache: StageCache): Promise<PrintForecast> {
  const shared = await hashFiles(
    root,
    [...(await listUnder(root, 'templates')), ...(await listUnder(root, 'content/assets')), '.eleventy.js'],
    path.join(cache.dir, 'file-hashes', `${hashOf(path.resolve(root))}-print-shared.json`),
  );
  const code = await codeVersion('.');
  const keys = await Promise.all(
    PRINTED_PAGES.map(async (page, index) => {
      const content = await hashFiles(
        root,
        await listUnder(root, page.content),
        path.join(cache.dir, 'file-hashes', `${hashOf(path.resolve(root))}-print-page-${index}.json`),
      );
      return hashOf(code, shared, content, pathPrefix, JSON.stringify(page.data(data)));
    }),
  );
  const likely = keys.some((key) => !existsSync(path.join(cache.dir, STAGE, `${key}.json`)));
  const record = async () => {
    for (const key of keys) await cache.json(STAGE, key, async () => ({}));
  };
  return { likely, record };
}

async function listUnder(root: string, folder: string): Promise<string[]> {
  return (await listFiles(path.join(root, folder))).map((file) => `${folder}/${file}`);
}

/**
 * Starts the session's browser when a print is likely, so Chromium starts while Eleventy writes
 * the pages. Returns the forecast, or undefined when it failed. The forecast only saves time,
 * so its error is a warning, and the prints then start Chromium when they need it.
 */
export async function startBrowserForPrints(
  session: BrowserSession,
  root: string,
  data: SiteData,
  pathPrefix: string,
  cache: StageCache,
  logger: Logger,
): Promise<PrintForecast | undefined> {
  try {
    const forecast = await forecastPrints(root, data, pathPrefix, cache);
    log(forecast.likely ? 'a printed page may change: starting Chromium early' : 'no printed page changes: Chromium not started early');
    if (forecast.likely) session.start();
    return forecast;
  } catch (error) {
    logger.warn(`could not tell whether a PDF will be printed, so Chromium starts only when a print needs it: ${(error as Error).message}`);
    return undefined;
  }
}
