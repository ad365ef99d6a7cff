import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isInputError } from '../../scripts/errors.ts';
import { createMemoryLogger } from '../../scripts/log.ts';
import { build } from '../../scripts/site/build.ts';
import { shippedProject } from './temp-project.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REPORT = 'docker-network-performance';
let workDir: string;
let project: string;
let out: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'netnotes-build-'));
  out = path.join(workDir, '_site');
  project = shippedProject();
  await build({ root: project, out, pathPrefix: '/', pdf: true }, createMemoryLogger());
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('report build', () => {
  it('writes summary.csv with both runs and the contract columns', () => {
    const rows: Record<string, string>[] = parse(readFileSync(path.join(out, REPORT, 'summary.csv')), { columns: true });
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining([
        'run', 'technique', 'setup', 'server_containers', 'client_containers', 'clients_per_container', 'repetitions',
        'gbps_per_client', 'gbps_per_container', 'gbps_aggregate', 'ci95_low', 'ci95_high',
      ]),
    );
    // 3 techniques × (6 + 4 + 10) configurations measured in 2026, 70 published cells.
    expect(rows.filter((r) => r.run === 'netns-2026-12')).toHaveLength(60);
    expect(rows.filter((r) => r.run === 'published-2014')).toHaveLength(70);
    expect(rows.filter((r) => r.run === 'published-2014').every((r) => r.repetitions === '')).toBe(true);

    // The 2×2 bridge cell, computed by hand from its twelve client logs (see test/analyze).
    const cell = rows.find((r) => r.run === 'netns-2026-12' && r.technique === 'bridge' && r.client_containers === '2' && r.clients_per_container === '2')!;
    expect(cell.setup).toBe('containers-x-clients');
    expect(cell.repetitions).toBe('3');
    expect(Number(cell.gbps_aggregate)).toBeCloseTo(22.0874, 4);
    expect(Number(cell.ci95_low)).toBeCloseTo(8.5458, 4);
  });

  it('draws every chart with a label for each technique', () => {
    const html = readFileSync(path.join(out, REPORT, 'index.html'), 'utf8');
    const charts = html.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(charts).toHaveLength(9);
    for (const chart of charts) {
      const id = chart.match(/id="([^"]+)"/)![1];
      const texts = [...chart.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
      // The 2014 study has no iptables numbers for containers × clients, so nat has no partner there.
      const unpaired = id.endsWith('containers-x-clients-runs-compared');
      const techniques = unpaired ? ['bridge', 'macvlan', 'link', 'pipework'] : ['bridge', 'macvlan', 'nat'];
      for (const technique of techniques) expect(texts, id).toContain(technique);
    }
  });

  it('offers every table as CSV next to the page', () => {
    const html = readFileSync(path.join(out, REPORT, 'index.html'), 'utf8');
    const tableIds = [...html.matchAll(/<figure class="result-table" id="([^"]+)"/g)].map((m) => m[1]);
    // Per setup: the run's averages and aggregates, 2014's two, and the ratio of the run to 2014.
    expect(tableIds.length).toBe(15);
    for (const id of tableIds) expect(existsSync(path.join(out, REPORT, `${id}.csv`))).toBe(true);
  });

  it('prints an A4 PDF with the table headers and embedded fonts', () => {
    const pdf = path.join(out, REPORT, 'docker-network-performance.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Docker network performance/);

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Technique');
    expect(text).toContain('16 clients');
    expect(text).toContain('Published 2014: One server, N clients');

    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('points PDF links at the published site', () => {
    const pdf = readFileSync(path.join(out, REPORT, 'docker-network-performance.pdf')).toString('latin1');
    // data/metadata.yaml publishes the site at https://netnotes.example.org/.
    expect(pdf).toContain('(https://netnotes.example.org/docker-network-performance/summary.csv)');
    expect(pdf).not.toContain('netnotes.localhost');
  });

  it('links the PDF from the report page', () => {
    const html = readFileSync(path.join(out, REPORT, 'index.html'), 'utf8');
    expect(html).toContain('href="/docker-network-performance/docker-network-performance.pdf"');
  });
});

describe('failed build', () => {
  it('keeps the previous output and reports every bad cell', async () => {
    const root = path.join(workDir, 'broken');
    mkdirSync(path.join(root, 'data', 'published'), { recursive: true });
    for (const entry of ['content', 'templates', '.eleventy.js', 'scripts', 'node_modules']) {
      symlinkSync(path.join(ROOT, entry), path.join(root, entry));
    }
    for (const entry of readdirSync(path.join(ROOT, 'data'))) {
      if (entry !== 'published') symlinkSync(path.join(ROOT, 'data', entry), path.join(root, 'data', entry));
    }
    const published = readFileSync(path.join(ROOT, 'data/published/summary.csv'), 'utf8')
      .replace('one-server,link,1,8,1,2.5', 'one-server,link,1,8,1,fast')
      .replace('n-servers,ovs,2,2,1,10.8', 'n-servers,ovs,2,2,1,');
    writeFileSync(path.join(root, 'data/published/summary.csv'), published);
    const before = readFileSync(path.join(out, 'index.html'));

    const failure = await build({ root, out, pathPrefix: '/', pdf: false }, createMemoryLogger()).catch((e: unknown) => e);

    expect(isInputError(failure)).toBe(true);
    const problems = isInputError(failure) ? failure.problems : [];
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column}`)).toEqual(['summary.csv:17:6', 'summary.csv:39:6']);
    expect(readFileSync(path.join(out, 'index.html'))).toEqual(before);
    expect(readdirSync(workDir).filter((name) => name.includes('staging'))).toEqual([]);
  });
});
