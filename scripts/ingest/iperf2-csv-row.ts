import type { IngestEvent, IngestRecord } from './events.ts';
import { isNotANumber, readDecimal, readInteger, readSpan } from './numbers.ts';
import { quoted } from './quoted.ts';
import type { Endpoint, UdpCounters } from './types.ts';

/** Column positions of each value in a row. Files from 2.2.x name their columns in a header instead. */
export interface Layout {
  timestamp: number;
  firstAddress: number;
  firstPort: number;
  secondAddress: number;
  secondPort: number;
  id: number;
  /** `start-end` in one column (before 2.2), or separate start and end columns. */
  span?: number;
  start?: number;
  end?: number;
  bytes: number;
  bitsPerSecond: number;
  udp?: { jitter: number; lost: number; datagrams: number; lossPercent: number; outOfOrder: number };
}

/** The fixed layout of iperf 2.0.x and 2.1.x rows: 9 columns for TCP, 14 for UDP. */
export const CLASSIC_LAYOUT: Layout = {
  timestamp: 0, firstAddress: 1, firstPort: 2, secondAddress: 3, secondPort: 4, id: 5, span: 6, bytes: 7, bitsPerSecond: 8,
};
/** The same with the UDP counters of 14-column rows. */
export const UDP_LAYOUT: Layout = { ...CLASSIC_LAYOUT, udp: { jitter: 9, lost: 10, datagrams: 11, lossPercent: 12, outOfOrder: 13 } };

const TIMESTAMP = /^\s*(?<zone>[+-]\d{4}:)?\d{14}(?<fraction>\.\d+)?\s*$/;
const ADDRESS = /^[0-9A-Za-z:.%_-]+$/;

/** Thrown inside row reading; becomes a LineError at the column of the field. */
class FieldError extends Error {
  constructor(readonly index: number, message: string) {
    super(message);
  }
}

/** 1-based column where field `index` starts, given that fields are separated by one comma. */
export function columnOf(fields: string[], index: number): number {
  let column = 1;
  for (let i = 0; i < index && i < fields.length; i += 1) column += fields[i].length + 1;
  return column;
}

/** Reads one data row into `out`: a record plus version hints, or one error naming the bad field. */
export function readRow(fields: string[], line: number, layout: Layout, expectedColumns: number | undefined, hinted: Set<string>, out: IngestEvent[]): void {
  try {
    const wanted = expectedColumns ?? columnsNeeded(layout);
    if (fields.length < wanted) {
      throw new FieldError(fields.length, `expected ${wanted} comma-separated columns, found ${fields.length}`);
    }
    const version = versionOfTimestamp(fields[layout.timestamp], layout.timestamp);
    const hints: string[] = version ? [version] : [];
    const record = rowRecord(fields, line, layout, hints);
    for (const hint of hints) {
      if (hinted.has(hint)) continue;
      hinted.add(hint);
      out.push({ kind: 'hint', version: hint });
    }
    out.push({ kind: 'record', record });
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    out.push({ kind: 'error', error: { line, column: columnOf(fields, error.index), message: error.message } });
  }
}

const neededColumns = new WeakMap<Layout, number>();

function columnsNeeded(layout: Layout): number {
  let needed = neededColumns.get(layout);
  if (needed === undefined) {
    const indexes = Object.values(layout).flatMap((value) => (typeof value === 'number' ? [value] : Object.values(value ?? {})));
    needed = Math.max(...(indexes as number[])) + 1;
    neededColumns.set(layout, needed);
  }
  return needed;
}

function versionOfTimestamp(text: string, index: number): string | undefined {
  const stamp = TIMESTAMP.exec(text);
  if (!stamp) throw new FieldError(index, `expected a timestamp like 20261204151039, found ${quoted(text)}`);
  if (stamp.groups?.zone) return '2.1.9+';
  if (stamp.groups?.fraction) return '2.1.x';
  return undefined;
}

