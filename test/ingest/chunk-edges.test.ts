import { describe, expect, it } from 'vitest';

import { lineBatches } from '../../scripts/ingest/lines.ts';

async function* chunksOf(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}

async function numbered(chunks: Iterable<string>): Promise<string[]> {
  const found: string[] = [];
  for await (const { first, lines } of lineBatches(chunksOf(chunks))) lines.forEach((text, i) => found.push(`${first + i}:${text}`));
  return found;
}

describe('line ends across chunks', () => {
  it('keeps empty line after a split CR LF', async () => {
    // a\r\n\nb: three lines, the second empty.
    expect(await numbered(['a\r', '\n', '\nb'])).toEqual(['1:a', '2:', '3:b']);
  });
});
