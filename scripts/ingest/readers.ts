import type { IngestEvent } from './events.ts';
import { readIperf2Csv } from './iperf2-csv.ts';
import { readIperf2Text } from './iperf2-text.ts';
import { readIperf3Json } from './iperf3-json.ts';
import { readSummaryCsv } from './summary-csv.ts';
import { readChunks, readText, type TextSource } from './source.ts';
import type { LogFormat } from './types.ts';

/** A reader yields its events in batches, so a large file costs one await per batch, not per row. */
export type Reader = (source: TextSource) => AsyncGenerator<IngestEvent[]>;

/** One streaming reader per format. */
export const READERS: Record<LogFormat, Reader> = {
  'iperf2-csv': readIperf2Csv,
  'iperf2-text': (source) => inBatches(readIperf2Text(readText(source.path, source.encoding))),
  'iperf3-json': (source) => inBatches(readIperf3Json(readText(source.path, source.encoding))),
  'summary-csv': (source) => inBatches(readSummaryCsv(readChunks(source))),
};

async function* inBatches(events: AsyncGenerator<IngestEvent>, size = 512): AsyncGenerator<IngestEvent[]> {
  let batch: IngestEvent[] = [];
  for await (const event of events) {
    batch.push(event);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
