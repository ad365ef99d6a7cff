import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { publishedSummaries } from '../../scripts/analyze/published.ts';
import { parsePublished } from '../../scripts/ingest/published.ts';

// The three result tables of the 2014 study, one row per cell, as published.
const FILE = path.join(import.meta.dirname, '../fixtures/published/summary.csv');
const TEXT = readFileSync(FILE, 'utf8');

describe('parsePublished', () => {
  it('reads every cell with its line', () => {
    const { cells, problems } = parsePublished(TEXT, FILE);
    expect(problems).toEqual([]);
    expect(cells).toHaveLength(70);
    // Line 2 is the first data row: one-server,iptables,1,1,1,10.0
    expect(cells[0]).toMatchObject({ setup: 'one-server', technique: 'iptables', gbps: 10, line: 2 });
  });

  it('reports every bad cell with line and column', () => {
    const broken = TEXT.replace('one-server,iptables,1,2,1,8.0', 'one-server,iptables,1,two,1,8.0').replace(
      'n-servers,link,4,4,1,5.1',
      'n-servers,link,4,4,1,',
    );
    const { problems } = parsePublished(broken, FILE);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 4],
      [36, 6],
    ]);
    expect(problems[0].message).toContain('client_containers');
  });
});

describe('publishedSummaries', () => {
  const summaries = publishedSummaries(parsePublished(TEXT, FILE).cells);

  it('reads containers-x-clients numbers as averages per client', () => {
    // pipework 1x16 prints 1.07: sixteen clients in one container, 17.12 Gbit/s in all.
    const cell = summaries.find((s) => s.technique === 'pipework' && s.configurationId === '1x16')!;
    expect(cell.perClient.mean).toBe(1.07);
    expect(cell.perContainer.mean).toBeCloseTo(17.12, 9);
    expect(cell.aggregate.mean).toBeCloseTo(17.12, 9);
    expect(cell.repetitions).toBeUndefined();
  });

  it('sums one-server averages over client containers', () => {
    // link with 4 clients prints 4.9 per container: 19.6 Gbit/s aggregate.
    const cell = summaries.find((s) => s.setup === 'one-server' && s.technique === 'link' && s.configurationId === '4-clients')!;
    expect(cell.perContainer.mean).toBe(4.9);
    expect(cell.aggregate.mean).toBeCloseTo(19.6, 9);
  });
});
