import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { summarizeRun } from '../../scripts/analyze/summary.ts';
import { analyzeRepetitions } from '../../scripts/analyze/throughput.ts';
import { ingestFile } from '../../scripts/ingest/index.ts';
import { readRun } from '../../scripts/ingest/run.ts';

// Three repetitions of bridge/containers-x-clients/2x2 copied from the netns-2026-12 run:
// two client containers with two iperf clients each. The expected numbers were computed by
// hand from the whole-test rows (0.0-5.0) of the twelve client files. These are their rates
// in bits per second:
//   rep-1: c1-p1 5998252593, c1-p2 5694033371, c2-p1 5915204807, c2-p2 6589095692
//   rep-2: c1-p1 5387680012, c1-p2 5163462533, c2-p1 5673801825, c2-p2 5649277419
//   rep-3: c1-p1 4980460701, c1-p2 5129720023, c2-p1 5086786136, c2-p2 4994446946
const RUN_DIR = path.join(import.meta.dirname, '../fixtures/analyze/netns-2026-12');

describe('analyzeRepetitions', () => {
  it('computes per-client, per-container and aggregate Gbit/s of each repetition', async () => {
    const run = await readRun(RUN_DIR, ingestFile);
    expect(run.problems).toEqual([]);

    const { repetitions, problems } = analyzeRepetitions(run);
    expect(problems).toEqual([]);
    expect(repetitions).toHaveLength(3);

    const first = repetitions.find((r) => r.repetition === 1)!;
    expect(first.clients).toHaveLength(4);
    expect(first.aggregate).toBeCloseTo(24.196586463, 9);
    expect(first.perClient).toBeCloseTo(6.04914661575, 9);
    // Container 1: 5.998252593 + 5.694033371, container 2: 5.915204807 + 6.589095692.
    expect(first.perContainer).toBeCloseTo(12.0982932315, 9);
  });

  it('keeps the log file and line behind every client number', async () => {
    const run = await readRun(RUN_DIR, ingestFile);
    const first = analyzeRepetitions(run).repetitions.find((r) => r.repetition === 1)!;
    const client = first.clients.find((c) => c.container === 2 && c.process === 2)!;

    expect(client.gbps).toBeCloseTo(6.589095692, 9);
    expect(client.source.file).toMatch(/rep-1\/client-c2-p2\.csv$/);
    // The whole-test row is the sixth line of that file, after five one-second intervals.
    expect(client.source.line).toBe(6);
  });

  it('skips a repetition missing a client', async () => {
    const run = await readRun(RUN_DIR, ingestFile);
    run.files = run.files.filter((f) => !f.relativePath.endsWith('rep-2/client-c1-p2.csv'));

    const { repetitions, problems } = analyzeRepetitions(run);
    expect(repetitions.map((r) => r.repetition).sort()).toEqual([1, 3]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('expects 4 client logs, found 3');
  });
});

describe('summarizeRun', () => {
  it('gives mean, range and Student t interval across repetitions', async () => {
    const run = await readRun(RUN_DIR, ingestFile);
    const [summary] = summarizeRun(run.id, analyzeRepetitions(run).repetitions);

    expect(summary.repetitions).toBe(3);
    expect(summary.label).toBe('2×2');
    expect(summary.aggregate.mean).toBeCloseTo(22.087407352666666, 9);
    expect(summary.aggregate.min).toBeCloseTo(20.191413806, 9);
    expect(summary.aggregate.max).toBeCloseTo(24.196586463, 9);
    // t(0.975, 2 degrees of freedom) = 4.302652729749464.
    expect(summary.perContainer.mean).toBeCloseTo(11.043703676333333, 9);
    expect(summary.perContainer.ci95!.low).toBeCloseTo(8.54580529301594, 6);
    expect(summary.perContainer.ci95!.high).toBeCloseTo(13.541602059650726, 6);
    expect(summary.perClient.mean).toBeCloseTo(5.521851838166667, 9);
  });
});
