import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { fixture, gbps } from './helpers.ts';

// Expected values are read by hand from the fixture files named in each test.
describe('iperf 2 CSV variants', () => {
  it('reads -P 4 with four transfer ids and no sum row (2.1.8)', async () => {
    const file = await ingestFile(fixture('shared/iperf2/tcp-P4-client.csv'));
    expect(file).toMatchObject({ status: 'parsed', records: 12, errors: [] });
    expect(file.sum).toBeUndefined();
    const byId = new Map(file.streams.map((s) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual([1, 2, 3, 4]);
    // Line 9: id 2, 0.0-2.0, 2672033852 bytes, 10596628224 bit/s.
    expect(byId.get(2)!.summary).toMatchObject({ bytes: 2672033852, bitsPerSecond: 10596628224, line: 9 });
    expect(byId.get(2)!.intervals).toHaveLength(2);
  });

  it('reads a one-second test whose second 0.0-1.0 row is the summary', async () => {
    const file = await ingestFile(fixture('shared/iperf2/tcp-t1-client.csv'));
    const [stream] = file.streams;
    expect(stream.intervals).toEqual([{ start: 0, end: 1, bytes: 2311061564, bitsPerSecond: 18488492512, line: 1 }]);
    expect(stream.summary).toEqual({ start: 0, end: 1, bytes: 2311192636, bitsPerSecond: 18468394775, line: 2 });
  });

  it('reads a file without -i as one whole-test row and no intervals', async () => {
    const file = await ingestFile(fixture('shared/iperf2/tcp-nointerval-client.csv'));
    expect(file.streams[0].intervals).toEqual([]);
    expect(gbps(file.streams[0].summary!.bitsPerSecond)).toBeCloseTo(20.593, 3);
  });

  it('reads millisecond timestamps of -e in 2.1.8 as version 2.1.x', async () => {
    const file = await ingestFile(fixture('shared/iperf2/tcp-enhanced-client.csv'));
    expect(file).toMatchObject({ status: 'parsed', version: '2.1.x', records: 3 });
    expect(file.streams[0].summary).toMatchObject({ end: 2, bytes: 4883087420, bitsPerSecond: 19521876193 });
  });

  it('reads unbracketed IPv6 addresses', async () => {
    const file = await ingestFile(fixture('shared/iperf2/tcp-ipv6-server.csv'));
    expect(file.streams[0]).toMatchObject({ client: { address: '::1', port: 57936 }, server: { address: '::1', port: 15007 } });
    expect(file.streams[0].summary).toMatchObject({ bytes: 5114953788, bitsPerSecond: 20466077771 });
  });

  it('reads UDP: 14 columns; the client whole-test row has total -1, so no total and no loss', async () => {
    const client = await ingestFile(fixture('shared/iperf2/udp-client.csv'));
    const [stream] = client.streams;
    expect(stream.protocol).toBe('udp');
    expect(stream.intervals[0].udp).toEqual({ jitterMs: 0, lost: 0, datagrams: 17835, lossPercent: 0, outOfOrder: 0 });
    expect(stream.summary!.udp).toEqual({ jitterMs: 0, lost: 0, outOfOrder: 0 });
    const server = await ingestFile(fixture('shared/iperf2/udp-server.csv'));
    // Line 3: jitter 0.002 ms, 0 lost of 35669, loss 0.000 %.
    expect(server.streams[0].summary!.udp).toEqual({ jitterMs: 0.002, lost: 0, datagrams: 35669, lossPercent: 0, outOfOrder: 0 });
  });

  it('reads UDP -P 2 with a lost datagram on the server side (captured here)', async () => {
    const file = await ingestFile(fixture('captured/udp-P2-server.csv'));
    expect(file.streams).toHaveLength(2);
    const lossy = file.streams.find((s) => s.client?.port === 45008)!;
    // Line 5: 0.0-2.0, 5243490 bytes, 21017803 bit/s, jitter 0.001, 1 lost of 3568, 0.028 %.
    expect(lossy.summary).toMatchObject({ bytes: 5243490, bitsPerSecond: 21017803, line: 5 });
    expect(lossy.summary!.udp).toEqual({ jitterMs: 0.001, lost: 1, datagrams: 3568, lossPercent: 0.028, outOfOrder: 0 });
  });

  it('counts the human-readable banner inside a server CSV as text, not as data or errors', async () => {
    const file = await ingestFile(fixture('shared/iperf2/tcp-tradeoff-server.csv'));
    expect(file).toMatchObject({ status: 'parsed', records: 6, errors: [], textLines: 5 });
    expect(file.streams.map((s) => s.id).sort()).toEqual([1, 2, 3]);
    const client = await ingestFile(fixture('shared/iperf2/tcp-tradeoff-client.csv'));
    expect(client).toMatchObject({ records: 2, errors: [], textLines: 1 });
  });

  it('keeps both directions of --full-duplex apart, the port-0 rows included (captured here)', async () => {
    const file = await ingestFile(fixture('captured/fullduplex-client.csv'));
    expect(file).toMatchObject({ status: 'parsed', records: 6, errors: [] });
    expect(file.streams).toHaveLength(2);
    expect(file.sum).toBeUndefined();
    const reverse = file.streams.find((s) => s.server?.port === 0 || s.client?.port === 0)!;
    // Line 6: 127.0.0.1,15103,::,0,1,0.0-2.0,1873543168,7470740693.
    expect(reverse.summary).toMatchObject({ bytes: 1873543168, bitsPerSecond: 7470740693, line: 6 });
  });

  // Documented shape, no capture: iperf 2.0.x -P N prints a sum row with transfer id -1 and port 0.
  it('keeps a 2.0.x sum row apart from the streams', async () => {
    const file = await ingestFile(fixture('documented/iperf2.0-P2-sum-client.csv'));
    expect(file.streams).toHaveLength(2);
    expect(file.sum!.summary).toMatchObject({ bytes: 52551090176, bitsPerSecond: 42040872140, line: 3 });
  });

  // Documented shape, no capture: 2.0.6-2.0.13 print nan / -nan in UDP columns; a 2.0.x server lists itself first.
  it('reads nan as an absent value, never 0, and a 2.0.x server listing itself first', async () => {
    const file = await ingestFile(fixture('documented/iperf2.0-udp-nan-server.csv'));
    expect(file).toMatchObject({ status: 'parsed', version: '2.0.x', records: 3, errors: [] });
    const [stream] = file.streams;
    expect(stream.client).toEqual({ address: '127.0.0.1', port: 41234 });
    expect(stream.server).toEqual({ address: '127.0.0.1', port: 5001 });
    const stalled = stream.intervals[1];
    // Line 2: a real 0 bytes and 0 bit/s are kept; -nan jitter and nan loss are absent.
    expect(stalled).toMatchObject({ bytes: 0, bitsPerSecond: 0, line: 2 });
    expect(stalled.udp).toEqual({ lost: 0, datagrams: 0, outOfOrder: 0 });
    expect(stalled.udp).not.toHaveProperty('jitterMs');
    expect(stalled.udp).not.toHaveProperty('lossPercent');
  });

  // Documented shape, no capture: 2.1.9+ -e rows have a +0000: zone prefix and 15 columns.
  it('reads 2.1.9+ enhanced rows with a zone prefix', async () => {
    const file = await ingestFile(fixture('documented/iperf2.1.9-enhanced-client.csv'));
    expect(file).toMatchObject({ status: 'parsed', version: '2.1.9+', records: 3, errors: [] });
    expect(file.streams[0].summary).toMatchObject({ start: 0, end: 2, bytes: 2359296000, bitsPerSecond: 9437122109 });
  });

  // Documented shape, no capture: 2.2.x writes a header, istart/iend columns, 17-19 columns.
  it('reads 2.2.x CSV by its header', async () => {
    const file = await ingestFile(fixture('documented/iperf2.2-header-client.csv'));
    expect(file).toMatchObject({ status: 'parsed', version: '2.2.x', records: 3, errors: [] });
    const [stream] = file.streams;
    expect(stream.client).toEqual({ address: 'fd00::2', port: 41822 });
    expect(stream.intervals.map((i) => [i.start, i.end])).toEqual([[0, 1], [1, 2]]);
    expect(stream.summary).toMatchObject({ bytes: 2122317824, bitsPerSecond: 8489271296, line: 4 });
  });

  it('skips an empty client file and a .stderr capture with reasons', async () => {
    const empty = await ingestFile(fixture('shared/iperf2/refused-client.csv'));
    expect(empty).toMatchObject({ status: 'skipped', records: 0 });
    expect(empty.reason).toMatch(/empty/);
    const stderr = await ingestFile(fixture('shared/iperf2/refused-client.stderr'));
    expect(stderr.status).toBe('skipped');
    expect(stderr.reason).toMatch(/Connection refused/);
  });
});
