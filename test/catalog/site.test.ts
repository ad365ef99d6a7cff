import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMemoryLogger } from '../../scripts/log.ts';
import { build } from '../../scripts/site/build.ts';
import { shippedProject } from '../site/temp-project.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGE = 'docker-ecosystem';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
let workDir: string;
const projects: string[] = [];

/** Creates a project root that is the real one except for data/catalog, which links to `catalogDir`. */
function rootWithCatalog(catalogDir: string): string {
  const root = path.join(workDir, `root-${path.basename(catalogDir)}`);
  mkdirSync(path.join(root, 'data'), { recursive: true });
  for (const entry of ['content', 'templates', '.eleventy.js', 'scripts', 'node_modules']) {
    symlinkSync(path.join(ROOT, entry), path.join(root, entry));
  }
  for (const entry of readdirSync(path.join(ROOT, 'data'))) {
    if (entry !== 'catalog') symlinkSync(path.join(ROOT, 'data', entry), path.join(root, 'data', entry));
  }
  mkdirSync(path.join(root, 'data', 'catalog'));
  for (const file of readdirSync(catalogDir)) symlinkSync(path.join(catalogDir, file), path.join(root, 'data', 'catalog', file));
  return root;
}

/** Returns the share of pixels in a PPM raster that differ from its first pixel (the background). */
function inkShare(ppm: Buffer): number {
  const header = ppm.toString('latin1', 0, 64).split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = ppm.length - width * height * 3;
  let ink = 0;
  for (let i = start; i < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - ppm[start]) + Math.abs(ppm[i + 1] - ppm[start + 1]) + Math.abs(ppm[i + 2] - ppm[start + 2]) > 30) ink += 1;
  }
  return ink / (width * height);
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'netnotes-catalog-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

describe('ecosystem page and poster', () => {
  let out: string;
  let tools: Array<{ name: string; homepage: string }>;

  beforeAll(async () => {
    out = path.join(workDir, 'real-site');
    const project = shippedProject();
    projects.push(project);
    await build({ root: project, out, pathPrefix: '/', pdf: true }, createMemoryLogger());
    tools = JSON.parse(readFileSync(path.join(out, PAGE, 'tools.json'), 'utf8')).tools;
  });

  it('ships tools.json and a matching tools.csv', () => {
    const rows: Array<Record<string, string>> = parse(readFileSync(path.join(out, PAGE, 'tools.csv')), { columns: true });
    expect(tools.length).toBeGreaterThanOrEqual(52);
    expect(rows.map((r) => r.name)).toEqual(tools.map((t) => t.name));
    expect(Object.keys(rows[0])).toEqual(['name', 'homepage', 'description', 'categories', 'vendor', 'lifecycle', 'since', 'status', 'became', 'sources']);
  });

  it('lists every tool on the page without JavaScript', () => {
    const html = readFileSync(path.join(out, PAGE, 'index.html'), 'utf8');
    const entries = html.match(/<li class="tool-entry/g) ?? [];
    expect(entries).toHaveLength(tools.length);
    expect(html).toContain('<form class="catalog-filters" id="catalog-filters" hidden>');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" id="ecosystem-chart"');
    expect(html).toContain(`href="/docker-ecosystem/docker-ecosystem-poster.pdf"`);
    expect(html).toContain('id="changes"');
  });

  it('prints a one-page poster at the chart size', () => {
    const info = execFileSync('pdfinfo', [path.join(out, PAGE, 'docker-ecosystem-poster.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Title:\s+Docker ecosystem, edition 2026\.12$/m);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    const html = readFileSync(path.join(out, PAGE, 'poster', 'index.html'), 'utf8');
    const [, width, height] = /class="ecosystem-poster" width="(\d+)" height="(\d+)"/.exec(html)!;
    expect(Number(size[1])).toBeCloseTo(Number(width) * 0.75, 0);
    expect(Number(size[2])).toBeCloseTo(Number(height) * 0.75, 0);
  });

  it('poster text contains every tool name', () => {
    const text = execFileSync('pdftotext', ['-raw', path.join(out, PAGE, 'docker-ecosystem-poster.pdf'), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    const missing = tools.map((t) => t.name).filter((name) => !flat.includes(name));
    expect(missing).toEqual([]);
  });

  it('poster raster is not blank', () => {
    const ppm = execFileSync('pdftoppm', ['-r', '12', '-singlefile', path.join(out, PAGE, 'docker-ecosystem-poster.pdf')]);
    expect(inkShare(ppm)).toBeGreaterThan(0.05);
  });

  it('writes the poster PNG at twice the size', () => {
    const png = readFileSync(path.join(out, PAGE, 'docker-ecosystem-poster.png'));
    const html = readFileSync(path.join(out, PAGE, 'poster', 'index.html'), 'utf8');
    const [, width, height] = /class="ecosystem-poster" width="(\d+)" height="(\d+)"/.exec(html)!;
    expect(png.readUInt32BE(16)).toBe(2 * Number(width));
    expect(png.readUInt32BE(20)).toBe(2 * Number(height));
  });
});

describe('hostile tool names', () => {
  let out: string;

  beforeAll(async () => {
    const root = rootWithCatalog(path.join(ROOT, 'test/fixtures/catalog/escaping'));
    out = path.join(workDir, 'escaping-site');
    // A separate process with the temporary root as working directory, as a user would run it:
    // in this process the site data module is already loaded with the real root.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/netnotes.js'), '--quiet', 'build', '--out', out], { cwd: root, stdio: 'pipe' });
  });

  it('render inert on the page', () => {
    const html = readFileSync(path.join(out, PAGE, 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('render inert in the poster', () => {
    const html = readFileSync(path.join(out, PAGE, 'poster', 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    const text = execFileSync('pdftotext', ['-raw', path.join(out, PAGE, 'docker-ecosystem-poster.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(HOSTILE_NAME);
  });

  it('stay data in tools.json', () => {
    const json = JSON.parse(readFileSync(path.join(out, PAGE, 'tools.json'), 'utf8'));
    expect(json.tools.map((t: { name: string }) => t.name)).toContain(HOSTILE_NAME);
  });
});
