import type { IngestEvent, IngestRecord } from './events.ts';
import { AllRecords, SummaryCandidates, type KeptRecords } from './kept-records.ts';
import { StreamGroups } from './stream-groups.ts';
import type { Endpoint, IngestedFile, Interval, LineError, LogFormat, Stream, SummaryRow } from './types.ts';

interface Group {
  id: number;
  protocol: 'tcp' | 'udp';
  records: KeptRecords;
}

export interface AssembleOptions {
  /**
   * Keeps every interval of every stream (the default). Without them each stream has only its
   * whole-test row, and memory stays flat however long the file is.
   */
  intervals?: boolean;
}

/** Collects a reader's events and groups its records into streams once the file has been read. */
export class Assembler {
  private readonly intervals: boolean;
  private readonly groups: StreamGroups<Group>;
  private readonly sums: KeptRecords;
  private readonly errors: LineError[] = [];
  private readonly rows: SummaryRow[] = [];
  private readonly versions = new Set<string>();
  private side?: 'client' | 'server';
  private textLines = 0;
  private count = 0;

  constructor({ intervals = true }: AssembleOptions = {}) {
    this.intervals = intervals;
    this.groups = new StreamGroups((record) => ({ id: record.id, protocol: record.protocol, records: this.keeper() }));
    this.sums = this.keeper();
  }

  private keeper(): KeptRecords {
    return this.intervals ? new AllRecords() : new SummaryCandidates();
  }

  add(event: IngestEvent): void {
    switch (event.kind) {
      case 'record':
        this.addRecord(event.record);
        break;
      case 'row':
        this.rows.push(event.row);
        this.count += 1;
        break;
      case 'error':
        this.errors.push(event.error);
        break;
      case 'text':
        this.textLines += 1;
        break;
      case 'hint':
        if (event.version) this.versions.add(event.version);
        if (event.side) this.side ??= event.side;
        break;
    }
  }

  private addRecord(record: IngestRecord): void {
    this.count += 1;
    if (record.sum) {
      this.sums.add(record);
      return;
    }
    this.groups.of(record).records.add(record);
  }

  finish(path: string, format: LogFormat, fallbackVersion?: string, sideHint?: 'client' | 'server'): IngestedFile {
    const groups = this.groups.groups();
    const clientFirst = listsClientFirst(groups.map((group) => group.records.list()[0]));
    const streams = groups.map((group) => this.stream(group.id, group.protocol, group.records.list(), clientFirst));
    const file: IngestedFile = {
      path,
      status: this.count > 0 ? 'parsed' : 'rejected',
      format,
      version: pickVersion(this.versions) ?? fallbackVersion,
      side: this.side ?? sideHint,
      records: this.count,
      streams,
      errors: this.errors,
    };
    if (format === 'iperf2-csv' && !file.version && this.count > 0) file.version = iperf2Version(clientFirst, file.side);
    if (format === 'summary-csv') file.table = this.rows;
    const sums = this.sums.list();
    if (sums.length > 0) file.sum = this.stream(-1, sums[0].protocol, sums, clientFirst);
    if (this.textLines > 0) file.textLines = this.textLines;
    if (this.count === 0) {
      file.reason =
        this.errors.length > 0
          ? `no measurement could be read (${this.errors.length} bad line(s); first: ${this.errors[0].message})`
          : 'the file holds no measurement rows';
    }
    return file;
  }

  /** Builds a stream, leaving out its intervals unless they were kept. */
  private stream(id: number, protocol: 'tcp' | 'udp', records: IngestRecord[], clientFirst: boolean): Stream {
    const stream = buildStream(id, protocol, records, clientFirst);
    if (this.intervals) return stream;
    const { otherSummaries: _others, ...whole } = stream;
    return { ...whole, intervals: [] };
  }
}

