import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { withBrowser } from '../../scripts/pdf/browser.ts';
import { serveSiteToPage, siteFileFor, siteUrl, SITE_ORIGIN, type SiteServing } from '../../scripts/pdf/site-page.ts';
import { buildSite, removeSite } from './helpers.ts';

// Needs the system Chromium, like the PDF tests; CI installs it with scripts/setup.sh.
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let out: string;
let browser: Browser;
let closeBrowser: () => void;
let browserClosed: Promise<void>;

beforeAll(async () => {
  out = await buildSite();
  // withBrowser closes Chromium when its callback settles, so keep the callback open until afterAll.
  await new Promise<void>((ready) => {
    browserClosed = withBrowser(async (launched) => {
      browser = launched;
      ready();
      await new Promise<void>((close) => (closeBrowser = close));
    });
  });
});

afterAll(async () => {
  closeBrowser?.();
  await browserClosed;
  if (out) await removeSite(out);
});

async function open(pagePath: string): Promise<{ page: Page; serving: SiteServing }> {
  const page = await browser.newPage();
  const serving = await serveSiteToPage(page, out);
  await page.goto(siteUrl(pagePath), { waitUntil: 'load' });
  return { page, serving };
}

describe('pages in Chromium', () => {
  it.each([['/'], ['/connect-virtualbox-vms/'], ['/tags/networking/'], ['/archive/'], ['/search/'], ['/404.html']])(
    '%s has no axe violations',
    async (pagePath) => {
      const { page, serving } = await open(pagePath);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run();
        return results.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
      });
      await page.close();

      expect(violations).toEqual([]);
      expect(serving.blocked).toEqual([]);
    },
  );

  // Pagefind fetches its index from a web worker. Under page request interception the search never
  // finished in the system Chromium, so this test serves the site over loopback, as a static host would.
  it('search finds the guide offline', async () => {
    const server = await serveStatic(out);
    const page = await browser.newPage();
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await page.goto(`${origin}/search/?q=netplan`, { waitUntil: 'load' });
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 30_000 });
      const links = await page.$$eval('.pagefind-ui__result-link', (elements) =>
        elements.map((element) => element.getAttribute('href')),
      );
      expect(links).toContain('/connect-virtualbox-vms/');
    } finally {
      await page.close();
      await new Promise((closed) => server.close(closed));
    }
  });

  it('code blocks get a copy button', async () => {
    const { page } = await open('/connect-virtualbox-vms/');
    const counts = await page.evaluate(() => ({
      blocks: document.querySelectorAll('pre').length,
      buttons: document.querySelectorAll('.code-block > button.copy-code').length,
    }));
    await page.close();

    expect(counts.blocks).toBeGreaterThan(5);
    expect(counts.buttons).toBe(counts.blocks);
  });

  it('lifecycle filter separates unchecked tools', async () => {
    const tools: Array<{ name: string; status?: string; lifecycle: string }> = JSON.parse(
      await readFile(path.join(out, 'docker-ecosystem/tools.json'), 'utf8'),
    ).tools;
    const { page } = await open('/docker-ecosystem/');
    const shownWith = (lifecycle: string) =>
      page.evaluate((value) => {
        const form = document.getElementById('catalog-filters') as HTMLFormElement;
        (form.elements.namedItem('lifecycle') as HTMLSelectElement).value = value;
        form.dispatchEvent(new Event('input'));
        return Array.from(document.querySelectorAll<HTMLElement>('.tool-entry:not([hidden])'), (entry) => entry.dataset.name);
      }, lifecycle);
    const unverified = await shownWith('unverified');
    const active = await shownWith('active');
    await page.close();

    const expected = tools.filter((tool) => tool.status === 'unverified' && tool.lifecycle !== 'obsolete').map((tool) => tool.name);
    expect(expected.length).toBeGreaterThan(0);
    expect(unverified.sort()).toEqual(expected.sort());
    expect(active.some((name) => expected.includes(name!))).toBe(false);
    expect(active.length).toBe(tools.filter((tool) => tool.lifecycle === 'active').length - expected.length);
  });

  it('dark scheme changes the colours', async () => {
    const { page } = await open('/connect-virtualbox-vms/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    const light = await background();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await background();
    await page.close();

    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).toBe('rgb(21, 24, 28)');
  });
});

/** Serves `siteDir` read-only on an ephemeral port of 127.0.0.1, mapping URLs the way the PDF printer does. */
async function serveStatic(siteDir: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const file = siteFileFor(`${SITE_ORIGIN}${request.url ?? '/'}`, siteDir);
    try {
      if (!file) throw Object.assign(new Error('outside the site'), { code: 'ENOENT' });
      const body = await readFile(file);
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
      response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return server;
}
