import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { fixture, gbps } from './helpers.ts';

// Expected values are read by hand from the fixture files named in each test.
describe('iperf 2 human-readable text', () => {
  it('reads -f g (the 2014 command): Gbits/sec and GBytes, endpoints from the connect line', async () => {
    const file = await ingestFile(fixture('shared/iperf2/text-client-fg.txt'));
    expect(file).toMatchObject({ status: 'parsed', format: 'iperf2-text', side: 'client', records: 4, errors: [] });
    const [stream] = file.streams;
    expect(stream.client).toEqual({ address: '127.0.0.1', port: 44338 });
    expect(stream.server).toEqual({ address: '127.0.0.1', port: 15009 });
    // Line 10: [  1] 0.0000-3.0005 sec  7.58 GBytes  21.7 Gbits/sec
    expect(stream.summary).toMatchObject({ start: 0, end: 3.0005, bitsPerSecond: 21.7e9, line: 10 });
    expect(stream.summary!.bytes).toBe(Math.round(7.58 * 1024 ** 3));
    expect(stream.intervals.map((i) => gbps(i.bitsPerSecond))).toEqual([21.2, 22.5, 21.4]);
  });

  it('points an unreadable rate at its own column', async () => {
    // Line 8 of the capture with its rate changed to "2.0 Gbits/s", whose "2.0" also occurs in
    // the interval "1.0000-2.0000": the error must point at the rate, column 39.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'netnotes-text-'));
    try {
      const text = readFileSync(fixture('shared/iperf2/text-client-fg.txt'), 'utf8');
      const damaged = text.replace('[  1] 1.0000-2.0000 sec  2.62 GBytes  22.5 Gbits/sec', '[  1] 1.0000-2.0000 sec  2.62 GBytes  2.0 Gbits/s');
      const file = path.join(dir, 'client.txt');
      writeFileSync(file, damaged);

      const ingested = await ingestFile(file);
      expect(ingested.errors).toHaveLength(1);
      expect(ingested.errors[0]).toMatchObject({ line: 8, column: 39 });
      expect(ingested.errors[0].message).toContain('"2.0 Gbits/s"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads -P 4 -f m with [SUM] lines kept apart from the four streams', async () => {
    const file = await ingestFile(fixture('shared/iperf2/text-P4-client-fm.txt'));
    expect(file.streams).toHaveLength(4);
    // Line 24: [SUM] 0.0000-2.0010 sec  12105 MBytes  50747 Mbits/sec
    expect(file.sum!.summary).toMatchObject({ end: 2.001, bitsPerSecond: 50747e6, line: 24 });
    expect(file.sum!.intervals).toHaveLength(2);
    // Line 22: [  3] 0.0000-2.0020 sec  3088 MBytes  12938 Mbits/sec
    const three = file.streams.find((s) => s.id === 3)!;
    expect(three.summary).toMatchObject({ end: 2.002, bitsPerSecond: 12938e6, line: 22 });
  });

  it('reads a server text file, where the local address is the server (captured here, -f k)', async () => {
    const file = await ingestFile(fixture('captured/text-fk-server.txt'));
    expect(file.side).toBe('server');
    const [stream] = file.streams;
    expect(stream.client).toEqual({ address: '127.0.0.1', port: 49238 });
    expect(stream.server).toEqual({ address: '127.0.0.1', port: 15101 });
    // Line 9: [  1] 0.0000-2.0043 sec  2895488 KBytes  11834564 Kbits/sec
    expect(stream.summary).toMatchObject({ end: 2.0043, bytes: 2895488 * 1024, bitsPerSecond: 11834564e3 });
  });

  it('reads UDP text with jitter and loss; the client\'s server report is the whole-test row', async () => {
    const server = await ingestFile(fixture('captured/udp-text-server.txt'));
    // Line 9: ... 0.000 ms 0/8920 (0%)
    expect(server.streams[0].summary!.udp).toEqual({ jitterMs: 0, lost: 0, datagrams: 8920, lossPercent: 0 });
    const client = await ingestFile(fixture('captured/udp-text-client.txt'));
    expect(client.errors).toEqual([]);
    expect(client.streams[0]).toMatchObject({ protocol: 'udp' });
    // Line 14 (after "Server Report:") is the whole test; line 10, the client's own figure, is kept beside it.
    expect(client.streams[0].summary).toMatchObject({ line: 14, bitsPerSecond: 52.4e6 });
    expect(client.streams[0].otherSummaries!.map((s) => s.line)).toEqual([10]);
    expect(client.streams[0].intervals.map((i) => i.line)).toEqual([8, 9]);
    expect(client.streams[0].summary!.udp).toMatchObject({ datagrams: 8920 });
  });

  // Documented shape, no capture: 2.0.x text has one-decimal intervals with a space after the dash.
  it('reads 2.0.x text intervals such as " 0.0- 1.0 sec"', async () => {
    const file = await ingestFile(fixture('documented/iperf2.0-text-client-fg.txt'));
    expect(file).toMatchObject({ status: 'parsed', version: '2.0.x', records: 3, errors: [] });
    expect(file.streams[0].summary).toMatchObject({ start: 0, end: 2, bitsPerSecond: 18.9e9 });
    expect(file.streams[0].client).toEqual({ address: '172.17.0.2', port: 40512 });
  });

  it('skips iperf 3 human-readable text, asking for -J', async () => {
    const file = await ingestFile(fixture('shared/iperf3/tcp-text-fg.txt'));
    expect(file.status).toBe('skipped');
    expect(file.reason).toMatch(/-J/);
  });
});

describe('summary CSV', () => {
  it('reads data/published/summary.csv rows with their lines', async () => {
    const file = await ingestFile(new URL('../../data/published/summary.csv', import.meta.url).pathname);
    expect(file).toMatchObject({ status: 'parsed', format: 'summary-csv', records: 70, errors: [] });
    // Line 2: one-server,iptables,1,1,1,10.0
    expect(file.table![0]).toEqual({
      line: 2, setup: 'one-server', technique: 'iptables', serverContainers: 1, clientContainers: 1, clientsPerContainer: 1, gbps: 10,
    });
  });
});
