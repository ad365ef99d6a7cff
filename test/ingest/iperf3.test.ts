import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { fixture, tempFile } from './helpers.ts';

// Real iperf 3.12 -J outputs from ../shared/fixtures; values read by hand from each file's `end`.
const real = (name: string) => fixture(`shared/iperf3/${name}`);
const text = (name: string) => readFile(real(name), 'utf8');

describe('iperf 3 JSON', () => {
  it('reads TCP: one stream, receiver figures as the whole test', async () => {
    const file = await ingestFile(real('tcp.json'));
    expect(file).toMatchObject({ status: 'parsed', format: 'iperf3-json', version: '3.12', side: 'client', errors: [] });
    const [stream] = file.streams;
    expect(stream.client).toEqual({ address: '127.0.0.1', port: 48492 });
    expect(stream.intervals).toHaveLength(2);
    expect(stream.summary).toMatchObject({ bytes: 5903351808, bitsPerSecond: 23604980254.0493, line: 111 });
  });

  it('reads -P 2: two sockets and the sum_received total', async () => {
    const file = await ingestFile(real('tcp-P2.json'));
    const bySocket = new Map(file.streams.map((s) => [s.id, s.summary?.bitsPerSecond]));
    expect(bySocket).toEqual(new Map([[5, 12432251146.01916], [7, 12416527388.245949]]));
    expect(file.sum!.summary!.bitsPerSecond).toBe(24848778534.26511);
    expect(file.sum!.intervals).toHaveLength(2);
  });

  it('reads -R: the server sent the data, so it is the stream\'s sending side', async () => {
    const file = await ingestFile(real('tcp-reverse.json'));
    const [stream] = file.streams;
    expect(stream.client).toEqual({ address: '127.0.0.1', port: 15021 });
    expect(stream.server).toEqual({ address: '127.0.0.1', port: 48556 });
    expect(stream.summary).toMatchObject({ bytes: 5914623894, bitsPerSecond: 23658282651.45614 });
  });

  it('reads --bidir as two streams, one each way', async () => {
    const file = await ingestFile(real('tcp-bidir.json'));
    const five = file.streams.find((s) => s.id === 5)!;
    const seven = file.streams.find((s) => s.id === 7)!;
    expect(five.client).toEqual({ address: '127.0.0.1', port: 48568 });
    expect(seven.client).toEqual({ address: '127.0.0.1', port: 15021 });
    expect(five.summary!.bitsPerSecond).toBe(14087386880.156767);
    expect(seven.summary!.bitsPerSecond).toBe(8402635106.390955);
  });

  it('reads UDP with jitter and loss', async () => {
    const file = await ingestFile(real('udp.json'));
    const [stream] = file.streams;
    expect(stream.protocol).toBe('udp');
    expect(stream.summary!.udp).toEqual({ jitterMs: 0.00763279272096474, lost: 0, datagrams: 763, lossPercent: 0, outOfOrder: 0 });
    expect(stream.intervals[0].udp).toEqual({ datagrams: 382 });
  });

  it('rejects a file whose only content is an error key, quoting the error', async () => {
    const file = await ingestFile(real('refused.json'));
    expect(file.status).toBe('rejected');
    expect(file.errors[0].message).toMatch(/Connection refused/);
  });

  // Documented shapes iperf 3 is known to emit; each file is a real capture with that change made.
  it('reads past warnings before the JSON and error text after it', async () => {
    const json = await text('tcp.json');
    const path = await tempFile('warned.json', `warning: Report format (-f) flag ignored with JSON output (-J)\n${json}iperf3: error - the server has terminated\n`);
    const file = await ingestFile(path);
    expect(file).toMatchObject({ status: 'parsed', errors: [], textLines: 2 });
    expect(file.streams[0].summary).toMatchObject({ bitsPerSecond: 23604980254.0493, line: 112 });
  });

  it('reads two JSON objects back to back', async () => {
    const path = await tempFile('two.json', (await text('tcp.json')) + (await text('udp.json')));
    const file = await ingestFile(path);
    expect(file.errors).toEqual([]);
    expect(file.streams.map((s) => [s.protocol, s.summary?.bitsPerSecond])).toEqual([
      ['tcp', 23604980254.0493],
      ['udp', 100002685.8589924],
    ]);
  });

  it('keeps the intervals of a file cut off mid-object and says where it ends', async () => {
    const json = await text('tcp.json');
    const cut = json.slice(0, json.search(/"end":\s*\{/));
    const path = await tempFile('cut.json', cut);
    const file = await ingestFile(path);
    expect(file.status).toBe('parsed');
    expect(file.streams[0].intervals).toHaveLength(2);
    expect(file.streams[0].summary).toBeUndefined();
    expect(file.errors).toHaveLength(1);
    expect(file.errors[0].message).toMatch(/file ends inside the object/);
    expect(file.errors[0].line).toBe(cut.split('\n').length);
  });

  it('takes the last of duplicate keys, as JSON.parse does', async () => {
    const json = await text('tcp.json');
    const receiver = json.indexOf('"receiver"');
    const at = json.indexOf('"bits_per_second"', receiver);
    const path = await tempFile('dup.json', `${json.slice(0, at)}"bits_per_second": 1, ${json.slice(at)}`);
    const file = await ingestFile(path);
    expect(file.streams[0].summary!.bitsPerSecond).toBe(23604980254.0493);
  });

  it('reads nan and -nan as absent values, never 0', async () => {
    const json = await text('udp.json');
    const end = json.search(/"end":\s*\{/);
    const changed = json.slice(0, end) + json.slice(end).replace(/"jitter_ms":\s*[\d.]+/, '"jitter_ms": nan').replace(/"lost_percent":\s*0/, '"lost_percent": -nan');
    const file = await ingestFile(await tempFile('nan.json', changed));
    expect(file.errors).toEqual([]);
    const udp = file.streams[0].summary!.udp!;
    expect(udp).toEqual({ lost: 0, datagrams: 763, outOfOrder: 0 });
  });
});
