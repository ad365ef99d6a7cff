import type { Endpoint, LineError, SummaryRow, UdpCounters } from './types.ts';

/**
 * One measured row as a reader found it, before rows are grouped into streams.
 * `first` and `second` are the endpoints in the order the file lists them. `order` marks the
 * client when the format states it, and otherwise the assembler works it out.
 */
export interface IngestRecord {
  line: number;
  /** Transfer id (iperf 2) or socket (iperf 3) as written. */
  id: number;
  protocol: 'tcp' | 'udp';
  first?: Endpoint;
  second?: Endpoint;
  order?: 'client-first' | 'server-first';
  start: number;
  end: number;
  bytes: number;
  bitsPerSecond: number;
  udp?: UdpCounters;
  /** A row adding up all streams (iperf 2 sum row, iperf 3 `sum`). */
  sum?: boolean;
  /** The format marks this row as the whole-test result (iperf 3 `end`, text files do not). */
  whole?: boolean;
}

/** Event a reader yields while it walks a file, in file order. */
export type IngestEvent =
  | { kind: 'record'; record: IngestRecord }
  | { kind: 'row'; row: SummaryRow }
  | { kind: 'error'; error: LineError }
  /** A line of human-readable text that iperf itself prints (a banner, a warning). */
  | { kind: 'text'; line: number }
  /** A clue about the version or side that wrote the file, found on some line. */
  | { kind: 'hint'; version?: string; side?: 'client' | 'server' };
