import { Readable } from 'node:stream';

import { parse } from 'csv-parse';

import type { IngestEvent } from './events.ts';
import { columnOf } from './iperf2-csv-row.ts';
import { readDecimal, readInteger } from './numbers.ts';
import { quoted } from './quoted.ts';
import type { SummaryRow } from './types.ts';

const COLUMNS = ['setup', 'technique', 'server_containers', 'client_containers', 'clients_per_container', 'gbps'] as const;

/** Reads a summary CSV (setup, technique, container counts, gbps), one event per row. */
export async function* readSummaryCsv(text: AsyncIterable<string | Buffer>): AsyncGenerator<IngestEvent> {
  const parser = Readable.from(text).pipe(
    parse({ info: true, quote: false, relax_column_count: true, skip_empty_lines: true, bom: true, record_delimiter: ['\r\n', '\n', '\r'] }),
  );
  let positions: number[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const line = info.lines;
    const fields = record.map((field) => field.trim());
    if (!positions) {
      positions = COLUMNS.map((name) => fields.indexOf(name));
      const missing = COLUMNS.filter((_, index) => positions![index] < 0);
      if (missing.length > 0) {
        yield { kind: 'error', error: { line, column: 1, message: `expected a header with ${COLUMNS.join(',')}; missing ${missing.join(', ')}` } };
        return;
      }
      continue;
    }
    yield rowEvent(record, positions, line);
  }
}

function rowEvent(record: string[], positions: number[], line: number): IngestEvent {
  const cell = (index: number) => record[positions[index]];
  const fail = (index: number, message: string): IngestEvent => ({
    kind: 'error',
    error: { line, column: columnOf(record, Math.min(positions[index], record.length)), message },
  });
  for (const index of [0, 1]) {
    if (cell(index) === undefined || cell(index).trim() === '') return fail(index, `expected a ${COLUMNS[index]} name`);
  }
  const counts: number[] = [];
  for (const index of [2, 3, 4]) {
    const value = cell(index) === undefined ? undefined : readInteger(cell(index));
    if (value === undefined || value < 1) return fail(index, `expected ${COLUMNS[index]} as a whole number of 1 or more, found ${quoted(cell(index) ?? '')}`);
    counts.push(value);
  }
  const gbps = cell(5) === undefined ? undefined : readDecimal(cell(5));
  if (gbps === undefined || gbps < 0) return fail(5, `expected gbps as a number of 0 or more, found ${quoted(cell(5) ?? '')}`);
  const row: SummaryRow = {
    line,
    setup: cell(0).trim(),
    technique: cell(1).trim(),
    serverContainers: counts[0],
    clientContainers: counts[1],
    clientsPerContainer: counts[2],
    gbps,
  };
  return { kind: 'row', row };
}
