import type { IngestEvent } from './events.ts';
import { readIperf2Csv } from './iperf2-csv.ts';
import { readIperf2Text } from './iperf2-text.ts';
import { readIperf3Json } from './iperf3-json.ts';
import { readSummaryCsv } from './summary-csv.ts';
import type { LogFormat } from './types.ts';

export type Reader = (text: AsyncIterable<string>) => AsyncGenerator<IngestEvent>;

/** One streaming reader per format. */
export const READERS: Record<LogFormat, Reader> = {
  'iperf2-csv': readIperf2Csv,
  'iperf2-text': readIperf2Text,
  'iperf3-json': readIperf3Json,
  'summary-csv': readSummaryCsv,
};
