/** The shapes ingest produces. Analyze and the pages read only these. */

export type LogFormat = 'iperf2-csv' | 'iperf2-text' | 'iperf3-json' | 'summary-csv';

/** Every file under a run ends in exactly one of these states. */
export type FileStatus = 'parsed' | 'skipped' | 'rejected';

export interface Endpoint {
  address: string;
  port: number;
}

/** Datagram counters that iperf reports for UDP tests; a field is absent when the file has no readable value. */
export interface UdpCounters {
  jitterMs?: number;
  lost?: number;
  datagrams?: number;
  lossPercent?: number;
  outOfOrder?: number;
}

/** One measured span of a stream: an interval row, or the whole-test row. */
export interface Interval {
  /** Seconds from the start of the test. */
  start: number;
  end: number;
  bytes: number;
  bitsPerSecond: number;
  /** 1-based line of the source file the values were read from. */
  line: number;
  udp?: UdpCounters;
}

/** One TCP connection or UDP flow as one side of the test saw it. */
export interface Stream {
  /** iperf's transfer id (iperf 2) or socket id (iperf 3), as written in the file. */
  id: number;
  protocol: 'tcp' | 'udp';
  /** The side that sent the data (the iperf client, unless the test ran reversed). */
  client?: Endpoint;
  server?: Endpoint;
  /** Per-interval rows in time order, whatever order the file had them in. */
  intervals: Interval[];
  /** The whole-test row: the one starting at 0 with the largest end; absent when the file has none. */
  summary?: Interval;
  /** Earlier rows spanning the whole test too (a UDP client's own figures before the server report). */
  otherSummaries?: Interval[];
}

/** A problem on one line of a file that ingest could not read. */
export interface LineError {
  line: number;
  column: number;
  message: string;
}

/** One row of a summary CSV in the shape of data/published/summary.csv. */
export interface SummaryRow {
  line: number;
  setup: string;
  technique: string;
  serverContainers: number;
  clientContainers: number;
  clientsPerContainer: number;
  gbps: number;
}

export interface IngestedFile {
  path: string;
  status: FileStatus;
  format?: LogFormat;
  /** Best guess of the iperf version that wrote the file, e.g. "2.1.x". */
  version?: string;
  /** End of the test that wrote the file, when the content or file name shows it. */
  side?: 'client' | 'server';
  /** Interval and summary records kept. */
  records: number;
  streams: Stream[];
  /** Lines that could not be read; a parsed file may still list some. */
  errors: LineError[];
  /** Reason a file was skipped or rejected. */
  reason?: string;
  /** Rows that add up all streams (iperf 2 `-P N` sum rows, iperf 3 `sum`), kept apart from `streams`. */
  sum?: Stream;
  /** The rows of a summary CSV (format 'summary-csv'); iperf logs have streams instead. */
  table?: SummaryRow[];
  /** Lines of human-readable text (banners, warnings) that were recognised as such and not read as data. */
  textLines?: number;
}
