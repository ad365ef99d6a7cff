import { parse } from 'csv-parse/sync';

import type { Problem } from '../errors.ts';
import { SETUPS, type Configuration, type Setup } from './layout.ts';

/** One cell of a published result table, as printed. */
export interface PublishedCell {
  setup: Setup;
  technique: string;
  configuration: Configuration;
  /** The printed number, Gbit/s. */
  gbps: number;
  line: number;
}

const COLUMNS = ['setup', 'technique', 'server_containers', 'client_containers', 'clients_per_container', 'gbps'];

export type PublishedResult = { cells: PublishedCell[]; problems: Problem[] };

/** Reads a summary CSV in the shape of data/published/summary.csv, reporting every bad cell. */
export function parsePublished(text: string, file: string): PublishedResult {
  const problems: Problem[] = [];
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const { lines = 1, message } = error as { lines?: number; message: string };
    return { cells: [], problems: [{ file, line: lines, column: 1, message: `invalid CSV: ${message}` }] };
  }

  const header = text.split(/\r?\n/, 1)[0].split(',').map((name) => name.trim());
  const missing = COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    return { cells: [], problems: [{ file, line: 1, column: 1, message: `missing column(s) ${missing.join(', ')}: expected ${COLUMNS.join(',')}` }] };
  }

  const cells: PublishedCell[] = [];
  for (const { record, info } of rows) {
    const cell = parseCell(record, info.lines, header, file, problems);
    if (cell) cells.push(cell);
  }
  return { cells, problems };
}

function parseCell(
  record: Record<string, string>,
  line: number,
  header: string[],
  file: string,
  problems: Problem[],
): PublishedCell | undefined {
  const column = (name: string) => header.indexOf(name) + 1;
  const before = problems.length;
  const report = (name: string, message: string) => problems.push({ file, line, column: column(name), message });

  const setup = record.setup as Setup;
  if (!SETUPS.includes(setup)) report('setup', `unknown setup "${record.setup}": expected one of ${SETUPS.join(', ')}`);
  if (!record.technique) report('technique', 'missing technique');

  const count = (name: string): number => {
    const value = Number(record[name]);
    if (!/^\d+$/.test(record[name] ?? '') || value < 1) report(name, `invalid ${name} "${record[name]}": expected a whole number ≥ 1`);
    return value;
  };
  const configuration = {
    serverContainers: count('server_containers'),
    clientContainers: count('client_containers'),
    clientsPerContainer: count('clients_per_container'),
  };

  const gbps = Number(record.gbps);
  if (record.gbps === '' || !Number.isFinite(gbps) || gbps < 0) report('gbps', `invalid gbps "${record.gbps}": expected a number ≥ 0`);

  return problems.length === before ? { setup, technique: record.technique, configuration, gbps, line } : undefined;
}
