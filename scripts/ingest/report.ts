import { formatProblem } from '../errors.ts';
import type { IngestReport } from './paths.ts';
import type { IngestedFile, Stream } from './types.ts';

/**
 * Builds the `--json` document: one entry per file, numbers absent when the file did not give
 * them, the manifest's reason on each file it excludes, and the problems that would stop a build.
 */
export function jsonReport({ files, excluded, problems }: IngestReport): { files: object[]; problems: object[] } {
  return {
    problems: problems.map(({ file, line, column, message }) => ({ file, line, column, message })),
    files: files.map((file) => ({
      path: file.path,
      status: file.status,
      format: file.format,
      version: file.version,
      records: file.records,
      streams: file.table ? file.table.map((row) => ({ gbps: row.gbps })) : file.streams.map(streamFigures),
      errors: file.errors.map(({ line, column, message }) => ({ line, column, message })),
      reason: file.reason,
      excluded: excluded.get(file.path),
    })),
  };
}

/** Computes a stream's whole-test average Gbit/s, duration and bytes from its summary row. */
export function streamFigures(stream: Stream): { gbps?: number; seconds?: number; bytes?: number } {
  const summary = stream.summary;
  if (!summary) return {};
  return { gbps: summary.bitsPerSecond / 1e9, seconds: summary.end - summary.start, bytes: summary.bytes };
}

/**
 * Formats the human-readable report: one line per file with its bad lines under it, then the
 * problems that would stop a build that are not about one file's lines, and a tally.
 */
export function textReport({ files, excluded, problems }: IngestReport): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const exclusion = excluded.has(file.path) ? `  (excluded by the manifest: ${excluded.get(file.path)})` : '';
    lines.push(`${file.status.padEnd(8)} ${file.path}  ${describe(file)}${exclusion}`);
    for (const error of file.errors) lines.push(`  ${file.path}:${error.line}:${error.column}: ${error.message}`);
  }
  const listed = new Set(files.map((file) => file.path));
  for (const problem of problems.filter((p) => !listed.has(p.file))) lines.push(formatProblem(problem));
  const count = (status: string) => files.filter((file) => file.status === status).length;
  const exclusions = excluded.size > 0 ? ` (${excluded.size} excluded by the manifest)` : '';
  lines.push(`${files.length} file(s): ${count('parsed')} parsed, ${count('skipped')} skipped, ${count('rejected')} rejected${exclusions}`);
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
