import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';

// Real files from data/runs/netns-2026-12 (iperf 2.1.8, `-y C -i 1 -t 5`), copied unchanged.
// Every expected value below was read by hand from the fixture file named in the test.
const fixture = (name: string) => new URL(`../fixtures/ingest/netns/${name}`, import.meta.url).pathname;
const gbps = (bitsPerSecond: number) => bitsPerSecond / 1e9;

describe('iperf 2.1.8 CSV from the netns run', () => {
  it('reads a one-client client file: five intervals and the 0.0-5.0 whole-test row', async () => {
    const file = await ingestFile(fixture('one-client/client-c1-p1.csv'));
    expect(file).toMatchObject({ status: 'parsed', format: 'iperf2-csv', side: 'client', records: 6, errors: [] });
    expect(file.streams).toHaveLength(1);
    const [stream] = file.streams;
    expect(stream).toMatchObject({
      id: 1,
      protocol: 'tcp',
      client: { address: '198.18.10.2', port: 53898 },
      server: { address: '198.18.10.1', port: 5001 },
    });
    // Line 6: 20261204151043,...,1,0.0-5.0,9142796348,14605257639
    expect(stream.summary).toEqual({ start: 0, end: 5, bytes: 9142796348, bitsPerSecond: 14605257639, line: 6 });
    expect(gbps(stream.summary!.bitsPerSecond)).toBeCloseTo(14.605, 3);
    expect(stream.intervals.map((i) => [i.start, i.end, i.line])).toEqual([
      [0, 1, 1], [1, 2, 2], [2, 3, 3], [3, 4, 4], [4, 5, 5],
    ]);
    // Line 3: 2.0-3.0, 1289486336 bytes, 10315890688 bit/s.
    expect(stream.intervals[2]).toMatchObject({ bytes: 1289486336, bitsPerSecond: 10315890688 });
  });

  it('reads a server file, which lists the client (peer) first', async () => {
    const file = await ingestFile(fixture('one-client/server-s1.csv'));
    expect(file).toMatchObject({ status: 'parsed', side: 'server', version: '2.1.x', records: 6 });
    const [stream] = file.streams;
    expect(stream.client).toEqual({ address: '198.18.10.2', port: 53898 });
    expect(stream.server).toEqual({ address: '198.18.10.1', port: 5001 });
    // Line 6: 0.0-5.0, 9142796348 bytes, 14626862276 bit/s (the client said 14605257639).
    expect(stream.summary).toMatchObject({ bytes: 9142796348, bitsPerSecond: 14626862276, line: 6 });
    expect(stream.intervals).toHaveLength(5);
  });

  it('untangles sixteen interleaved, unordered clients in one server file', async () => {
    const file = await ingestFile(fixture('sixteen-clients/server-s1.csv'));
    expect(file).toMatchObject({ status: 'parsed', records: 96, errors: [] });
    expect(file.streams).toHaveLength(16);
    expect(file.sum).toBeUndefined();
    for (const stream of file.streams) {
      expect(stream.server).toEqual({ address: '198.18.10.1', port: 5001 });
      expect(stream.summary).toMatchObject({ start: 0, end: 5 });
      expect(stream.intervals.map((i) => i.start)).toEqual([0, 1, 2, 3, 4]);
    }
    // Client 198.18.10.8:33410 is transfer id 7 here; its rows are lines 7, 23, 39, 55 and 73,
    // between other clients' rows, and line 74 is its 0.0-5.0 row (829292604 bytes, 1327076517 bit/s).
    const seven = file.streams.find((s) => s.client?.address === '198.18.10.8')!;
    expect(seven).toMatchObject({ id: 7, client: { port: 33410 } });
    expect(seven.intervals.map((i) => i.line)).toEqual([7, 23, 39, 55, 73]);
    expect(seven.summary).toMatchObject({ bytes: 829292604, bitsPerSecond: 1327076517, line: 74 });
  });

  it('joins a client file to its server row by address and port, not by transfer id', async () => {
    const client = await ingestFile(fixture('sixteen-clients/client-c7-p1.csv'));
    const server = await ingestFile(fixture('sixteen-clients/server-s1.csv'));
    const [mine] = client.streams;
    // The client calls itself transfer 1; the server calls it 7.
    expect(mine).toMatchObject({ id: 1, client: { address: '198.18.10.8', port: 33410 } });
    expect(mine.summary).toMatchObject({ bytes: 829292604, bitsPerSecond: 1322050877 });
    const match = server.streams.filter((s) => s.client?.address === mine.client!.address && s.client?.port === mine.client!.port);
    expect(match.map((s) => s.id)).toEqual([7]);
  });

  it('takes the 0.0-5.1 row as the whole test when the test overran', async () => {
    const file = await ingestFile(fixture('overrun/client-c1-p1.csv'));
    const [stream] = file.streams;
    // Line 6: 0.0-5.1, 797966396 bytes, 1262601311 bit/s; NAT: the server is 198.18.12.254:6001.
    expect(stream.summary).toEqual({ start: 0, end: 5.1, bytes: 797966396, bitsPerSecond: 1262601311, line: 6 });
    expect(stream.server).toEqual({ address: '198.18.12.254', port: 6001 });
    expect(stream.intervals).toHaveLength(5);
  });

  it('skips the run README with a reason', async () => {
    const file = await ingestFile(fixture('README.md'));
    expect(file.status).toBe('skipped');
    expect(file.reason).toMatch(/not an iperf log/);
    expect(file.records).toBe(0);
  });
});
