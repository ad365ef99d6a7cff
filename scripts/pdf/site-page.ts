import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from 'puppeteer-core';

import { isEnoent } from '../errors.ts';

/**
 * The origin the built site is served from inside the browser. Request interception serves
 * requests to it from the output folder, so no server and no socket is involved.
 */
export const SITE_ORIGIN = 'http://netnotes.localhost';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

export interface SiteServing {
  /** URLs the page asked for that are not part of the site; each was refused. */
  blocked: string[];
  /** Site URLs that had no file behind them. */
  missing: string[];
}

/**
 * Serves every request of `page` from `siteDir` and aborts any request that leaves the site.
 * `pathPrefix` is the prefix the site was built with ("/" for the root).
 */
export async function serveSiteToPage(page: Page, siteDir: string, pathPrefix = '/'): Promise<SiteServing> {
  const serving: SiteServing = { blocked: [], missing: [] };
  await page.setRequestInterception(true);

  page.on('request', async (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') {
      await request.continue();
      return;
    }
    const file = siteFileFor(url, siteDir, pathPrefix);
    if (!file) {
      serving.blocked.push(url);
      await request.abort('blockedbyclient');
      return;
    }
    try {
      const body = await readFile(file);
      const contentType = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      await request.respond({ status: 200, contentType, body });
    } catch (error) {
      if (!isEnoent(error) && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
      serving.missing.push(url);
      await request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
    }
  });
  return serving;
}

/** Maps a site URL to a file in the output folder; undefined for any URL outside the site. */
export function siteFileFor(url: string, siteDir: string, pathPrefix = '/'): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== SITE_ORIGIN) return undefined;

  const prefix = pathPrefix.endsWith('/') ? pathPrefix : `${pathPrefix}/`;
  let pathname = decodeURIComponent(parsed.pathname);
  if (!pathname.startsWith(prefix)) return undefined;
  pathname = pathname.slice(prefix.length);
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';

  const root = path.resolve(siteDir);
  const file = path.resolve(root, pathname);
  // A path with ../ must not reach outside the output folder.
  return file.startsWith(root + path.sep) ? file : undefined;
}

/** Returns the URL of a page of the site, e.g. siteUrl('/docker-network-performance/', '/blog/'). */
export function siteUrl(pagePath: string, pathPrefix = '/'): string {
  const prefix = pathPrefix.replace(/\/+$/, '');
  return `${SITE_ORIGIN}${prefix}${pagePath}`;
}
