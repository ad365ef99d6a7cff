import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { CUT_MARK, MAX_LINE_CHARS, lineBatches } from '../../scripts/ingest/lines.ts';
import { readText } from '../../scripts/ingest/source.ts';
import { fixture, tempFile } from './helpers.ts';

// Lines much longer than the 1 MiB chunks the reader works in: the reader must not hold or copy
// such a line once per chunk, and the lines around it keep their numbers.

const MIB = 1 << 20;

/** The six rows of the real one-client client log, without line ends. */
const rows = async () => (await readFile(fixture('netns/one-client/client-c1-p1.csv'), 'utf8')).trimEnd().split('\n');

async function* chunksOf(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}

async function numbered(chunks: Iterable<string>, maxLine?: number): Promise<string[]> {
  const found: string[] = [];
  for await (const { first, lines } of lineBatches(chunksOf(chunks), maxLine)) {
    lines.forEach((text, i) => found.push(`${first + i}:${text.length > 20 ? `${text.slice(0, 8)}…(${text.length})` : text}`));
  }
  return found;
}

// Patterns that backtracked took time quadratic in a run's length: 2 to 3 s for 60 000
// characters on 2 cores. A run of 256 Ki characters would then take about 45 s, so these tests
// end within their time limit only when reading stays linear. No test measures time itself.
const RUN = 1 << 18;
const LINEAR_LIMIT_MS = 10_000;

describe('lines longer than a chunk', () => {
  it('joins one line of 48 chunks', async () => {
    const count = 48;
    const oneLine = [...Array.from({ length: count }, () => 'y'.repeat(MIB)), '\n'];
    expect(await numbered(oneLine, count * MIB)).toEqual([`1:yyyyyyyy…(${count * MIB})`]);
  });

  it('reads long UTF-8 line in bounded chunks', async () => {
    const [first, second] = await rows();
    // '…' is three bytes, and 1 MiB is not a multiple of three, so reads end inside characters.
    const long = '…'.repeat(5 * MIB);
    const text = `${first}\n${long}\n${second}\n`;
    const path = await tempFile('long-line.csv', text);
    const sizes: number[] = [];
    let all = '';
    for await (const chunk of readText(path, 'utf-8')) {
      sizes.push(chunk.length);
      all += chunk;
    }
    expect(all === text, 'the text read back differs').toBe(true);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * MIB);
  });

  it('numbers rows after a 24 MiB line', async () => {
    const lines = await rows();
    const text = [...lines.slice(0, 3), 'x'.repeat(24 * MIB), ...lines.slice(3)].join('\n');
    const file = await ingestFile(await tempFile('client.csv', `${text}\n`));
    expect(file.records).toBe(6);
    expect(file.errors.map((e) => [e.line, e.column])).toEqual([[4, MAX_LINE_CHARS + 1]]);
    expect(file.streams[0].intervals.map((i) => i.line)).toEqual([1, 2, 3, 5, 6]);
    expect(file.streams[0].summary).toMatchObject({ line: 7, bytes: 9142796348 });
  });

  it('names where a long row was cut', async () => {
    // A row whose bytes column runs on for 24 Mi digits: read only up to the cut, it looked like
    // a row of 8 columns, reported at a column where the real line has digits.
    const lines = await rows();
    lines[1] = lines[1].replace(',2086797312,', `,${'2'.repeat(24 * MIB)},`);
    const file = await ingestFile(await tempFile('client.csv', `${lines.join('\n')}\n`));
    expect(file.records).toBe(5);
    expect(file.errors).toEqual([
      { line: 2, column: MAX_LINE_CHARS + 1, message: `expected a line of at most ${MAX_LINE_CHARS} characters, found a longer one (not read past this column)` },
    ]);
  });
});

