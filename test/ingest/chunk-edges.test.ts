import { describe, expect, it } from 'vitest';

import { lineBatches } from '../../scripts/ingest/lines.ts';

// Lines much longer than the 1 MiB chunks the reader works in: the reader must not hold or copy
// such a line once per chunk, and the lines around it keep their numbers.

const MIB = 1 << 20;

async function* chunksOf(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}

async function numbered(chunks: Iterable<string>): Promise<string[]> {
  const found: string[] = [];
  for await (const { first, lines } of lineBatches(chunksOf(chunks))) {
    lines.forEach((text, i) => found.push(`${first + i}:${text.length > 20 ? `${text.slice(0, 8)}…(${text.length})` : text}`));
  }
  return found;
}

/** Milliseconds taken to split the chunks into lines. */
async function timeToSplit(chunks: Iterable<string>): Promise<number> {
  const started = performance.now();
  for await (const batch of lineBatches(chunksOf(chunks))) expect(batch.lines.length).toBeGreaterThan(0);
  return performance.now() - started;
}

describe('lines longer than a chunk', () => {
  it('splits one long line in linear time', async () => {
    const count = 48;
    const full = 'y'.repeat(MIB);
    const endedEach = Array.from({ length: count }, () => `${full.slice(1)}\n`);
    const oneLine = [...Array.from({ length: count }, () => full), '\n'];
    const manyLinesMs = await timeToSplit(endedEach);
    const oneLineMs = await timeToSplit(oneLine);
    // Splitting the whole line again at every chunk took 28 times as long (1.3 s against 48 ms, 2 cores).
    expect(oneLineMs, `one line ${oneLineMs.toFixed(0)} ms, ${count} lines ${manyLinesMs.toFixed(0)} ms`).toBeLessThan(5 * manyLinesMs + 150);
    expect(await numbered(oneLine)).toEqual([`1:yyyyyyyy…(${count * MIB})`]);
  });
});

describe('line ends across chunks', () => {
  it('keeps empty line after a split CR LF', async () => {
    // a\r\n\nb: three lines, the second empty.
    expect(await numbered(['a\r', '\n', '\nb'])).toEqual(['1:a', '2:', '3:b']);
  });
});
