import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StageCache } from '../../scripts/cache.ts';
import { createMemoryLogger } from '../../scripts/log.ts';
import { loadReport, type ReportData } from '../../scripts/site/report.ts';
import { ROOT, tempProject } from './temp-project.ts';

// The shipped run beside a newer, partial run: bridge only, one-server with 1, 2 and 4 clients,
// copied from the shipped logs. The comparison must keep every configuration in order.
let root: string;
let report: ReportData;

beforeAll(async () => {
  root = tempProject(['runs']);
  symlinkSync(path.join(ROOT, 'data/runs/netns-2026-12'), path.join(root, 'data/runs/netns-2026-12'));
  const partial = path.join(root, 'data/runs/partial-2027');
  for (const configuration of ['1-clients', '2-clients', '4-clients']) {
    const to = path.join(partial, 'bridge/one-server', configuration);
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(path.join(ROOT, 'data/runs/netns-2026-12/bridge/one-server', configuration), to, { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'data/runs/netns-2026-12/manifest.json'), 'utf8'));
  manifest.run = 'partial-2027';
  manifest.date = '2027-01-15';
  manifest.techniques = { bridge: manifest.techniques.bridge };
  writeFileSync(path.join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2));

  const log = createMemoryLogger();
  report = await loadReport({ root, log, cache: new StageCache(path.join(root, '.cache')) });
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function axisLabels(svg: string): string[] {
  const axis = svg.match(/aria-label="X-axis[\s\S]*?role-axis-label[\s\S]*?<\/g>/)?.[0] ?? '';
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('runs compared', () => {
  it('orders configurations and keeps 2014 where only the older run measured', () => {
    const setup = report.setups.find((s) => s.id === 'one-server')!;
    const chart = setup.charts.find((c) => c.id === 'chart-one-server-runs-compared')!;

    expect(axisLabels(chart.svg)).toEqual(['1 client', '2 clients', '4 clients', '8 clients', '16 clients', '20 clients']);
    // link, 2014 at 20 clients printed 1.0 Gbit/s per container.
    expect(chart.svg).toContain('configuration: 20 clients; Gbit/s per container: 1; series: link, 2014');
    expect(chart.svg).toContain('series: bridge, partial-2027');
  });

  it('lists each 2014 technique before the runs that emulate it', () => {
    const chart = report.setups.find((s) => s.id === 'one-server')!.charts.find((c) => c.id === 'chart-one-server-runs-compared')!;
    const legend = chart.svg.match(/aria-label="Symbol legend[^"]*"/)?.[0] ?? '';
    expect(legend).toContain('link, 2014, bridge, netns-2026-12, bridge, partial-2027, pipework, 2014, macvlan, netns-2026-12');
  });

  it('says why a ratio to a printed 0.0 is missing', () => {
    const tables = report.setups.find((s) => s.id === 'containers-x-clients')!.tables;
    const table = tables.find((t) => t.id === 'containers-x-clients-ratio-to-published-2014')!;
    const row = table.rows.find((r) => r.technique === 'bridge@netns-2026-12')!;
    const column = table.columns.indexOf('16×16');

    // link, 2014 at 16×16 printed 0.0 Gbit/s per client; the run measured that configuration.
    expect(column).toBeGreaterThan(-1);
    expect(row.cells[column]).toBeUndefined();
    expect(row.gaps?.[column]).toBe('no ratio: 2014 printed 0.0');
    expect(row.gaps?.filter(Boolean)).toHaveLength(1);
  });

  it('leaves the sum of a printed 0.0 unknown', () => {
    const tables = report.setups.find((s) => s.id === 'containers-x-clients')!.tables;
    const table = tables.find((t) => t.id === 'published-2014-containers-x-clients-aggregate')!;
    const link = table.rows.find((r) => r.technique === 'link')!;
    const ovs = table.rows.find((r) => r.technique === 'ovs')!;
    const column = table.columns.indexOf('16×16');

    expect(link.cells[column]).toBeUndefined();
    expect(link.gaps?.[column]).toBe('unknown: 2014 printed 0.0 per client');
    // ovs printed 0.06 per client at 16×16: 256 clients sum to 15.36.
    expect(ovs.cells[column]?.mean).toBeCloseTo(15.36, 9);
    expect(table.csv).toMatch(/^link,.*,$/m);
  });
});
