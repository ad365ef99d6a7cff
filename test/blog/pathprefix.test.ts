import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildSite, childrenNamed, htmlFiles, parseXmlFile, removeSite } from './helpers.ts';

const PREFIX = '/blog/';
const ATOM = '{http://www.w3.org/2005/Atom}';
const SITEMAP = '{http://www.sitemaps.org/schemas/sitemap/0.9}';
const BASE_URL = 'https://netnotes.example.org/';

let out: string;

beforeAll(async () => {
  out = await buildSite(PREFIX);
});

afterAll(async () => {
  if (out) await removeSite(out);
});

describe('build with --pathprefix', () => {
  it('prefixes every root-relative link in every page once', async () => {
    const files = await htmlFiles(out);
    expect(files.length).toBeGreaterThan(5);

    for (const file of files) {
      const html = await readFile(path.join(out, file), 'utf8');
      const urls = [...html.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)].map((match) => match[1]);
      for (const url of urls) {
        expect(url.startsWith(PREFIX), `${file}: ${url}`).toBe(true);
        expect(url.startsWith(`${PREFIX}${PREFIX.slice(1)}`), `${file}: ${url}`).toBe(false);
      }
    }
  });

  it('gives the feed and sitemap absolute URLs under the prefix', () => {
    const feed = parseXmlFile(path.join(out, 'feed.xml'));
    for (const entry of childrenNamed(feed, `${ATOM}entry`)) {
      expect(childrenNamed(entry, `${ATOM}link`)[0].attributes.href.startsWith(`${BASE_URL}blog/`)).toBe(true);
    }

    const sitemap = parseXmlFile(path.join(out, 'sitemap.xml'));
    const locations = childrenNamed(sitemap, `${SITEMAP}url`).map((url) => childrenNamed(url, `${SITEMAP}loc`)[0].text);
    expect(locations).toContain(`${BASE_URL}blog/connect-virtualbox-vms/`);
    for (const location of locations) expect(location.startsWith(`${BASE_URL}blog/`), location).toBe(true);
  });

  it('points the search UI at the prefixed bundle', async () => {
    const html = await readFile(path.join(out, 'search', 'index.html'), 'utf8');
    expect(html).toContain('data-bundle-path="/blog/pagefind/"');
    expect(html).toContain('data-base-url="/blog/"');
  });
});
