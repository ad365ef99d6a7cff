import type { IngestEvent } from './events.ts';
import { readIperf2Csv } from './iperf2-csv.ts';
import type { LogFormat } from './types.ts';

export type Reader = (text: AsyncIterable<string>) => AsyncGenerator<IngestEvent>;

/** One streaming reader per format. */
export const READERS: Partial<Record<LogFormat, Reader>> = {
  'iperf2-csv': readIperf2Csv,
};
