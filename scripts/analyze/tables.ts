import type { Setup } from '../ingest/layout.ts';
import type { Stats } from './stats.ts';
import type { ConfigurationSummary } from './summary.ts';
import type { Metric } from '../charts/throughput.ts';

/** A results table in the shape of the 2014 study: techniques down, configurations across. */
export interface ResultTable {
  /** File-name-safe id, also the CSV's name. */
  id: string;
  caption: string;
  /** The unit of every cell, stated with the table. */
  unit: string;
  columns: string[];
  rows: Array<{
    technique: string;
    label: string;
    cells: Array<Stats | undefined>;
    /** The reason a cell is empty, when the configuration was measured but no value can be shown. */
    gaps?: Array<string | undefined>;
  }>;
}

export const SETUP_TITLES: Record<Setup, string> = {
  'one-server': 'One server, N clients',
  'n-servers': 'N servers, N clients',
  'containers-x-clients': 'One server, M containers × K clients',
};

/** The average each setup's 2014 table printed: per container where each container runs one client. */
export const SETUP_AVERAGE: Record<Setup, Metric> = {
  'one-server': 'perContainer',
  'n-servers': 'perContainer',
  'containers-x-clients': 'perClient',
};

export const METRIC_CAPTIONS: Record<Metric, string> = {
  perClient: 'mean Gbit/s per iperf client',
  perContainer: 'mean Gbit/s per client container',
  aggregate: 'aggregate Gbit/s, the sum over all clients',
};

/** Lays out one setup's summaries of one run as a techniques × configurations table. */
export function resultTable(
  summaries: readonly ConfigurationSummary[],
  options: { id: string; caption: string; metric: Metric; techniqueLabels: Record<string, string> },
): ResultTable {
  const columns = unique(summaries.map((s) => s.label));
  const techniques = unique(summaries.map((s) => s.technique));
  const rows = techniques.map((technique) => ({
    technique,
    label: options.techniqueLabels[technique] ?? technique,
    cells: columns.map((column) => summaries.find((s) => s.technique === technique && s.label === column)?.[options.metric]),
  }));
  return { id: options.id, caption: options.caption, unit: METRIC_CAPTIONS[options.metric], columns, rows };
}

/** Summaries of one run and setup, in table order. */
export function forSetup(summaries: readonly ConfigurationSummary[], run: string, setup: Setup): ConfigurationSummary[] {
  return summaries.filter((s) => s.run === run && s.setup === setup);
}

/** Formats a table as CSV rows: technique, then one column per configuration, means in Gbit/s. */
export function tableRecords(table: ResultTable): string[][] {
  const header = ['technique', ...table.columns];
  const body = table.rows.map((row) => [row.technique, ...row.cells.map((cell) => (cell ? cell.mean.toFixed(3) : ''))]);
  return [header, ...body];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