function rowRecord(fields: string[], line: number, layout: Layout, hints: string[]): IngestRecord {
  const first = endpoint(fields, layout.firstAddress, layout.firstPort);
  const second = endpoint(fields, layout.secondAddress, layout.secondPort);
  const id = need(readInteger(fields[layout.id]), layout.id, 'a transfer id (an integer)', fields);
  const { start, end } = span(fields, layout);
  const bytes = need(readInteger(fields[layout.bytes]), layout.bytes, 'a byte count (an integer)', fields);
  const bitsPerSecond = need(readDecimal(fields[layout.bitsPerSecond]), layout.bitsPerSecond, 'bits per second (a number)', fields);
  if (bytes < 0) throw new FieldError(layout.bytes, `expected a byte count of 0 or more, found ${bytes}`);
  if (bitsPerSecond < 0) throw new FieldError(layout.bitsPerSecond, `expected bits per second of 0 or more, found ${bitsPerSecond}`);

  const udp = layout.udp ? udpCounters(fields, layout.udp, hints) : undefined;
  // Sum rows carry transfer id -1 (and port 0); full-duplex rows with port 0 but a real id are a stream.
  const sum = id === -1;
  const record: IngestRecord = { line, id, protocol: udp ? 'udp' : 'tcp', first, second, start, end, bytes, bitsPerSecond, sum };
  if (udp) record.udp = udp;
  return record;
}

function need(value: number | undefined, index: number, what: string, fields: string[]): number {
  if (value === undefined) throw new FieldError(index, `expected ${what}, found ${quoted(fields[index])}`);
  return value;
}

function endpoint(fields: string[], addressIndex: number, portIndex: number): Endpoint {
  const address = fields[addressIndex].trim();
  if (!ADDRESS.test(address)) throw new FieldError(addressIndex, `expected an IPv4 or IPv6 address, found ${quoted(fields[addressIndex])}`);
  const port = readInteger(fields[portIndex]);
  if (port === undefined || port < 0 || port > 65535) {
    throw new FieldError(portIndex, `expected a port number 0–65535, found ${quoted(fields[portIndex])}`);
  }
  return { address, port };
}

function span(fields: string[], layout: Layout): { start: number; end: number } {
  if (layout.span !== undefined) {
    const value = readSpan(fields[layout.span]);
    if (!value) throw new FieldError(layout.span, `expected an interval like 0.0-1.0, found ${quoted(fields[layout.span])}`);
    return value;
  }
  const start = need(readDecimal(fields[layout.start!]), layout.start!, 'an interval start in seconds', fields);
  const end = need(readDecimal(fields[layout.end!]), layout.end!, 'an interval end in seconds', fields);
  if (start < 0 || end < start) throw new FieldError(layout.end!, `expected an interval end after its start ${start}, found ${end}`);
  return { start, end };
}

/** UDP counters; `nan` becomes an absent field (never 0), other unreadable text is an error. */
function udpCounters(fields: string[], columns: NonNullable<Layout['udp']>, hints: string[]): UdpCounters {
  const counters: UdpCounters = {};
  const read = (index: number, parse: (text: string) => number | undefined, what: string): number | undefined => {
    const text = fields[index];
    if (isNotANumber(text)) {
      hints.push('2.0.x');
      return undefined;
    }
    return need(parse(text), index, what, fields);
  };
  counters.jitterMs = read(columns.jitter, readDecimal, 'a jitter in ms');
  counters.lost = read(columns.lost, readInteger, 'a count of lost datagrams');
  const datagrams = read(columns.datagrams, readInteger, 'a count of datagrams');
  const loss = read(columns.lossPercent, readDecimal, 'a loss percentage');
  counters.outOfOrder = read(columns.outOfOrder, readInteger, 'a count of out-of-order datagrams');
  // A client's whole-test row prints total -1 and loss -0.000: the sender cannot know either.
  if (datagrams !== undefined && datagrams >= 0) {
    counters.datagrams = datagrams;
    counters.lossPercent = loss;
  }
  for (const key of Object.keys(counters) as Array<keyof UdpCounters>) {
    if (counters[key] === undefined) delete counters[key];
  }
  return counters;
}
