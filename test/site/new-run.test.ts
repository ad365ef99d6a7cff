import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMemoryLogger } from '../../scripts/log.ts';
import { build } from '../../scripts/site/build.ts';
import { requireRootAndIperf } from '../measure/root.ts';
import { ROOT, tempProject } from './temp-project.ts';

// A new run measured here (as root, between network namespaces), dropped next to the shipped
// run, rebuilds the report incrementally: the shipped run and its charts come from the cache.
const NEW_RUN = 'test-bridge-1s';
let root: string;
const logs: string[][] = [];

async function buildOnce(): Promise<string[]> {
  const log = createMemoryLogger();
  await build({ root, out: '_site', pathPrefix: '/', pdf: false }, log);
  logs.push(log.lines);
  return log.lines;
}

function line(lines: string[], pattern: RegExp): string {
  const found = lines.find((l) => pattern.test(l));
  if (!found) throw new Error(`no log line matches ${pattern}:\n${lines.join('\n')}`);
  return found;
}

beforeAll(() => {
  requireRootAndIperf();
  root = tempProject(['runs']);
  symlinkSync(path.join(ROOT, 'data/runs/netns-2026-12'), path.join(root, 'data/runs/netns-2026-12'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('new results landing', () => {
  it('reuses every chart and the run on a rebuild with nothing changed', async () => {
    const cold = await buildOnce();
    expect(line(cold, /^ingested \d+ files of run netns-2026-12/)).toBeTruthy();
    expect(line(cold, /^rendered \d+ charts/)).toMatch(/^rendered [1-9]\d* charts, reused 0/);

    const warm = await buildOnce();
    expect(line(warm, /of run netns-2026-12/)).toMatch(/^reused 3979 files of run netns-2026-12/);
    expect(line(warm, /^rendered \d+ charts/)).toMatch(/^rendered 0 charts, reused 9/);
  });

  it('ingests only the new run and redraws only the charts that show it', async () => {
    execFileSync(
      process.execPath,
      ['scripts/netnotes.js', 'measure', '--techniques', 'bridge', '--setups', 'one-server', '--configs', '1,2', '--duration', '1', '--repetitions', '1', '--out', path.join(root, 'data/runs', NEW_RUN)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
    // Date the run after the shipped one, as a run measured later is.
    const manifestFile = path.join(root, 'data/runs', NEW_RUN, 'manifest.json');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(/"date": "[^"]+"/, '"date": "2099-01-01"'));

    const lines = await buildOnce();
    expect(line(lines, /of run netns-2026-12/)).toMatch(/^reused /);
    expect(line(lines, new RegExp(`of run ${NEW_RUN}`))).toMatch(/^ingested /);
    // The new run measured two one-server configurations, fewer than the shipped run, so the
    // setup's own charts still show the shipped run. Only the runs compared chart of one-server
    // shows the new run and is redrawn.
    expect(line(lines, /^rendered \d+ charts/)).toMatch(/^rendered 1 charts, reused 8/);
  });

  it('shows the new run on the report and in summary.csv', () => {
    const html = readFileSync(path.join(root, '_site/docker-network-performance/index.html'), 'utf8');
    expect(html).toContain(`Run ${NEW_RUN}`);
    expect(html).toContain(`id="${NEW_RUN}-one-server-average"`);
    expect(html).toContain('id="chart-netns-2026-12-one-server-average"');

    const rows: Record<string, string>[] = parse(readFileSync(path.join(root, '_site/docker-network-performance/summary.csv')), { columns: true });
    const mine = rows.filter((r) => r.run === NEW_RUN);
    expect(mine.map((r) => `${r.technique}/${r.setup}/${r.client_containers}`)).toEqual(['bridge/one-server/1', 'bridge/one-server/2']);
    for (const row of mine) {
      expect(row.repetitions).toBe('1');
      expect(Number(row.gbps_aggregate)).toBeGreaterThan(0);
      // A single repetition has no interval.
      expect(row.ci95_low).toBe('');
    }
  });
});
