import { isIperfText } from './banner.ts';
import type { IngestEvent } from './events.ts';
import { numberedLines } from './lines.ts';
import { readDecimal } from './numbers.ts';
import { quoted } from './quoted.ts';
import type { Endpoint, UdpCounters } from './types.ts';

/**
 * Reads iperf 2's human-readable report (what the 2014 study saved): `[  1] 0.0-1.0 sec
 * 2.21 GBytes 19.0 Gbits/sec`, in any `-f` unit, with `[SUM]` lines for `-P N`.
 */
const CONNECTED = /^\[\s*(\d+)\]\s+local\s+(\S+)\s+port\s+(\d+)\s+connected\s+with\s+(\S+)\s+port\s+(\d+)/;
// The d flag records where each group starts, so an error points at its own value.
// The start contains no dash, so a long run of dashes cannot make the match try every split point.
const REPORT = /^\[\s*(\d+|SUM)\]\s+([^\s-]+)\s*-\s*(\S+)\s+sec\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(.*)$/d;
// The lost count contains no slash, so a long run of slashes cannot make the match try every split.
const UDP_TAIL = /^\s+(\S+)\s+ms\s+([^\s/]+)\s*\/\s*(\S+)\s+\((\S+?)%\)/;

const BYTE_UNITS: Record<string, number> = { Bytes: 1, KBytes: 1024, MBytes: 1024 ** 2, GBytes: 1024 ** 3, TBytes: 1024 ** 4 };
const BIT_UNITS: Record<string, number> = { 'bits/sec': 1, 'Kbits/sec': 1e3, 'Mbits/sec': 1e6, 'Gbits/sec': 1e9, 'Tbits/sec': 1e12 };

export async function* readIperf2Text(text: AsyncIterable<string>): AsyncGenerator<IngestEvent> {
  const connections = new Map<number, { local: Endpoint; remote: Endpoint }>();
  let side: 'client' | 'server' | undefined;
  let udp = false;
  for await (const { line, text: raw } of numberedLines(text)) {
    const content = raw.trimEnd();
    if (content.trim() === '') continue;
    if (/^Client connecting to /.test(content)) side = 'client';
    if (/^Server listening on /.test(content)) side = 'server';
    if (/^(Client connecting to|Server listening on) .*UDP port|^Sending \d+ byte datagrams/.test(content)) udp = true;
    const connected = CONNECTED.exec(content);
    if (connected) {
      connections.set(Number(connected[1]), {
        local: { address: connected[2], port: Number(connected[3]) },
        remote: { address: connected[4], port: Number(connected[5]) },
      });
      if (content.includes('icwnd/mss/irtt')) yield { kind: 'hint', version: '2.1.x' };
      yield { kind: 'text', line };
      continue;
    }
    const report = REPORT.exec(content);
    if (report) {
      yield* reportEvents(report, line, connections, side, udp);
      continue;
    }
    if (isIperfText(content)) {
      yield { kind: 'text', line };
      continue;
    }
    yield { kind: 'error', error: { line, column: 1, message: `expected an iperf 2 report line like "[  1] 0.0-1.0 sec  2.21 GBytes  19.0 Gbits/sec", found "${content.slice(0, 40)}"` } };
  }
}

function* reportEvents(
  match: RegExpExecArray,
  line: number,
  connections: Map<number, { local: Endpoint; remote: Endpoint }>,
  side: 'client' | 'server' | undefined,
  udpTest: boolean,
): Generator<IngestEvent> {
  const [, idText, startText, endText, amountText, byteUnit, rateText, bitUnit, tail] = match;
  const fail = (group: number, message: string): IngestEvent => {
    const column = (match.indices?.[group]?.[0] ?? 0) + 1;
    return { kind: 'error', error: { line, column, message } };
  };

  const start = readDecimal(startText);
  const end = readDecimal(endText);
  if (start === undefined || end === undefined || end < start) {
    yield fail(2, `expected an interval like 0.0-1.0 sec, found ${quoted(`${startText}-${endText}`)}`);
    return;
  }
  const amount = readDecimal(amountText);
  if (amount === undefined || !(byteUnit in BYTE_UNITS)) {
    yield fail(4, `expected a transfer like "2.21 GBytes", found ${quoted(`${amountText} ${byteUnit}`)}`);
    return;
  }
  const rate = readDecimal(rateText);
  if (rate === undefined || !(bitUnit in BIT_UNITS)) {
    yield fail(6, `expected a rate like "19.0 Gbits/sec", found ${quoted(`${rateText} ${bitUnit}`)}`);
    return;
  }
  if (/^\d+\.\d{4}$/.test(startText)) yield { kind: 'hint', version: '2.1.x' };
  else if (/^\d+\.\d$/.test(startText)) yield { kind: 'hint', version: '2.0.x' };

  const id = idText === 'SUM' ? -1 : Number(idText);
  const connection = connections.get(id);
  const udp = udpTail(tail);
  yield {
    kind: 'record',
    record: {
      line,
      id,
      protocol: udp || udpTest ? 'udp' : 'tcp',
      first: connection?.local,
      second: connection?.remote,
      order: orderFor(side),
      start,
      end,
      // The text rounds transfers to 3 significant digits; bytes here are that rounded figure.
      bytes: Math.round(amount * BYTE_UNITS[byteUnit]),
      bitsPerSecond: rate * BIT_UNITS[bitUnit],
      udp,
      sum: id === -1,
    },
  };
}

/** In a text report the local address comes first, and it is the server's in a server's file. */
function orderFor(side: 'client' | 'server' | undefined): 'client-first' | 'server-first' | undefined {
  if (side === 'server') return 'server-first';
  if (side === 'client') return 'client-first';
  return undefined;
}

function udpTail(tail: string): UdpCounters | undefined {
  const match = UDP_TAIL.exec(tail);
  if (!match) return undefined;
  const counters: UdpCounters = {};
  const jitter = readDecimal(match[1]);
  const lost = readDecimal(match[2]);
  const datagrams = readDecimal(match[3]);
  const loss = readDecimal(match[4]);
  if (jitter !== undefined) counters.jitterMs = jitter;
  if (lost !== undefined) counters.lost = lost;
  if (datagrams !== undefined) counters.datagrams = datagrams;
  if (loss !== undefined) counters.lossPercent = loss;
  return counters;
}
