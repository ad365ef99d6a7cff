import type { IngestRecord } from './events.ts';
import { lineOf, type JsonValue } from './json-scan.ts';
import type { Endpoint, LineError, UdpCounters } from './types.ts';

type Json = { [key: string]: JsonValue };

export interface Iperf3Result {
  records: IngestRecord[];
  errors: LineError[];
  side?: 'client' | 'server';
  version?: string;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
/** A finite number, or undefined: iperf 3's `nan` is read as NaN and so becomes absent here. */
const num = (object: Json, key: string): number | undefined => {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/** Turns one iperf 3 JSON object into interval and whole-test records. */
export function iperf3Records(root: JsonValue, rootLine: number): Iperf3Result {
  const result: Iperf3Result = { records: [], errors: [] };
  if (!isObject(root)) {
    result.errors.push({ line: rootLine, column: 1, message: 'expected an iperf 3 JSON object' });
    return result;
  }
  const start = isObject(root.start) ? root.start : {};
  const testStart = isObject(start.test_start) ? start.test_start : {};
  const protocol = String(testStart.protocol ?? 'TCP').toUpperCase() === 'UDP' ? 'udp' : 'tcp';
  const reverse = num(testStart, 'reverse') === 1;
  result.side = isObject(start.connecting_to) ? 'client' : isObject(start.accepted_connection) ? 'server' : undefined;
  const version = /iperf (\d+\.\d+)/.exec(String(start.version ?? ''));
  result.version = version ? version[1] : '3.x';

  const sockets = new Map<number, { local: Endpoint; remote: Endpoint }>();
  for (const connected of objects(start.connected)) {
    const socket = num(connected, 'socket');
    const localPort = num(connected, 'local_port');
    const remotePort = num(connected, 'remote_port');
    if (socket === undefined || localPort === undefined || remotePort === undefined) continue;
    sockets.set(socket, {
      local: { address: String(connected.local_host), port: localPort },
      remote: { address: String(connected.remote_host), port: remotePort },
    });
  }
  const context: Context = { protocol, reverse, side: result.side, sockets, result };

  for (const interval of objects(root.intervals)) {
    for (const stream of objects(interval.streams)) addRecord(context, stream, false, false);
    if (isObject(interval.sum)) addRecord(context, interval.sum, false, true);
  }
  const end = isObject(root.end) ? root.end : {};
  for (const stream of objects(end.streams)) {
    const whole = protocol === 'udp' ? stream.udp : isObject(stream.receiver) && num(stream.receiver, 'bytes') !== undefined ? stream.receiver : stream.sender;
    if (isObject(whole)) addRecord(context, whole, true, false);
  }
  const endSum = protocol === 'udp' ? end.sum : end.sum_received;
  if (isObject(endSum)) addRecord(context, endSum, true, true);

  if (typeof root.error === 'string') {
    result.errors.push({ line: lineOf(root) ?? rootLine, column: 1, message: `iperf 3 reported an error: ${root.error}` });
  }
  return result;
}

interface Context {
  protocol: 'tcp' | 'udp';
  reverse: boolean;
  side?: 'client' | 'server';
  sockets: Map<number, { local: Endpoint; remote: Endpoint }>;
  result: Iperf3Result;
}

function addRecord(context: Context, object: Json, whole: boolean, sum: boolean): void {
  const line = lineOf(object) ?? 1;
  const missing = ['start', 'end', 'bytes', 'bits_per_second'].filter((key) => num(object, key) === undefined);
  if (missing.length > 0) {
    context.result.errors.push({ line, column: 1, message: `expected numbers for ${missing.join(', ')} in this iperf 3 record` });
    return;
  }
  const negative = ['bytes', 'bits_per_second'].find((key) => num(object, key)! < 0);
  if (negative) {
    context.result.errors.push({ line, column: 1, message: `expected ${negative} of 0 or more, found ${num(object, negative)}` });
    return;
  }
  const socket = num(object, 'socket');
  const endpoints = socket === undefined ? undefined : context.sockets.get(socket);
  const record: IngestRecord = {
    line,
    id: sum ? -1 : socket ?? 0,
    protocol: context.protocol,
    first: endpoints?.local,
    second: endpoints?.remote,
    order: localSends(context, object) ? 'client-first' : 'server-first',
    start: num(object, 'start')!,
    end: num(object, 'end')!,
    bytes: num(object, 'bytes')!,
    bitsPerSecond: num(object, 'bits_per_second')!,
    whole,
    sum,
  };
  const udp = udpCounters(object);
  if (context.protocol === 'udp' && udp) record.udp = udp;
  context.result.records.push(record);
}

/** Whether the host that wrote the file sent this stream's data (then it is the Stream's client). */
function localSends(context: Context, object: Json): boolean {
  if (typeof object.sender === 'boolean') return object.sender;
  const localIsClient = context.side !== 'server';
  return context.reverse ? !localIsClient : localIsClient;
}

function udpCounters(object: Json): UdpCounters | undefined {
  const counters: UdpCounters = {};
  const jitter = num(object, 'jitter_ms');
  const lost = num(object, 'lost_packets');
  const datagrams = num(object, 'packets');
  const loss = num(object, 'lost_percent');
  const outOfOrder = num(object, 'out_of_order');
  if (jitter !== undefined) counters.jitterMs = jitter;
  if (lost !== undefined) counters.lost = lost;
  if (datagrams !== undefined) counters.datagrams = datagrams;
  if (loss !== undefined) counters.lossPercent = loss;
  if (outOfOrder !== undefined) counters.outOfOrder = outOfOrder;
  return Object.keys(counters).length > 0 ? counters : undefined;
}
