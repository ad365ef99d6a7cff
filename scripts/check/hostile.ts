import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { parse } from 'csv-parse/sync';

import { withBrowser } from '../pdf/browser.ts';
import { serveSiteToPage, siteUrl } from '../pdf/site-page.ts';
import { runBuildProcess } from './build-process.ts';
import { listFiles, pagePathOf } from './files.ts';
import type { Finding } from './findings.ts';
import { HOSTILE_DESCRIPTION, injectHostileData } from './hostile-inputs.ts';
import { decodeEntities, startTags } from './html.ts';
import { ProjectCopy } from './project.ts';

const run = promisify(execFile);

/** Outputs the hostile strings must reach, so a pass means they were shown inert, not dropped. */
const MUST_CARRY = [
  'docker-network-performance/index.html',
  'docker-ecosystem/index.html',
  'docker-ecosystem/tools.csv',
  'docker-ecosystem/tools.json',
  'docker-network-performance/docker-network-performance.pdf',
  'docker-ecosystem/docker-ecosystem-poster.pdf',
];

/**
 * Builds the site, PDFs included, from a catalog and a run manifest carrying script and
 * attribute-breakout strings, then checks every output. HTML, SVG and XML must have no live
 * markup, and feeds must have none after one round of entity decoding, as a feed reader does.
 * CSV and JSON must parse and carry the strings unchanged, PDFs must have no JavaScript, and no
 * page may run the payload in Chromium.
 */
export async function checkHostileData(projectRoot: string): Promise<Finding[]> {
  const copy = await ProjectCopy.create(projectRoot);
  try {
    await injectHostileData(copy, projectRoot);
    const out = path.join(copy.root, '_site');
    const result = await runBuildProcess(copy.root, out, { pdf: true });
    if (result.code !== 0) {
      return [{ check: 'hostile', where: 'build', message: `the build with hostile strings failed:\n${result.stderr.trim()}` }];
    }
    return await checkHostileSite(out);
  } finally {
    await copy.remove();
  }
}

/** Checks a site built from hostile inputs; see checkHostileData. */
export async function checkHostileSite(siteDir: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const files = await listFiles(siteDir);

  for (const file of files) {
    const bytes = await readFile(path.join(siteDir, file));
    const where = file;
    const fail = (message: string): void => {
      findings.push({ check: 'hostile', where, message });
    };
    const extension = path.extname(file);

    if (['.html', '.svg', '.xml'].includes(extension)) {
      const text = bytes.toString('utf8');
      for (const problem of liveMarkup(text)) fail(problem);
      if (extension === '.xml') for (const problem of liveMarkup(decodeEntities(text))) fail(`after entity decoding, as in a feed reader: ${problem}`);
    }
    if (extension === '.csv') checkCsv(bytes.toString('utf8'), file, fail);
    if (extension === '.json' && !file.startsWith('pagefind/')) checkJson(bytes.toString('utf8'), file, fail);
    if (extension === '.pdf') await checkPdf(path.join(siteDir, file), bytes, MUST_CARRY.includes(file), fail);
    if (MUST_CARRY.includes(file) && ['.html', '.csv', '.json'].includes(extension) && !bytes.toString('utf8').includes('alert(1)')) {
      fail('the hostile strings did not reach this file, so it proves nothing');
    }
  }
  for (const file of MUST_CARRY.filter((f) => !files.includes(f))) findings.push({ check: 'hostile', where: file, message: 'missing from the output' });

  findings.push(...(await runPages(siteDir, files.filter((f) => f.endsWith('.html')))));
  return findings;
}

/** Lists elements a browser would run: scripts calling alert and event-handler attributes. */
export function liveMarkup(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script/gi)) {
    if (match[1].includes('alert(1)')) problems.push(`a live <script> element runs "${match[1].trim().slice(0, 60)}"`);
  }
  for (const tag of startTags(text)) {
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on') && value.includes('alert(1)')) problems.push(`<${tag.name}> at ${tag.line}:${tag.column} has a live ${name} handler`);
    }
  }
  return problems;
}

function checkCsv(text: string, file: string, fail: (message: string) => void): void {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: false });
  } catch (error) {
    fail(`does not parse as CSV: ${(error as Error).message}`);
    return;
  }
  if (file === 'docker-ecosystem/tools.csv' && !rows.some((row) => row.includes(HOSTILE_DESCRIPTION))) {
    fail('no cell holds the hostile tool description unchanged');
  }
}

function checkJson(text: string, file: string, fail: (message: string) => void): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`does not parse as JSON: ${(error as Error).message}`);
    return;
  }
  if (file === 'docker-ecosystem/tools.json' && !JSON.stringify(data).includes(JSON.stringify(HOSTILE_DESCRIPTION))) {
    fail('no value holds the hostile tool description unchanged');
  }
}

async function checkPdf(file: string, bytes: Buffer, mustCarry: boolean, fail: (message: string) => void): Promise<void> {
  if (/\/(JavaScript|JS)\b/.test(bytes.toString('latin1'))) fail('the PDF contains JavaScript');
  if (!mustCarry) return;
  const { stdout } = await run('pdftotext', [file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  if (!stdout.includes('alert(1)')) fail('the hostile strings do not appear as text in the PDF');
}

/** Opens each page in Chromium and reports any dialog the payload opened or element it made. */
async function runPages(siteDir: string, pages: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  await withBrowser(async (browser) => {
    for (const file of pages) {
      const page = await browser.newPage();
      try {
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await serveSiteToPage(page, siteDir, '/');
        await page.goto(siteUrl(pagePathOf(file)), { waitUntil: 'networkidle0' });
        const injected = (await page.evaluate(`document.querySelectorAll('img[src="x"], [onerror*="alert"]').length`)) as number;
        for (const message of dialogs) findings.push({ check: 'hostile', where: file, message: `the page opened a dialog: "${message}"` });
        if (injected > 0) findings.push({ check: 'hostile', where: file, message: `the page has ${injected} element(s) made from the hostile strings` });
      } finally {
        await page.close();
      }
    }
  });
  return findings;
}
