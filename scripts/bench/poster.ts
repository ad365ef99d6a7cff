import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromiumArgs, findChromium, withBrowser } from '../pdf/browser.ts';
import { POSTER_PAGE } from '../pdf/poster.ts';
import { printPage } from '../pdf/print.ts';

export interface PosterTimes {
  oursMs: number;
  chromiumMs: number;
}

/**
 * Prints the poster page of a built site twice, wall clock with the browser start included in
 * both: with netnotes (puppeteer-core, requests served from the folder, metadata rewritten)
 * and with `chromium --headless --print-to-pdf` on the same HTML file.
 */
export async function timePosterPrint(siteDir: string): Promise<PosterTimes> {
  const html = path.join(siteDir, POSTER_PAGE, 'index.html');
  const { width, height } = posterSize(await readFile(html, 'utf8'));
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'netnotes-bench-poster-'));
  try {
    let started = performance.now();
    await withBrowser((browser) =>
      printPage(browser, {
        publicUrl: 'https://example.org/',
        siteDir,
        pathPrefix: '/',
        pagePath: POSTER_PAGE,
        outFile: path.join(scratch, 'ours.pdf'),
        pdf: { width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1', tagged: true },
        metadata: { title: 'poster', author: 'bench', date: new Date('2026-12-01T00:00:00Z') },
      }),
    );
    const oursMs = performance.now() - started;

    started = performance.now();
    await printWithChromium(html, path.join(scratch, 'chromium.pdf'), path.join(scratch, 'profile'));
    return { oursMs, chromiumMs: performance.now() - started };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Reads the poster's size in CSS pixels from the width and height of its outer SVG. */
function posterSize(html: string): { width: number; height: number } {
  const svg = /<svg\b[^>]*>/.exec(html)?.[0] ?? '';
  const width = Number(/\bwidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
  const height = Number(/\bheight="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
  if (!width || !height) throw new Error(`cannot find the poster's size in the first <svg> of ${POSTER_PAGE}`);
  return { width, height };
}

function printWithChromium(html: string, pdf: string, profile: string): Promise<void> {
  const args = ['--headless', ...chromiumArgs(profile), '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href];
  return new Promise((resolve, reject) => {
    const child = spawn(findChromium(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`chromium --print-to-pdf exited with ${code}:\n${stderr}`))));
  });
}
