import { isIperfText } from './banner.ts';
import type { IngestEvent } from './events.ts';
import { readText, type TextSource } from './source.ts';
import { MAX_LINE_CHARS, lineBatches } from './lines.ts';
import { isHeaderRow, layoutFromHeader } from './iperf2-header.ts';
import { CommonTcpRows, hasMilliseconds } from './iperf2-csv-fast.ts';
import { CLASSIC_LAYOUT, UDP_LAYOUT, columnOf, readRow, type Layout } from './iperf2-csv-row.ts';
import { quoted } from './quoted.ts';

const STARTS_WITH_DIGIT = /^\s*[+-]?\d/;

/**
 * Streams the rows of an iperf 2 CSV (`-y C`) file as batches of events, one batch per chunk of
 * about 1 MiB. iperf never quotes a field, so a row is its line split at each comma, and a stray
 * quote cannot swallow the lines after it. Empty lines count, so line numbers match an editor's.
 * Most rows of a real log have one common shape, read by `CommonTcpRows` with a single regular
 * expression; `readLine` reads the rest field by field.
 */
export async function* readIperf2Csv(source: TextSource): AsyncGenerator<IngestEvent[]> {
  const state: State = { hinted: new Set() };
  const common = new CommonTcpRows();
  for await (const { first, lines } of lineBatches(readText(source.path, source.encoding))) {
    const batch: IngestEvent[] = [];
    for (let i = 0; i < lines.length; i += 1) {
      const row = state.header ? undefined : common.read(lines[i], first + i);
      if (row === undefined) {
        if (lines[i].length > MAX_LINE_CHARS) batch.push(cutLine(first + i));
        else readLine(lines[i].split(','), first + i, state, batch);
        continue;
      }
      if (!state.hinted.has('2.1.x') && hasMilliseconds(lines[i])) {
        state.hinted.add('2.1.x');
        batch.push({ kind: 'hint', version: '2.1.x' });
      }
      batch.push({ kind: 'record', record: row });
    }
    yield batch;
  }
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

/** Reports a line that the splitter cut, because its kept start alone would be misread. */
function cutLine(line: number): IngestEvent {
  const message = `expected a line of at most ${MAX_LINE_CHARS} characters, found a longer one (not read past this column)`;
  return { kind: 'error', error: { line, column: MAX_LINE_CHARS + 1, message } };
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
  return { kind: 'error', error: { line, column: 1, message: `expected an iperf 2 CSV row starting with a timestamp, found ${quoted(text)}` } };
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
