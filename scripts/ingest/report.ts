import type { IngestedFile, Stream } from './types.ts';

/** Builds the `--json` document: one entry per file, numbers absent when the file did not give them. */
export function jsonReport(files: IngestedFile[]): { files: object[] } {
  return {
    files: files.map((file) => ({
      path: file.path,
      status: file.status,
      format: file.format,
      version: file.version,
      records: file.records,
      streams: file.table ? file.table.map((row) => ({ gbps: row.gbps })) : file.streams.map(streamFigures),
      errors: file.errors.map(({ line, column, message }) => ({ line, column, message })),
      reason: file.reason,
    })),
  };
}

/** Computes a stream's whole-test average Gbit/s, duration and bytes from its summary row. */
export function streamFigures(stream: Stream): { gbps?: number; seconds?: number; bytes?: number } {
  const summary = stream.summary;
  if (!summary) return {};
  return { gbps: summary.bitsPerSecond / 1e9, seconds: summary.end - summary.start, bytes: summary.bytes };
}

/** Formats the human-readable report: one line per file, its bad lines under it, and a tally. */
export function textReport(files: IngestedFile[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    lines.push(`${file.status.padEnd(8)} ${file.path}  ${describe(file)}`);
    for (const error of file.errors) lines.push(`  ${file.path}:${error.line}:${error.column}: ${error.message}`);
  }
  const count = (status: string) => files.filter((file) => file.status === status).length;
  lines.push(`${files.length} file(s): ${count('parsed')} parsed, ${count('skipped')} skipped, ${count('rejected')} rejected`);
  return lines;
}

function describe(file: IngestedFile): string {
  if (file.status !== 'parsed') return file.reason ?? '';
  const parts = [`${file.format} ${file.version ?? ''}`.trim()];
  if (file.table) {
    parts.push(`${file.table.length} row(s)`);
  } else {
    const rates = file.streams.map((stream) => streamFigures(stream).gbps);
    const shown = rates.map((gbps) => (gbps === undefined ? 'no whole-test row' : `${gbps.toFixed(2)} Gbit/s`));
    parts.push(`${file.records} record(s)`, `${file.streams.length} stream(s): ${shown.slice(0, 4).join(', ')}${shown.length > 4 ? ', …' : ''}`);
  }
  if (file.errors.length > 0) {
    const kept = file.records / (file.records + file.errors.length);
    parts.push(`kept ${file.records} of ${file.records + file.errors.length} data lines (${(kept * 100).toFixed(1)} %)`);
  }
  return parts.join(', ');
}
