import { Readable } from 'node:stream';

import { parse } from 'csv-parse';

import { isIperfText } from './banner.ts';
import type { IngestEvent } from './events.ts';
import { readChunks, type TextSource } from './source.ts';
import { isHeaderRow, layoutFromHeader } from './iperf2-header.ts';
import { CLASSIC_LAYOUT, UDP_LAYOUT, columnOf, readRow, type Layout } from './iperf2-csv-row.ts';

const BATCH = 2048;
const STARTS_WITH_DIGIT = /^\s*[+-]?\d/;

/**
 * Streams the rows of an iperf 2 CSV (`-y C`) file as batches of events, with csv-parse reading
 * one chunk at a time. Quotes are off (iperf never quotes, and a stray quote must not swallow
 * lines) and empty lines are kept as records, so the record count is the line number.
 */
export async function* readIperf2Csv(source: TextSource): AsyncGenerator<IngestEvent[]> {
  const parser = Readable.from(readChunks(source)).pipe(
    parse({ bom: true, quote: false, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }),
  );
  const state: State = { hinted: new Set() };
  let batch: IngestEvent[] = [];
  let line = 0;
  for await (const fields of parser as AsyncIterable<string[]>) {
    line += 1;
    readLine(fields, line, state, batch);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

interface State {
  header?: Layout;
  hinted: Set<string>;
}

function readLine(fields: string[], line: number, state: State, out: IngestEvent[]): void {
  if (fields.length === 1 && fields[0].trim() === '') return;
  if (!STARTS_WITH_DIGIT.test(fields[0])) {
    out.push(nonDataLine(fields, line, state));
    return;
  }
  if (state.header) {
    readRow(fields, line, state.header, undefined, state.hinted, out);
    return;
  }
  const layout = classicLayout(fields);
  if (layout) {
    readRow(fields, line, layout, fields.length, state.hinted, out);
    return;
  }
  const message = `expected 9 columns (TCP) or 14 (UDP), found ${fields.length}`;
  out.push({ kind: 'error', error: { line, column: columnOf(fields, Math.min(fields.length, 9)), message } });
}

/** A header row (2.2.x), a line of iperf's own text, or a line that should not be there. */
function nonDataLine(fields: string[], line: number, state: State): IngestEvent {
  if (isHeaderRow(fields)) {
    const layout = layoutFromHeader(fields);
    if ('missing' in layout) {
      return { kind: 'error', error: { line, column: 1, message: `expected a header naming ${layout.missing.join(', ')}` } };
    }
    state.header = layout;
    return { kind: 'hint', version: '2.2.x' };
  }
  const text = fields.join(',');
  if (isIperfText(text)) return { kind: 'text', line };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return { kind: 'error', error: { line, column: 1, message: `expected an iperf 2 CSV row starting with a timestamp, found "${shown}"` } };
}

/**
 * Picks the layout from the column count, as files before 2.2 have no header: 9 for TCP, 14 for
 * UDP, and 15 or more only for 2.1.9+ `-e` rows, which carry a time-zone prefix. Any other count
 * means a damaged row.
 */
function classicLayout(fields: string[]): Layout | undefined {
  if (fields.length === 9) return CLASSIC_LAYOUT;
  if (fields.length === 14) return UDP_LAYOUT;
  const zoned = /^\s*[+-]\d{4}:/.test(fields[0]);
  if (zoned && fields.length >= 15) return /^\s*(?:-?nan|\d+\.\d+)\s*$/i.test(fields[9]) ? UDP_LAYOUT : CLASSIC_LAYOUT;
  return undefined;
}
