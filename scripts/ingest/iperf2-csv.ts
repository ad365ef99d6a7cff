import { Readable } from 'node:stream';

import { parse } from 'csv-parse';

import { isIperfText } from './banner.ts';
import type { IngestEvent } from './events.ts';
import { isHeaderRow, layoutFromHeader } from './iperf2-header.ts';
import { classicLayoutFor, columnOf, readRow, type Layout } from './iperf2-csv-row.ts';

/**
 * Streams the rows of an iperf 2 CSV (`-y C`) file as events, with csv-parse reading one chunk
 * at a time. Quotes are off: iperf never quotes, and a stray quote must not swallow lines.
 */
export async function* readIperf2Csv(text: AsyncIterable<string>): AsyncGenerator<IngestEvent> {
  const parser = Readable.from(text).pipe(
    parse({
      info: true,
      quote: false,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }),
  );
  let header: Layout | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const line = info.lines;
    const fields = record;
    if (fields.length === 1 && fields[0].trim() === '') continue;
    if (isHeaderRow(fields)) {
      const layout = layoutFromHeader(fields);
      if ('missing' in layout) {
        yield { kind: 'error', error: { line, column: 1, message: `expected a header naming ${layout.missing.join(', ')}` } };
      } else {
        header = layout;
        yield { kind: 'hint', version: '2.2.x' };
      }
      continue;
    }
    if (!/^\s*[+-]?\d/.test(fields[0]) && isIperfText(fields.join(','))) {
      yield { kind: 'text', line };
      continue;
    }
    if (!/^\s*[+-]?\d/.test(fields[0])) {
      const message = `expected an iperf 2 CSV row starting with a timestamp, found "${preview(fields.join(','))}"`;
      yield { kind: 'error', error: { line, column: 1, message } };
      continue;
    }
    if (header) {
      yield* readRow(fields, line, header);
      continue;
    }
    const classic = classicLayout(fields);
    if ('message' in classic) {
      yield { kind: 'error', error: { line, column: columnOf(fields, Math.min(fields.length, 9)), message: classic.message } };
      continue;
    }
    yield* readRow(fields, line, classic.layout, classic.columns);
  }
}

/**
 * Before 2.2 the column count tells the layout: 9 for TCP, 14 for UDP, and 15 or more only for
 * 2.1.9+ `-e` rows, which carry a time-zone prefix. Any other count means a damaged row.
 */
function classicLayout(fields: string[]): { layout: Layout; columns: number } | { message: string } {
  const zoned = /^\s*[+-]\d{4}:/.test(fields[0]);
  if (zoned && fields.length >= 15) return { layout: classicLayoutFor(fields), columns: fields.length };
  if (fields.length === 9 || fields.length === 14) return { layout: classicLayoutFor(fields), columns: fields.length };
  return { message: `expected 9 columns (TCP) or 14 (UDP), found ${fields.length}` };
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