describe('long lines iperf prints as text', () => {
  it('counts a 10 MiB rule of dashes', async () => {
    // iperf frames its banners with rules of dashes. A backtracking match of a rule this long
    // overflowed the stack (from about 8 million dashes) and ended the whole ingest.
    const lines = await rows();
    const text = [...lines.slice(0, 3), '-'.repeat(10 * MIB), ...lines.slice(3)].join('\n');
    const file = await ingestFile(await tempFile('server.csv', `${text}\n`));
    expect(file.records).toBe(6);
    expect(file.errors).toEqual([]);
    expect(file.textLines).toBe(1);
  });

  it('reads a report line of 256 Ki dashes', { timeout: LINEAR_LIMIT_MS }, async () => {
    // In "[  1] start-end sec", a start that may itself hold dashes made the report pattern try
    // every dash.
    const text = await readFile(fixture('shared/iperf2/text-client-fg.txt'), 'utf8');
    const lines = text.trimEnd().split('\n');
    lines.splice(7, 0, `[  1] ${'-'.repeat(RUN)}`);
    const file = await ingestFile(await tempFile('client.txt', `${lines.join('\n')}\n`));
    // iperf's own text lines start with "[  1]" too, so the line is counted as text.
    expect(file.errors).toEqual([]);
    expect(file.textLines).toBe(7);
    expect(file.streams[0].intervals.map((i) => i.line)).toEqual([7, 9, 10]);
    expect(file.streams[0].summary?.line).toBe(11);
  });

  it('reads a UDP report tail of 256 Ki slashes', { timeout: LINEAR_LIMIT_MS }, async () => {
    // "lost/total" with a lost count that may itself hold slashes made the pattern try every slash.
    const text = await readFile(fixture('captured/udp-text-server.txt'), 'utf8');
    const lines = text.trimEnd().split('\n');
    lines[7] = lines[7].replace('0/4458 (0%)', '/'.repeat(RUN));
    const file = await ingestFile(await tempFile('server.txt', `${lines.join('\n')}\n`));
    const [first, second] = file.streams[0].intervals;
    expect(first.udp).toMatchObject({ lost: 0, datagrams: 4460 });
    // No counters could be read from the damaged tail, and none are made up.
    expect(second.line).toBe(8);
    expect(second.udp).toBeUndefined();
  });
});

describe('line ends across chunks', () => {
  it('keeps empty line after a split CR LF', async () => {
    // a\r\n\nb: three lines, the second empty.
    expect(await numbered(['a\r', '\n', '\nb'])).toEqual(['1:a', '2:', '3:b']);
  });
});

describe('lines longer than the maximum', () => {
  it.each([
    { chunks: ['ab', 'cd', 'ef\ng'], lines: [`1:abc${CUT_MARK}`, '2:g'] },
    { chunks: ['ab', 'cdef'], lines: [`1:abc${CUT_MARK}`] },
    { chunks: ['ab', 'c\nd'], lines: ['1:abc', '2:d'] },
    { chunks: ['a\nbc', 'de', 'f\r', '\ng'], lines: ['1:a', `2:bcd${CUT_MARK}`, '3:g'] },
  ])('cuts $chunks to three characters', async ({ chunks, lines }) => {
    expect(await numbered(chunks, 3)).toEqual(lines);
  });

  it('reads no cut row as a record', async () => {
    // Every start of a real row, followed by the mark a cut leaves, is one bad line.
    const [row] = await rows();
    const cutRows = Array.from({ length: row.length }, (_, end) => row.slice(0, end + 1) + CUT_MARK);
    const file = await ingestFile(await tempFile('client.csv', `${row}\n${cutRows.join('\n')}\n`));
    expect(file.records).toBe(1);
    expect(file.errors.map((e) => e.line)).toEqual(cutRows.map((_, i) => i + 2));
  });
});

describe('blank lines before the rows', () => {
  it('reads rows after 100 KiB of blank lines', async () => {
    const lines = await rows();
    const blank = 100 * 1024;
    const file = await ingestFile(await tempFile('client.csv', `${'\n'.repeat(blank)}${lines.join('\n')}\n`));
    expect(file.status).toBe('parsed');
    expect(file.records).toBe(6);
    expect(file.streams[0].summary).toMatchObject({ line: blank + 6, bytes: 9142796348 });
  });

  it('skips a file of blank lines only', async () => {
    const file = await ingestFile(await tempFile('client.csv', '\n'.repeat(100 * 1024)));
    expect(file.status).toBe('skipped');
    expect(file.reason).toMatch(/^empty file/);
  });
});
