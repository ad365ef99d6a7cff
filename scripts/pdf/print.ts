import { writeFile } from 'node:fs/promises';

import type { Browser, Page, PDFOptions } from 'puppeteer-core';

import { SITE_ORIGIN, serveSiteToPage, siteUrl, type SiteServing } from './site-page.ts';

/** Document information written into the PDF; dates come from the content, never the clock. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  /** Date of the content, used as both creation and modification date. */
  date: Date;
}

export interface PrintJob {
  siteDir: string;
  pathPrefix: string;
  /** Path of the page inside the site, e.g. "/docker-network-performance/". */
  pagePath: string;
  outFile: string;
  pdf: PDFOptions;
  metadata: PdfMetadata;
  /** The address the site is published at; links in the PDF point there instead of at the printer's origin. */
  publicUrl: string;
}

/** Opens a page of the built site in `browser`, prints it, and writes a PDF with stable metadata. */
export async function printPage(browser: Browser, job: PrintJob): Promise<SiteServing> {
  // pdf-lib is loaded only when a page is printed, which a fully cached rebuild never does. It
  // loads while Chromium renders the page.
  const metadataWriter = import('./metadata.ts');
  metadataWriter.catch(() => undefined);
  const page = await browser.newPage();
  try {
    const serving = await serveSiteToPage(page, job.siteDir, job.pathPrefix);
    const response = await page.goto(siteUrl(job.pagePath, job.pathPrefix), { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`cannot print ${job.pagePath}: the page was not found in ${job.siteDir}`);

    await page.emulateMediaType('print');
    await page.evaluate(() => document.fonts.ready);
    await publishLinks(page, job.publicUrl);
    const printed = await page.pdf(job.pdf);
    const { withMetadata } = await metadataWriter;
    await writeFile(job.outFile, await withMetadata(printed, job.metadata));
    return serving;
  } finally {
    await page.close();
  }
}

/**
 * Points the page's links into the site at its public address, leaving anchors within the page
 * alone. Kept as plain JavaScript source, because the page runs it and tsx would add helpers
 * to a TypeScript function that do not exist there.
 */
const PUBLISH_LINKS = `(origin, publicUrl) => {
  for (const link of document.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') || '';
    if (href.startsWith('#')) continue;
    const url = new URL(href, location.href);
    if (url.origin !== origin) continue;
    link.href = new URL(url.pathname.slice(1) + url.search + url.hash, publicUrl).href;
  }
}`;

function publishLinks(page: Page, publicUrl: string): Promise<void> {
  return page.evaluate(`(${PUBLISH_LINKS})(${JSON.stringify(SITE_ORIGIN)}, ${JSON.stringify(publicUrl)})`) as Promise<void>;
}
