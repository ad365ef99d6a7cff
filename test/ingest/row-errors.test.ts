import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { readDecimal } from '../../scripts/ingest/numbers.ts';
import { fixture, tempFile } from './helpers.ts';

// A bad field is quoted in its error message. A field can be megabytes long (a line of garbage
// can be up to 16 Mi characters), and the message goes to the terminal and the site's ingest page.

/** The six rows of the real one-client client log, without line ends. */
const rows = async () => (await readFile(fixture('netns/one-client/client-c1-p1.csv'), 'utf8')).trimEnd().split('\n');

const LONG = `${'9'.repeat(100_000)}x`;

describe('messages for a long bad field', () => {
  it.each([
    { index: 0, column: 1, expected: 'expected a timestamp' },
    { index: 1, column: 16, expected: 'expected an IPv4 or IPv6 address' },
    { index: 2, column: 28, expected: 'expected a port number' },
    { index: 5, column: 51, expected: 'expected a transfer id' },
    { index: 6, column: 53, expected: 'expected an interval' },
    { index: 7, column: 61, expected: 'expected a byte count' },
    { index: 8, column: 72, expected: 'expected bits per second' },
  ])('quotes the start of field $index', async ({ index, column, expected }) => {
    const lines = await rows();
    const fields = lines[1].split(',');
    fields[index] = index === 1 ? `${'a'.repeat(100_000)}!` : LONG;
    lines[1] = fields.join(',');
    const file = await ingestFile(await tempFile('client.csv', `${lines.join('\n')}\n`));
    expect(file.records).toBe(5);
    expect(file.errors).toHaveLength(1);
    const [error] = file.errors;
    expect(error.line).toBe(2);
    expect(error.column).toBe(column);
    expect(error.message.startsWith(expected), error.message.slice(0, 80)).toBe(true);
    expect(error.message).toContain(`found "${fields[index].slice(0, 40)}…"`);
    expect(error.message.length).toBeLessThan(120);
  });
});

describe('numbers in a long bad field', () => {
  it('rejects 256 Ki digits', { timeout: 10_000 }, () => {
    // A regular expression that can split a run of digits in many ways takes time quadratic in
    // its length: 2 s for 60 000 digits on 2 cores, so about 40 s for these 256 Ki. The test
    // ends within its time limit only when the reader stays linear.
    expect(readDecimal(`${'9'.repeat(1 << 18)}x`)).toBeUndefined();
  });
});
