import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import type { Browser } from 'puppeteer-core';

import { withBrowser } from '../pdf/browser.ts';
import { serveSiteToPage, siteUrl } from '../pdf/site-page.ts';
import { listFiles, pagePathOf } from './files.ts';
import type { Finding } from './findings.ts';

export interface PageCheckOptions {
  siteDir: string;
  pathPrefix: string;
  /** Page paths that must show at least one chart, so a page that lost its charts fails too. */
  chartPages: string[];
}

export interface PageCheckReport {
  findings: Finding[];
  pages: number;
  charts: number;
}

/** Pages of this site that carry charts: the report, the ecosystem chart, the topology diagram. */
export const CHART_PAGES = ['/docker-network-performance/', '/docker-ecosystem/', '/connect-virtualbox-vms/'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface ChartAudit {
  chart: string;
  missing: string[];
}

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CHART_AUDIT = new URL('./chart-audit.browser.js', import.meta.url);

/**
 * Opens every HTML page of the built site in Chromium, served from the output folder. Reports
 * axe-core violations, charts without a title, description or data table, requests that
 * leave the site (blocked), and requested site files that do not exist.
 */
export async function checkPages(options: PageCheckOptions): Promise<PageCheckReport> {
  const files = (await listFiles(options.siteDir)).filter((file) => file.endsWith('.html'));
  const axe = await readFile(AXE_SOURCE, 'utf8');
  const audit = await readFile(CHART_AUDIT, 'utf8');
  const report: PageCheckReport = { findings: [], pages: files.length, charts: 0 };

  await withBrowser(async (browser) => {
    for (const file of files) {
      const found = await checkPage(browser, file, { ...options, axe, audit });
      report.findings.push(...found.findings);
      report.charts += found.charts;
    }
  });
  return report;
}

interface PageContext extends PageCheckOptions {
  axe: string;
  audit: string;
}

async function checkPage(browser: Browser, file: string, context: PageContext): Promise<{ findings: Finding[]; charts: number }> {
  const pagePath = pagePathOf(file);
  const page = await browser.newPage();
  try {
    const serving = await serveSiteToPage(page, context.siteDir, context.pathPrefix);
    await page.goto(siteUrl(pagePath, context.pathPrefix), { waitUntil: 'networkidle0' });
    await page.addScriptTag({ content: context.axe });
    const violations = (await page.evaluate(AXE_RUN)) as Violation[];
    const charts = (await page.evaluate(context.audit)) as ChartAudit[];

    const findings: Finding[] = [
      ...violations.map((v): Finding => ({ check: 'accessibility', where: file, message: `${v.id} (${v.impact ?? 'no impact given'}): ${v.help}; at ${v.targets.join(', ')}` })),
      ...charts.flatMap((c) => c.missing.map((m): Finding => ({ check: 'accessibility', where: `${file} ${c.chart}`, message: `chart ${m}` }))),
      ...serving.blocked.map((url): Finding => ({ check: 'offline', where: file, message: `blocked a request that leaves the site: ${url}` })),
      ...serving.missing.map((url): Finding => ({ check: 'links', where: file, message: `the page requested ${url}, which is not in the output` })),
    ];
    if (context.chartPages.includes(pagePath) && charts.length === 0) {
      findings.push({ check: 'accessibility', where: file, message: 'no chart found (a <figure> with an inline SVG), but this page should show one' });
    }
    return { findings, charts: charts.length };
  } finally {
    await page.close();
  }
}

// Evaluated as a string, for the same reason as chart-audit.browser.js. Every rule axe-core
// enables by default runs (WCAG 2.x A and AA, and best practices).
const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((result) =>
  result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')).concat(v.nodes.length > 5 ? ['and ' + (v.nodes.length - 5) + ' more'] : []),
  })))`;
