import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import type { IngestedFile, Stream } from '../../scripts/ingest/types.ts';
import { fixture } from './helpers.ts';

// Without intervals, ingest keeps only the few rows that can be a stream's whole-test row. The
// streams must come out as the full read gives them, minus their intervals.

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

/** Removes what a read without intervals leaves out. */
function withoutIntervals(stream: Stream): Stream {
  const { otherSummaries: _others, ...rest } = stream;
  return { ...rest, intervals: [] };
}

function expectedWithoutIntervals(file: IngestedFile): IngestedFile {
  const expected = { ...file, streams: file.streams.map(withoutIntervals) };
  if (file.sum) expected.sum = withoutIntervals(file.sum);
  return expected;
}

const files = allFiles(fixture('')).filter((path) => !path.endsWith('README.md'));

describe('ingest without intervals', () => {
  it('covers many real fixtures', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((path) => [path.split('/ingest/').pop()!, path]))('finds the same whole-test rows in %s', async (_name, path) => {
    const full = await ingestFile(path);
    const lean = await ingestFile(path, { intervals: false });

    expect(lean).toEqual(expectedWithoutIntervals(full));
  });

  it('keeps intervals by default', async () => {
    const full = await ingestFile(fixture('shared/iperf2/tcp-P4-client.csv'));
    expect(full.streams).toHaveLength(4);
    expect(full.streams.every((stream) => stream.intervals.length > 0 && stream.summary)).toBe(true);
  });
});
