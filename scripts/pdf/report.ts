import path from 'node:path';

import { siteData } from '../site/data.ts';
import type { StepContext } from '../site/steps.ts';
import { printKey } from './cached-print.ts';
import { printPage } from './print.ts';
import { usingBrowser } from './session.ts';

export const REPORT_PAGE = '/docker-network-performance/';
export const REPORT_PDF = 'docker-network-performance.pdf';

/**
 * Prints the performance report to an A4 PDF next to its page. Page breaks come from the
 * page's print stylesheet, which keeps every chart and table on one page.
 */
export async function printReportPdf(context: StepContext): Promise<void> {
  const started = performance.now();
  const { report, metadata } = await siteData();
  const outFile = path.join(REPORT_PAGE, REPORT_PDF);
  const job = {
    pdf: {
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      // Page numbers in the bottom margin, which the page's print stylesheet leaves free.
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;text-align:center;font:8pt \'Liberation Sans\',sans-serif;color:#555">' +
        'Docker network performance · <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    } as const,
    metadata: {
      title: 'Docker network performance',
      author: metadata.author.name,
      subject: `Inter-container throughput: the 2014 study and run ${report.latest.id}`,
      keywords: ['docker', 'networking', 'iperf', 'throughput'],
      date: new Date(`${report.latest.manifest.date.slice(0, 10)}T00:00:00Z`),
    },
  };

  const key = await printKey(context, REPORT_PAGE, job);
  if (!context.pdf) {
    const restored = await context.cache.restore('pdf', key, context.out, [outFile]);
    context.log.step(restored ? 'reused' : 'skipped', `${outFile.slice(1)} (--no-pdf${restored ? ', printed by an earlier build' : ''})`);
    return;
  }
  const { reused } = await context.cache.outputs('pdf', key, context.out, [outFile], async () => {
    const serving = await usingBrowser(context.browser, (browser) =>
      printPage(browser, { ...job, publicUrl: metadata.url, siteDir: context.out, pathPrefix: context.pathPrefix, pagePath: REPORT_PAGE, outFile: path.join(context.out, outFile) }),
    );
    for (const url of serving.blocked) context.log.warn(`blocked a request that leaves the site while printing the report: ${url}`);
  });
  context.log.step(reused ? 'reused' : 'printed', outFile.slice(1), performance.now() - started);
}
