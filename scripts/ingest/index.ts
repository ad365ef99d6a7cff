import { basename } from 'node:path';

import { Assembler, type AssembleOptions } from './assemble.ts';
import { detectFormat } from './detect.ts';
import type { IngestEvent, IngestRecord } from './events.ts';
import { READERS } from './readers.ts';
import { readHead } from './source.ts';
import type { IngestedFile, LogFormat } from './types.ts';

export type { IngestEvent, IngestRecord } from './events.ts';
export type * from './types.ts';

/** Detected format of a file (or the reason to skip it), before its records are read. */
export type Opened =
  | { path: string; format: LogFormat; side?: 'client' | 'server'; batches: AsyncGenerator<IngestEvent[]> }
  | { path: string; skip: string };

/**
 * Detects a file's format and returns its events as an async iterator of batches, so a caller
 * can fold a file of any size without holding it: records, bad lines, banner lines, version hints.
 */
export async function openLog(path: string): Promise<Opened> {
  const head = await readHead(path);
  const detection = detectFormat(head.text, head.binary);
  if ('skip' in detection) return { path, skip: detection.skip };
  const reader = READERS[detection.format];
  return { path, format: detection.format, side: detection.side, batches: reader({ path, encoding: head.encoding }) };
}

/**
 * Reads one file completely into streams with their intervals and whole-test summaries. A file
 * that cannot be opened or read (permissions, a folder) is rejected rather than thrown.
 * The result contains every interval unless `options.intervals` is false, so memory grows with the
 * file; a caller that needs only the whole-test rows passes `{ intervals: false }`.
 */
export async function ingestFile(path: string, options: AssembleOptions = {}): Promise<IngestedFile> {
  try {
    const opened = await openLog(path);
    if ('skip' in opened) return { path, status: 'skipped', records: 0, streams: [], errors: [], reason: opened.skip };
    const assembler = new Assembler(options);
    for await (const batch of opened.batches) for (const event of batch) assembler.add(event);
    return assembler.finish(path, opened.format, undefined, opened.side ?? sideFromName(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (!code) throw error;
    const message = `failed to read the file (${code}): check that it exists and is a readable file`;
    return { path, status: 'rejected', records: 0, streams: [], errors: [{ line: 1, column: 1, message }], reason: message };
  }
}

/** Yields the records of one log one at a time, for callers that need no streams or summaries. */
export async function* readRecords(path: string): AsyncGenerator<IngestRecord> {
  const opened = await openLog(path);
  if ('skip' in opened) return;
  for await (const batch of opened.batches) {
    for (const event of batch) if (event.kind === 'record') yield event.record;
  }
}

/** Only used when the content does not say which end wrote it (iperf 2 CSV never does). */
function sideFromName(path: string): 'client' | 'server' | undefined {
  const name = basename(path).toLowerCase();
  if (name.includes('client')) return 'client';
  if (name.includes('server')) return 'server';
  return undefined;
}
