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
    await writeFile(job.outFile, await withMetadata(printed, job.metadata));
    return serving;
  } finally {
    await page.close();
  }
}

/**
 * Rewrites Chromium's document information, which carries the print time, with the content's
 * own title, author and date, so two builds of the same content give the same bytes.
 */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  if (metadata.keywords) document.setKeywords(metadata.keywords);
  document.setCreator('netnotes');
  document.setProducer('netnotes (Chromium, pdf-lib)');
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  return document.save({ useObjectStreams: false });
}
