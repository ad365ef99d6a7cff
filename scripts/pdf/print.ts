import { writeFile } from 'node:fs/promises';

import type { Browser, PDFOptions } from 'puppeteer-core';

import { serveSiteToPage, siteUrl, type SiteServing } from './site-page.ts';

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
}

/** Opens a page of the built site in `browser`, prints it, and writes a PDF with stable metadata. */
export async function printPage(browser: Browser, job: PrintJob): Promise<SiteServing> {
  const page = await browser.newPage();
  try {
    const serving = await serveSiteToPage(page, job.siteDir, job.pathPrefix);
    const response = await page.goto(siteUrl(job.pagePath, job.pathPrefix), { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`cannot print ${job.pagePath}: the page was not found in ${job.siteDir}`);

    await page.emulateMediaType('print');
    await page.evaluate(() => document.fonts.ready);
    const printed = await page.pdf(job.pdf);
    // pdf-lib is loaded only when a page is printed, which a fully cached rebuild never does.
    const { withMetadata } = await import('./metadata.ts');
    await writeFile(job.outFile, await withMetadata(printed, job.metadata));
    return serving;
  } finally {
    await page.close();
  }
}
