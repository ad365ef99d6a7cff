import { describe, expect, it } from 'vitest';

import { lineBatches, numberedLines } from '../../scripts/ingest/lines.ts';
import { readText } from '../../scripts/ingest/source.ts';
import { tempFile } from './helpers.ts';

async function* chunksOf(chunks: string[]): AsyncGenerator<string> {
  yield* chunks;
}

async function linesOf(chunks: string[]): Promise<string[]> {
  const found: string[] = [];
  for await (const { line, text } of numberedLines(chunksOf(chunks))) found.push(`${line}:${text}`);
  return found;
}

async function collect(text: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of text) all += chunk;
  return all;
}

const MIB = 1 << 20;

describe('splitting text into numbered lines', () => {
  it.each([
    { chunks: ['a\r', '\nb\n'], lines: ['1:a', '2:b'] },
    { chunks: ['a\r', 'b\r'], lines: ['1:a', '2:b'] },
    { chunks: ['a\r', '', '\nb'], lines: ['1:a', '2:b'] },
    { chunks: ['a\r\n', '\r\n'], lines: ['1:a', '2:'] },
    { chunks: ['a\n\nb'], lines: ['1:a', '2:', '3:b'] },
    { chunks: ['a\rb\r\nc\n'], lines: ['1:a', '2:b', '3:c'] },
    { chunks: ['ab', 'c\nd', 'e'], lines: ['1:abc', '2:de'] },
    { chunks: ['', ''], lines: [] },
  ])('reads $chunks as $lines', async ({ chunks, lines }) => {
    expect(await linesOf(chunks)).toEqual(lines);
  });

  it('numbers lines across batches', async () => {
    const batches = [];
    for await (const batch of lineBatches(chunksOf(['a\nb\n', 'c\n', 'd']))) batches.push(batch);
    expect(batches).toEqual([{ first: 1, lines: ['a', 'b'] }, { first: 3, lines: ['c'] }, { first: 4, lines: ['d'] }]);
  });
});

describe('reading UTF-8 text in chunks', () => {
  it('keeps a character split across chunks', async () => {
    // '…' is three bytes; placed so that the first 1 MiB read ends inside it.
    const text = `${'x'.repeat(MIB - 2)}…\n${'µ'.repeat(1000)}\nend`;
    const path = await tempFile('straddle.csv', text);
    expect(await collect(readText(path, 'utf-8'))).toBe(text);
  });

  it('drops a byte-order mark and keeps the rest', async () => {
    const path = await tempFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\nc')]));
    expect(await collect(readText(path, 'utf-8'))).toBe('a,b\nc');
  });

  it('reads lone carriage returns over chunks', async () => {
    const line = '20261204151106,198.18.10.2,36214,198.18.10.1,5001,1,0.0-1.0,178103596,1424828768';
    const count = Math.ceil((2 * MIB) / (line.length + 1));
    const path = await tempFile('cr.csv', `${line}\r`.repeat(count));
    let lines = 0;
    for await (const { text } of numberedLines(readText(path, 'utf-8'))) {
      expect(text).toBe(line);
      lines += 1;
    }
    expect(lines).toBe(count);
  });

  it('replaces invalid UTF-8 bytes', async () => {
    const path = await tempFile('bad.csv', Buffer.from([0x61, 0xff, 0x0a, 0x62]));
    expect(await collect(readText(path, 'utf-8'))).toBe('a\ufffd\nb');
  });
});
