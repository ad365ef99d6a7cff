import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  buildSite,
  childrenNamed,
  escapeHtml,
  htmlFiles,
  parseXmlFile,
  postsInContent,
  removeSite,
  root,
  urlOf,
  type ContentPost,
} from './helpers.ts';

const ATOM = '{http://www.w3.org/2005/Atom}';
const SITEMAP = '{http://www.sitemaps.org/schemas/sitemap/0.9}';
const BASE_URL = 'https://netnotes.example.org/';

/** The blog's three posts, with the URLs and dates of the original blog. */
const EXPECTED_POSTS = [
  { url: '/docker-ecosystem/', date: '2014-09-10' },
  { url: '/connect-virtualbox-vms/', date: '2014-06-20' },
  { url: '/docker-network-performance/', date: '2014-06-16' },
];

let out: string;
let posts: ContentPost[];

const page = (url: string) => readFile(path.join(out, url, url.endsWith('/') ? 'index.html' : ''), 'utf8');

beforeAll(async () => {
  out = await buildSite();
  posts = await postsInContent();
});

afterAll(async () => {
  if (out) await removeSite(out);
});

describe('Atom feed', () => {
  it('is well-formed Atom with one entry per post', () => {
    const feed = parseXmlFile(path.join(out, 'feed.xml'));
    expect(feed.tag).toBe(`${ATOM}feed`);

    const entries = childrenNamed(feed, `${ATOM}entry`);
    expect(posts.length).toBeGreaterThan(0);
    expect(entries).toHaveLength(posts.length);
    for (const entry of entries) {
      for (const field of ['title', 'id', 'published', 'updated', 'content']) {
        expect(childrenNamed(entry, `${ATOM}${field}`), field).toHaveLength(1);
      }
      const link = childrenNamed(entry, `${ATOM}link`)[0].attributes.href;
      expect(link.startsWith(BASE_URL)).toBe(true);
    }
  });

  it('has the three posts with their original dates once they exist', () => {
    const feed = parseXmlFile(path.join(out, 'feed.xml'));
    const entries = childrenNamed(feed, `${ATOM}entry`).map((entry) => ({
      link: childrenNamed(entry, `${ATOM}link`)[0].attributes.href,
      published: childrenNamed(entry, `${ATOM}published`)[0].text,
    }));

    const present = EXPECTED_POSTS.filter((expected) => posts.some((post) => post.url === expected.url));
    expect(present.map((post) => post.url)).toContain('/connect-virtualbox-vms/');
    for (const expected of present) {
      const entry = entries.find((candidate) => candidate.link === new URL(expected.url, BASE_URL).href);
      expect(entry, expected.url).toBeDefined();
      expect(entry!.published.slice(0, 10)).toBe(expected.date);
    }
    if (present.length === EXPECTED_POSTS.length) expect(entries).toHaveLength(3);
  });

  it('is updated when its newest entry was', () => {
    const feed = parseXmlFile(path.join(out, 'feed.xml'));
    const entryDates = childrenNamed(feed, `${ATOM}entry`).map((entry) => childrenNamed(entry, `${ATOM}updated`)[0].text);
    const feedDate = childrenNamed(feed, `${ATOM}updated`)[0].text;
    expect(feedDate).toBe([...entryDates].sort().at(-1));
  });

  it('lists entries newest first', () => {
    const feed = parseXmlFile(path.join(out, 'feed.xml'));
    const dates = childrenNamed(feed, `${ATOM}entry`).map((entry) => childrenNamed(entry, `${ATOM}published`)[0].text);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('sitemap', () => {
  it('lists every indexable page and nothing else', async () => {
    const sitemap = parseXmlFile(path.join(out, 'sitemap.xml'));
    expect(sitemap.tag).toBe(`${SITEMAP}urlset`);
    const listed = childrenNamed(sitemap, `${SITEMAP}url`).map((url) => childrenNamed(url, `${SITEMAP}loc`)[0].text);

    const pages: string[] = [];
    for (const file of await htmlFiles(out)) {
      const html = await readFile(path.join(out, file), 'utf8');
      if (!html.includes('<meta name="robots" content="noindex">')) pages.push(new URL(urlOf(file), BASE_URL).href);
    }

    expect(pages.length).toBeGreaterThanOrEqual(posts.length + 3);
    expect([...listed].sort()).toEqual([...pages].sort());
  });
});

describe('tag pages', () => {
  it('link every post that carries the tag', async () => {
    const tags = new Set(posts.flatMap((post) => post.tags.filter((tag) => tag !== 'posts')));
    expect(tags.size).toBeGreaterThan(0);

    for (const tag of tags) {
      const html = await page(`/tags/${tag}/`);
      for (const post of posts.filter((candidate) => candidate.tags.includes(tag))) {
        expect(html, `/tags/${tag}/ links ${post.url}`).toContain(`href="${post.url}"`);
      }
    }
  });

  it('list every networking post with its summary', async () => {
    const html = await page('/tags/networking/');
    const networking = posts.filter((post) => post.tags.includes('networking'));
    const present = EXPECTED_POSTS.filter((expected) => posts.some((post) => post.url === expected.url));

    expect(networking.length).toBe(present.length);
    for (const post of networking) {
      expect(post.summary.length, `${post.file} has a summary`).toBeGreaterThan(0);
      expect(html).toContain(`href="${post.url}"`);
      expect(html).toContain(escapeHtml(post.summary));
    }
  });

  it('are listed on the tags index', async () => {
    const html = await page('/tags/');
    for (const tag of new Set(posts.flatMap((post) => post.tags.filter((name) => name !== 'posts')))) {
      expect(html).toContain(`href="/tags/${tag}/"`);
    }
  });
});

describe('home, archive and 404', () => {
  it('home lists posts newest first', async () => {
    const html = await page('/');
    const newestFirst = [...posts].sort((a, b) => b.date.localeCompare(a.date));
    const positions = newestFirst.map((post) => html.indexOf(`href="${post.url}"`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('archive has a section per year', async () => {
    const html = await page('/archive/');
    for (const year of new Set(posts.map((post) => post.date.slice(0, 4)))) {
      expect(html).toContain(`<h2 id="year-${year}">${year}</h2>`);
    }
  });

  it('404 page exists and is not indexed', async () => {
    const html = await readFile(path.join(out, '404.html'), 'utf8');
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('layout has a skip link, landmarks and the language', async () => {
    const html = await page('/connect-virtualbox-vms/');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<main id="main"');
    expect(html).toContain('<nav aria-label="Site">');
  });
});

describe('search', () => {
  it('index exists after a build', async () => {
    const entry = JSON.parse(await readFile(path.join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en.page_count).toBeGreaterThanOrEqual(posts.length);
    expect(existsSync(path.join(out, 'pagefind', 'pagefind-ui.js'))).toBe(true);

    const html = await page('/search/');
    expect(html).toContain('src="/pagefind/pagefind-ui.js"');
  });
});

describe('VirtualBox guide', () => {
  it('shows every address and host port of the data file', async () => {
    const data = await readFile(path.join(root, 'data/network/virtualbox.yaml'), 'utf8');
    // Highlighting splits commands into token spans, so compare the text without tags.
    const text = (await page('/connect-virtualbox-vms/')).replace(/<[^>]+>/g, '');

    const addresses = data.match(/\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b/g) ?? [];
    expect(addresses.length).toBeGreaterThanOrEqual(2);
    for (const address of addresses) expect(text).toContain(`sudo ip addr add ${address} dev`);

    const hostPorts = [...data.matchAll(/host_port: (\d+)/g)].map((match) => match[1]);
    expect(hostPorts.length).toBeGreaterThanOrEqual(2);
    for (const port of hostPorts) expect(text).toContain(`ssh -p ${port} user@localhost`);
  });

  it('types no address or port in its source', async () => {
    const source = await readFile(path.join(root, 'content/connect-virtualbox-vms/index.md'), 'utf8');
    expect(source).not.toMatch(/\b\d{1,3}(?:\.\d{1,3}){3}\b/);
    expect(source).not.toMatch(/\b22\d\d\b/);
  });

  it('highlights code blocks at build time', async () => {
    const html = await page('/connect-virtualbox-vms/');
    expect(html).toContain('<pre class="language-sh"');
    expect(html).toContain('<span class="token');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="topology"');
  });
});
