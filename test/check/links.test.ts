import { rmSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { checkLinks } from '../../scripts/check/links.ts';
import { page, writeSite } from './site.ts';

const site = writeSite({
  'index.html': page(
    'Home',
    [
      '<a href="/guide/">guide</a>',
      '<a href="/guide/#setup">setup</a>',
      '<a href="guide/#no-such-id">broken anchor</a>',
      '<a href="/missing/">missing page</a>',
      '<a href="#top">top</a> <a href="#local">local</a> <p id="local">here</p>',
      '<a href="https://example.org/tool">tool</a>',
      '<a href="https://site.example/guide/#setup">absolute link to this site</a>',
      '<a href="/data.csv#row">anchor in a CSV</a>',
      '<img src="/chart.png" alt="chart">',
    ].join('\n'),
  ),
  'guide/index.html': page('Guide', '<h2 id="setup">Setup</h2><a href="../">home</a><a href="https://example.org/tool">tool again</a>'),
  'data.csv': 'a,b\n1,2\n',
});

afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('checkLinks', () => {
  it('reports a broken anchor, a missing page and an anchor into a CSV', async () => {
    const report = await checkLinks({ siteDir: site, pathPrefix: '/', baseUrl: 'https://site.example/' });
    const messages = report.findings.map((f) => `${f.where} ${f.message}`);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toBe('index.html:7:1 link "guide/#no-such-id" → guide/index.html: no element with id "no-such-id"');
    expect(messages[1]).toBe('index.html:8:1 link "/missing/" → /missing/: not found in the output');
    expect(messages[2]).toMatch(/^index\.html:12:1 link "\/data\.csv#row" → data\.csv#row: the target is not an HTML page/);
    expect(messages[3]).toBe('index.html:13:1 link "/chart.png" → /chart.png: not found in the output');
  });

  it('lists external links with every page that uses them', async () => {
    const report = await checkLinks({ siteDir: site, pathPrefix: '/', baseUrl: 'https://site.example/' });
    expect([...report.external.keys()]).toEqual(['https://example.org/tool']);
    expect(report.external.get('https://example.org/tool')).toEqual(['guide/index.html:5:48', 'index.html:10:1']);
  });

  it('counts resolved links, including absolute ones to the site', async () => {
    const report = await checkLinks({ siteDir: site, pathPrefix: '/', baseUrl: 'https://site.example/' });
    // /guide/, /guide/#setup, #top, #local, the absolute guide link, ../ and the icon's data: URL is skipped.
    expect(report.checked).toBe(6);
  });

  it('resolves links under a path prefix', async () => {
    const prefixed = writeSite({
      'index.html': page('Home', '<a href="/blog/guide/">ok</a> <a href="/guide/">outside the prefix</a>'),
      'guide/index.html': page('Guide', ''),
    });
    try {
      const report = await checkLinks({ siteDir: prefixed, pathPrefix: '/blog/' });
      expect(report.findings.map((f) => f.message)).toEqual(['link "/guide/" → /guide/: not found in the output']);
      expect(report.checked).toBe(1);
    } finally {
      rmSync(prefixed, { recursive: true, force: true });
    }
  });
});