/** Without a clue on any line: 2.0.x servers list themselves first, 2.1.x servers the peer first. */
function iperf2Version(clientFirst: boolean, side?: 'client' | 'server'): string {
  if (!clientFirst) return '2.0.x';
  return side === 'server' ? '2.1.x' : '2.0.x or 2.1.x';
}

function endpointKey(endpoint?: Endpoint): string {
  return endpoint ? `${endpoint.address}:${endpoint.port}` : '';
}

/** The most specific version clue wins: a header (2.2.x) over a zone prefix (2.1.9+) over the rest. */
function pickVersion(versions: Set<string>): string | undefined {
  for (const version of ['2.2.x', '2.1.9+', '2.1.x', '2.0.x']) if (versions.has(version)) return version;
  return [...versions][0];
}

/**
 * Decides whether the file lists the client before the server. iperf 2.1+ always does, but 2.0.x
 * servers list themselves first. With several connections the shared endpoint is the server.
 * With one, the server has the low listening port and the client a Linux ephemeral one (32768+).
 */
export function listsClientFirst(samples: IngestRecord[]): boolean {
  const told = samples.find((r) => r.order);
  if (told) return told.order === 'client-first';
  const firsts = new Set(samples.map((r) => endpointKey(r.first)));
  const seconds = new Set(samples.map((r) => endpointKey(r.second)));
  if (samples.length > 1 && firsts.size === 1 && seconds.size > 1) return false;
  if (samples.length > 1 && seconds.size === 1 && firsts.size > 1) return true;
  const sample = samples[0];
  if (!sample?.first || !sample.second) return true;
  return !(sample.first.port < 32768 && sample.second.port >= 32768);
}

function buildStream(id: number, protocol: 'tcp' | 'udp', records: IngestRecord[], clientFirst: boolean): Stream {
  const head = records[0];
  const stream: Stream = { id, protocol, intervals: [] };
  const firstIsClient = head.order ? head.order === 'client-first' : clientFirst;
  const client = firstIsClient ? head.first : head.second;
  const server = firstIsClient ? head.second : head.first;
  if (client) stream.client = client;
  if (server) stream.server = server;

  const summaryIndex = wholeTestIndex(records);
  const summary = summaryIndex === undefined ? undefined : records[summaryIndex];
  // With per-second rows present, another row spanning the whole test is a second summary, not an interval.
  const hasLaterIntervals = records.some((record) => record.start > 0);
  records.forEach((record, index) => {
    if (index === summaryIndex) {
      stream.summary = toInterval(record);
    } else if (summary && hasLaterIntervals && record.start === summary.start && record.end === summary.end && !record.whole) {
      (stream.otherSummaries ??= []).push(toInterval(record));
    } else {
      stream.intervals.push(toInterval(record));
    }
  });
  stream.intervals.sort((a, b) => a.start - b.start || a.end - b.end || a.line - b.line);
  return stream;
}

/**
 * Finds the whole-test row: one the format marks, else the row starting at 0 with the largest
 * end. When two rows tie (a one-second test repeats 0.0-1.0), the later line is the summary.
 */
export function wholeTestIndex(records: IngestRecord[]): number | undefined {
  const marked = records.findIndex((r) => r.whole);
  if (marked >= 0) return marked;
  if (records.some((r) => r.whole === false)) return undefined;
  // A reduce, not Math.max(...ends): a long stream has more rows than a call takes arguments.
  const largestEnd = records.reduce((largest, r) => Math.max(largest, r.end), -Infinity);
  let found: number | undefined;
  records.forEach((record, index) => {
    if (record.start === 0 && record.end === largestEnd) {
      if (found === undefined || record.line > records[found].line) found = index;
    }
  });
  return found;
}

function toInterval(record: IngestRecord): Interval {
  const interval: Interval = {
    start: record.start,
    end: record.end,
    bytes: record.bytes,
    bitsPerSecond: record.bitsPerSecond,
    line: record.line,
  };
  if (record.udp) interval.udp = record.udp;
  return interval;
}
