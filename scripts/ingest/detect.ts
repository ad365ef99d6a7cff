import type { LogFormat } from './types.ts';

export type Detection = { format: LogFormat; side?: 'client' | 'server' } | { skip: string };

const IPERF2_ROW = /^\s*(?:[+-]\d{4}:)?\d{14}(?:\.\d+)?,/m;
const IPERF2_HEADER = /^\s*time(?:stamp)?,.*(?:istart|transferid|srcaddress)/im;
const IPERF2_TEXT_ROW = /^\[\s*(?:\d+|SUM)\]\s+\d+(?:\.\d+)?-\s*\d+(?:\.\d+)?\s+sec\s/m;
const IPERF3_TEXT = /^(?:iperf Done\.|Connecting to host |\[\s*\d+\]\s+\d+\.\d+-\d+\.\d+\s+sec\s.*\s(?:sender|receiver)\s*$)/m;
const JSON_START = /^\s*\{/m;
const IPERF3_KEYS = /"(?:start|intervals|end|error)"\s*:/;
const SUMMARY_HEADER = /^\s*\ufeff?setup,technique,.*\bgbps\b/i;

/** Tells a file's format from its first 64 KiB, never from its name. */
export function detectFormat(head: string, binary: boolean): Detection {
  if (binary) return { skip: 'binary data, not a text log' };
  if (head.trim() === '') return { skip: 'empty file: iperf wrote no output (a failed test leaves its reason in a .stderr file)' };
  if (SUMMARY_HEADER.test(head)) return { format: 'summary-csv' };
  if (JSON_START.test(head) && IPERF3_KEYS.test(head)) return { format: 'iperf3-json' };
  if (IPERF3_TEXT.test(head)) return { skip: 'iperf 3 human-readable text is not read; rerun iperf 3 with -J' };
  if (IPERF2_HEADER.test(head) || IPERF2_ROW.test(head)) return { format: 'iperf2-csv' };
  if (IPERF2_TEXT_ROW.test(head)) return { format: 'iperf2-text', side: textSide(head) };
  return { skip: skipReason(head) };
}

function textSide(head: string): 'client' | 'server' | undefined {
  if (/^Client connecting to /m.test(head)) return 'client';
  if (/^Server listening on /m.test(head)) return 'server';
  return undefined;
}

function skipReason(head: string): string {
  const first = head.trim().split(/\r\n|\r|\n/, 1)[0].slice(0, 60);
  if (/^#|^\s*[-*] |\]\(/m.test(head)) return 'not an iperf log: Markdown or notes';
  if (/(failed|error|refused|unable|cannot)/i.test(head)) return `not an iperf log: an error message ("${first}")`;
  return `not an iperf log: no iperf 2 CSV rows, iperf 2 report lines or iperf 3 JSON (starts "${first}")`;
}
