import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { fixture, tempFile } from './helpers.ts';

// iperf 2 CSV rows with a negative byte count or rate are rejected. iperf 3 records must be too,
// or a damaged value would pull a mean below zero.
describe('iperf 3 negative values', () => {
  it('rejects a negative rate at its line', async () => {
    const json = await readFile(fixture('shared/iperf3/tcp.json'), 'utf8');
    const at = json.indexOf('"bits_per_second"');
    const end = json.indexOf(',', at);
    const damaged = `${json.slice(0, at)}"bits_per_second": -4.5e10${json.slice(end)}`;
    const path = await tempFile('negative.json', damaged);
    // Records are located by the line of their opening brace.
    const line = damaged.slice(0, damaged.lastIndexOf('{', at)).split('\n').length;

    const file = await ingestFile(path);

    expect(file.status).toBe('parsed');
    expect(file.errors.map((e) => e.message)).toEqual(['expected bits_per_second of 0 or more, found -45000000000']);
    const intervals = file.streams.flatMap((s) => s.intervals);
    expect(intervals.every((i) => i.bitsPerSecond >= 0)).toBe(true);
    expect(file.errors[0].line).toBe(line);
  });
});
