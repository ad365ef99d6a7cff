import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { startTags } from '../check/html.ts';
import { withBrowser } from '../pdf/browser.ts';
import { serveSiteToPage, siteUrl, siteFileFor, SITE_ORIGIN } from '../pdf/site-page.ts';

export interface PageWeight {
  /** HTML (inline SVG included), stylesheets and SVG images the page links, in bytes. */
  bytes: number;
  /** Scripts the page loads, in bytes. */
  scriptBytes: number;
  /** Bytes of script the page needs: 0 when it shows the same charts, tables and text without JavaScript. */
  requiredScriptBytes: number;
}

/** Weighs a page of the built site and checks whether its content needs JavaScript. */
export async function weighPage(siteDir: string, pagePath: string): Promise<PageWeight> {
  const htmlFile = path.join(siteDir, pagePath, 'index.html');
  const html = await readFile(htmlFile, 'utf8');
  let bytes = Buffer.byteLength(html);
  let scriptBytes = 0;

  for (const tag of startTags(html)) {
    const stylesheet = tag.name === 'link' && /\bstylesheet\b/.test(tag.attributes.get('rel') ?? '') ? tag.attributes.get('href') : undefined;
    const image = tag.name === 'img' && tag.attributes.get('src')?.endsWith('.svg') ? tag.attributes.get('src') : undefined;
    const script = tag.name === 'script' ? tag.attributes.get('src') : undefined;
    if (stylesheet ?? image) bytes += await sizeOf(siteDir, pagePath, (stylesheet ?? image)!);
    if (script) scriptBytes += await sizeOf(siteDir, pagePath, script);
  }
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (!/type="application\/(ld\+)?json"/.test(match[0])) scriptBytes += Buffer.byteLength(match[1]);
  }

  const needsScript = await contentDiffersWithoutScript(siteDir, pagePath);
  return { bytes, scriptBytes, requiredScriptBytes: needsScript ? scriptBytes : 0 };
}

async function sizeOf(siteDir: string, pagePath: string, href: string): Promise<number> {
  const url = new URL(href, `${SITE_ORIGIN}${pagePath}`);
  const file = siteFileFor(url.href, siteDir);
  if (!file) return 0;
  return (await stat(file)).size;
}

interface Census {
  charts: number;
  tables: number;
  text: number;
}

/**
 * Counts what a reader gets (charts, tables, text) with JavaScript on and off. The page needs
 * its scripts when it loses a chart or a table without them, or more than 5 % of its text
 * (scripts may add a little, such as a copy button's label).
 */
async function contentDiffersWithoutScript(siteDir: string, pagePath: string): Promise<boolean> {
  const census = `({ charts: document.querySelectorAll('figure svg').length, tables: document.querySelectorAll('table').length, text: (document.querySelector('main') || document.body).innerText.length })`;
  return withBrowser(async (browser) => {
    const counts: Census[] = [];
    for (const javaScript of [true, false]) {
      const page = await browser.newPage();
      try {
        await page.setJavaScriptEnabled(javaScript);
        await serveSiteToPage(page, siteDir);
        await page.goto(siteUrl(pagePath), { waitUntil: 'networkidle0' });
        await page.setJavaScriptEnabled(true);
        counts.push((await page.evaluate(census)) as Census);
      } finally {
        await page.close();
      }
    }
    const [on, off] = counts;
    return off.charts < on.charts || off.tables < on.tables || off.text < 0.95 * on.text;
  });
}
