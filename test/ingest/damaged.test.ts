import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { fixture, tempFile } from './helpers.ts';

// The real one-client client file (six rows) with single, named changes.
const rows = async () => (await readFile(fixture('netns/one-client/client-c1-p1.csv'), 'utf8')).trimEnd().split('\n');

describe('partly damaged files', () => {
  it('keeps the good rows and names line and column of each bad one', async () => {
    const lines = await rows();
    lines[1] = lines[1].replace('16694378496', '1669437x496'); // line 2, bits per second starts at column 72
    lines[3] = lines[3].replace(',3.0-4.0,', ',3.0-,'); // line 4, the interval starts at column 53
    const file = await ingestFile(await tempFile('client.csv', `${lines.join('\n')}\n`));
    expect(file.status).toBe('parsed');
    expect(file.records).toBe(4);
    expect(file.errors).toEqual([
      { line: 2, column: 72, message: 'expected bits per second (a number), found "1669437x496"' },
      { line: 4, column: 53, message: 'expected an interval like 0.0-1.0, found "3.0-"' },
    ]);
    // The bad rows are gone, not zeroed: no interval for 1.0-2.0 or 3.0-4.0.
    expect(file.streams[0].intervals.map((i) => i.start)).toEqual([0, 2, 4]);
  });

  it('reports a row with a column missing, and an inserted garbage line', async () => {
    const lines = await rows();
    lines[2] = lines[2].split(',').filter((_, i) => i !== 7).join(',');
    lines.splice(4, 0, 'this line was pasted by mistake');
    const file = await ingestFile(await tempFile('client.csv', lines.join('\r\n')));
    expect(file.errors.map((e) => [e.line, e.message.slice(0, 30)])).toEqual([
      [3, 'expected 9 columns (TCP) or 14'],
      [5, 'expected an iperf 2 CSV row st'],
    ]);
    expect(file.records).toBe(5);
    expect(file.streams[0].summary).toMatchObject({ bytes: 9142796348, line: 7 });
  });

  it('rejects a file with no readable row, listing every line', async () => {
    const lines = (await rows()).map((line) => line.replace(/,\d+$/, ',fast'));
    const file = await ingestFile(await tempFile('client.csv', lines.join('\n')));
    expect(file.status).toBe('rejected');
    expect(file.errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(file.reason).toMatch(/no measurement could be read/);
  });

  it('reads a file saved as UTF-16 with a byte-order mark', async () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from((await rows()).join('\n'), 'utf16le')]);
    const file = await ingestFile(await tempFile('client.csv', content));
    expect(file).toMatchObject({ status: 'parsed', records: 6, errors: [] });
    expect(file.streams[0].summary!.bitsPerSecond).toBe(14605257639);
  });
});

describe('unreadable inputs', () => {
  it('rejects a path that is a folder', async () => {
    const file = await ingestFile(fixture('netns'));
    expect(file.status).toBe('rejected');
    expect(file.reason).toMatch(/EISDIR/);
  });

  it('rejects JSON nested too deeply', async () => {
    const file = await ingestFile(await tempFile('deep.json', `{"start": ${'['.repeat(5000)}`));
    expect(file.status).toBe('rejected');
    expect(file.errors[0].message).toMatch(/nested at most 256 levels/);
  });
});
