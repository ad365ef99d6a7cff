import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { fixture, tempFile } from './helpers.ts';

// A long test with short intervals (`-i 0.1` for 8 hours prints 288,000 rows) gives one stream
// more rows than a function call takes arguments, so nothing may spread a stream's rows.
const INTERVALS = 200_000;

describe('long stream', () => {
  it('reads 200,000 interval rows of one stream', async () => {
    const rows = (await readFile(fixture('shared/iperf2/tcp-client.csv'), 'utf8')).trim().split('\n');
    const interval = rows[0].split(',');
    const lines: string[] = [];
    for (let i = 0; i < INTERVALS; i += 1) {
      interval[6] = `${i}.0-${i + 1}.0`;
      lines.push(interval.join(','));
    }
    const whole = rows[3].split(',');
    whole[6] = `0.0-${INTERVALS}.0`;
    lines.push(whole.join(','));
    const path = await tempFile('long-client.csv', `${lines.join('\n')}\n`);

    const file = await ingestFile(path);

    expect(file.status).toBe('parsed');
    expect(file.errors).toEqual([]);
    expect(file.streams).toHaveLength(1);
    expect(file.streams[0].intervals).toHaveLength(INTERVALS);
    expect(file.streams[0].summary).toMatchObject({ start: 0, end: INTERVALS, line: INTERVALS + 1 });
  });
});
