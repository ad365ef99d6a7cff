import type { IngestEvent, IngestRecord } from './events.ts';
import { JsonSyntaxError, scanJson, type JsonValue } from './json-scan.ts';
import { lineStarts, positionOf } from '../positions.ts';
import { iperf3Records } from './iperf3-records.ts';

const MAX_CHARS = 256 * 1024 * 1024;

/**
 * Reads iperf 3 `-J` output. The text may hold warnings before the JSON, error text after it,
 * several objects back to back, or an object cut off at the end; each object is read on its own.
 */
export async function* readIperf3Json(chunks: AsyncIterable<string>): AsyncGenerator<IngestEvent> {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk;
    if (text.length > MAX_CHARS) {
      yield { kind: 'error', error: { line: 1, column: 1, message: 'expected an iperf 3 JSON file under 256 MiB; this one is larger' } };
      return;
    }
  }
  const starts = lineStarts(text);
  const lineAt = (offset: number) => positionOf(starts, offset).line;
  let pos = 0;
  while (pos < text.length) {
    const next = skipBlank(text, pos);
    if (next >= text.length) break;
    if (text[next] !== '{') {
      const lineEnd = endOfLine(text, next);
      yield textLine(text.slice(next, lineEnd), lineAt(next));
      pos = lineEnd;
      continue;
    }
    try {
      const scanned = scanJson(text, next, lineAt);
      yield* objectEvents(scanned.value, lineAt(next));
      if (scanned.cutAt !== undefined) {
        const end = positionOf(starts, text.length);
        const open = positionOf(starts, scanned.cutAt);
        yield { kind: 'error', error: { ...end, message: `expected the JSON to go on: the file ends inside the object opened at ${open.line}:${open.column}` } };
      }
      pos = scanned.end;
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      yield { kind: 'error', error: { ...positionOf(starts, error.offset), message: error.message } };
      // Resume at the next line that opens an object, so a later object can still be read.
      const resume = text.indexOf('\n{', error.offset);
      pos = resume < 0 ? text.length : resume + 1;
    }
  }
}

function* objectEvents(value: JsonValue, line: number): Generator<IngestEvent> {
  const result = iperf3Records(value, line);
  if (result.side) yield { kind: 'hint', side: result.side, version: result.version };
  for (const error of result.errors) yield { kind: 'error', error };
  for (const record of result.records) yield { kind: 'record', record: record as IngestRecord };
}

function textLine(content: string, line: number): IngestEvent {
  if (/^(warning|iperf3?:|error|interrupt|\s*$)/i.test(content.trim())) return { kind: 'text', line };
  return { kind: 'error', error: { line, column: 1, message: `expected iperf 3 JSON, found "${content.trim().slice(0, 40)}"` } };
}

function skipBlank(text: string, from: number): number {
  let pos = from;
  while (pos < text.length && /\s/.test(text[pos])) pos += 1;
  return pos;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline + 1;
}


