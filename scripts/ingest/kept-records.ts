import type { IngestRecord } from './events.ts';

/** The records of one stream that the assembler keeps while a file is read. */
export interface KeptRecords {
  add(record: IngestRecord): void;
  /** Lists the kept records in file order; the first is the stream's first record. */
  list(): IngestRecord[];
}

/** Keeps every record, for callers that need each interval. */
export class AllRecords implements KeptRecords {
  private readonly records: IngestRecord[] = [];

  add(record: IngestRecord): void {
    this.records.push(record);
  }

  list(): IngestRecord[] {
    return this.records;
  }
}

/**
 * Keeps only the records that decide a stream's whole-test row, so memory stays flat however
 * long the stream is. These are the first record, the first marked whole and the first marked
 * partial, the one that ends last, and the latest of the rows from 0 that end last. Among them
 * `wholeTestIndex` finds the same row as among all the records.
 */
export class SummaryCandidates implements KeptRecords {
  private first?: IngestRecord;
  private firstWhole?: IngestRecord;
  private firstPart?: IngestRecord;
  private furthest?: IngestRecord;
  private furthestFromStart?: IngestRecord;

  add(record: IngestRecord): void {
    this.first ??= record;
    if (record.whole === true) this.firstWhole ??= record;
    if (record.whole === false) this.firstPart ??= record;
    if (!this.furthest || record.end > this.furthest.end) this.furthest = record;
    if (record.start === 0 && (!this.furthestFromStart || record.end >= this.furthestFromStart.end)) this.furthestFromStart = record;
  }

  list(): IngestRecord[] {
    const candidates = new Set([this.first, this.firstWhole, this.firstPart, this.furthest, this.furthestFromStart]);
    candidates.delete(undefined);
    return ([...candidates] as IngestRecord[]).sort((a, b) => a.line - b.line);
  }
}
