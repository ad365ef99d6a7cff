import { rmSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkPages, type PageCheckReport } from '../../scripts/check/accessibility.ts';
import { withBrowser } from '../../scripts/pdf/browser.ts';
import { printPage } from '../../scripts/pdf/print.ts';
import { page, writeSite } from './site.ts';

const CHART_SVG = '<svg role="img" aria-labelledby="t" viewBox="0 0 10 10" width="10" height="10"><title id="t">Throughput</title><rect width="5" height="5"/></svg>';

const site = writeSite({
  'clean/index.html': page('Clean', '<p>Nothing wrong here.</p>'),
  'no-alt/index.html': page('No alt', '<img src="/dot.svg">'),
  'outside/index.html': page('Outside', '<img src="https://images.example.com/logo.png" alt="logo">'),
  'chart/index.html': page(
    'Chart',
    `<figure class="chart">${CHART_SVG}<figcaption>Bars per technique, <a href="#numbers">as a table</a>.</figcaption></figure>
<table id="numbers"><caption>Numbers</caption><tr><th scope="col">technique</th><th scope="col">Gbit/s</th></tr><tr><td>bridge</td><td>9.1</td></tr></table>`,
  ),
  'bare-chart/index.html': page('Bare chart', '<figure class="chart"><svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><rect width="5" height="5"/></svg></figure>'),
  'dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><circle r="2" cx="2" cy="2"/></svg>',
});
let report: PageCheckReport;

beforeAll(async () => {
  report = await checkPages({ siteDir: site, pathPrefix: '/', chartPages: ['/chart/', '/clean/'] });
});

afterAll(() => rmSync(site, { recursive: true, force: true }));

const findingsFor = (file: string) => report.findings.filter((f) => f.where.startsWith(file)).map((f) => `${f.check}: ${f.message}`);

describe('checkPages', () => {
  it('passes an accessible page', () => {
    expect(findingsFor('clean/index.html').filter((f) => !f.includes('no chart found'))).toEqual([]);
  });

  it('reports an image without alt as an axe violation', () => {
    const found = findingsFor('no-alt/index.html');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^accessibility: image-alt \(critical\): .* at img$/);
  });

  it('blocks and reports an image from outside the site', () => {
    expect(findingsFor('outside/index.html')).toEqual(['offline: blocked a request that leaves the site: https://images.example.com/logo.png']);
  });

  it('passes a chart with title, description and table', () => {
    expect(findingsFor('chart/index.html')).toEqual([]);
  });

  it('reports what a bare chart lacks', () => {
    const found = findingsFor('bare-chart/index.html');
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^accessibility: chart has no title/);
    expect(found[1]).toMatch(/^accessibility: chart has no description/);
    expect(found[2]).toMatch(/^accessibility: chart does not offer its data as a table/);
  });

  it('reports a chart page without charts', () => {
    expect(findingsFor('clean/index.html')).toEqual(['accessibility: no chart found (a <figure> with an inline SVG), but this page should show one']);
  });

  it('counts pages and charts', () => {
    expect(report.pages).toBe(5);
    expect(report.charts).toBe(2);
  });
});

describe('PDF printing offline', () => {
  it('blocks and returns an outside image', async () => {
    const serving = await withBrowser((browser) =>
      printPage(browser, {
        publicUrl: 'https://example.org/',
        siteDir: site,
        pathPrefix: '/',
        pagePath: '/outside/',
        outFile: `${site}/outside.pdf`,
        pdf: { format: 'A4' },
        metadata: { title: 'Outside', author: 'test', date: new Date('2026-12-04T00:00:00Z') },
      }),
    );
    expect(serving.blocked).toEqual(['https://images.example.com/logo.png']);
  });
});
