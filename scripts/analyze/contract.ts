import path from 'node:path';

import type { ConfigurationSummary } from './summary.ts';
import type { Repetition } from './throughput.ts';

/**
 * Columns of summary.csv, which other tools read: one row per run × technique × setup ×
 * configuration, means in Gbit/s, the 95 % interval for gbps_per_container.
 */
export const SUMMARY_COLUMNS = [
  'run',
  'technique',
  'setup',
  'server_containers',
  'client_containers',
  'clients_per_container',
  'repetitions',
  'gbps_per_client',
  'gbps_per_container',
  'gbps_aggregate',
  'ci95_low',
  'ci95_high',
  'gbps_per_container_min',
  'gbps_per_container_max',
] as const;

/** Returns one summary.csv record per summary; absent values (published repetitions, single-run intervals) stay empty. */
export function summaryRecords(summaries: readonly ConfigurationSummary[]): string[][] {
  const rows = summaries.map((s) => [
    s.run,
    s.technique,
    s.setup,
    String(s.configuration.serverContainers),
    String(s.configuration.clientContainers),
    String(s.configuration.clientsPerContainer),
    s.repetitions === undefined ? '' : String(s.repetitions),
    gbps(s.perClient.mean),
    gbps(s.perContainer.mean),
    gbps(s.aggregate.mean),
    s.perContainer.ci95 ? gbps(s.perContainer.ci95.low) : '',
    s.perContainer.ci95 ? gbps(s.perContainer.ci95.high) : '',
    s.repetitions === undefined ? '' : gbps(s.perContainer.min),
    s.repetitions === undefined ? '' : gbps(s.perContainer.max),
  ]);
  return [[...SUMMARY_COLUMNS], ...rows];
}

function gbps(value: number): string {
  return value.toFixed(4);
}

export const SOURCE_COLUMNS = ['run', 'technique', 'setup', 'configuration', 'repetition', 'container', 'process', 'gbps', 'file', 'line'];

/** Returns one sources.csv record per client per repetition: the number and the log line it was read from. */
export function sourceRecords(runId: string, runDir: string, repetitions: readonly Repetition[]): string[][] {
  const header = SOURCE_COLUMNS;
  const rows = repetitions.flatMap((r) =>
    r.clients.map((client) => [
      runId,
      r.technique,
      r.setup,
      r.configurationId,
      String(r.repetition),
      String(client.container),
      String(client.process),
      client.gbps.toFixed(4),
      path.relative(runDir, client.source.file).split(path.sep).join('/'),
      String(client.source.line),
    ]),
  );
  return [header, ...rows];
}
