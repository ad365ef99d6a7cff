import type { Problem } from '../errors.ts';
import type { Configuration, LogLocation, Setup } from '../ingest/layout.ts';
import type { Run, RunFile } from '../ingest/run.ts';

/** Bits per second in one Gbit/s (iperf's -f g is decimal). */
export const BITS_PER_GBIT = 1e9;

/** One iperf client's whole-test result. */
export interface ClientResult {
  container: number;
  process: number;
  gbps: number;
  seconds: number;
  /** The log line the number was read from. */
  source: { file: string; line: number };
}

/** One repetition of one configuration: every client's result and the three throughputs derived from them. */
export interface Repetition {
  technique: string;
  setup: Setup;
  configurationId: string;
  configuration: Configuration;
  repetition: number;
  clients: ClientResult[];
  /** Mean over clients of each client's own throughput, Gbit/s. */
  perClient: number;
  /** Mean over client containers of the sum of their clients, Gbit/s. */
  perContainer: number;
  /** Sum over all clients, Gbit/s. */
  aggregate: number;
}

export interface RepetitionAnalysis {
  repetitions: Repetition[];
  /** Repetitions left out because a client's result is missing; never counted as 0. */
  problems: Problem[];
}

/** Groups a run's client logs by repetition and computes per-client, per-container and aggregate throughput. */
export function analyzeRepetitions(run: Run): RepetitionAnalysis {
  const groups = new Map<string, RunFile[]>();
  for (const file of run.files) {
    const location = file.location;
    if (!location || location.role !== 'client' || file.excludedBecause !== undefined) continue;
    const key = repetitionKey(location);
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }

  const repetitions: Repetition[] = [];
  const problems: Problem[] = [];
  for (const files of groups.values()) {
    const result = analyzeRepetition(files);
    if ('problem' in result) problems.push(result.problem);
    else repetitions.push(result.repetition);
  }
  return { repetitions, problems };
}

function analyzeRepetition(files: RunFile[]): { repetition: Repetition } | { problem: Problem } {
  const location = files[0].location as LogLocation;
  const { configuration } = location;
  const expected = configuration.clientContainers * configuration.clientsPerContainer;

  const clients: ClientResult[] = [];
  for (const file of files) {
    const client = clientResult(file);
    if ('problem' in client) return client;
    clients.push(client);
  }
  if (clients.length !== expected) {
    const folder = files[0].ingested.path.replace(/\/[^/]+$/, '');
    return {
      problem: {
        file: folder,
        line: 1,
        column: 1,
        message: `configuration ${location.configurationId} expects ${expected} client logs, found ${clients.length}; repetition left out`,
      },
    };
  }

  clients.sort((a, b) => a.container - b.container || a.process - b.process);
  const aggregate = sum(clients.map((c) => c.gbps));
  const containerTotals = new Map<number, number>();
  for (const client of clients) containerTotals.set(client.container, (containerTotals.get(client.container) ?? 0) + client.gbps);

  return {
    repetition: {
      technique: location.technique,
      setup: location.setup,
      configurationId: location.configurationId,
      configuration,
      repetition: location.repetition,
      clients,
      perClient: aggregate / clients.length,
      perContainer: sum([...containerTotals.values()]) / containerTotals.size,
      aggregate,
    },
  };
}

/** A client process's result: the sum of its streams' whole-test rows (one stream with -P 1). */
function clientResult(file: RunFile): ClientResult | { problem: Problem } {
  const location = file.location as LogLocation;
  const streams = file.ingested.streams;
  const unfinished = streams.filter((stream) => !stream.summary);
  if (streams.length === 0 || unfinished.length > 0) {
    return {
      problem: {
        file: file.ingested.path,
        line: 1,
        column: 1,
        message: `${streams.length} stream(s), ${unfinished.length} without a whole-test row; repetition left out`,
      },
    };
  }
  const summaries = streams.map((stream) => stream.summary!);
  return {
    container: location.container,
    process: location.process,
    gbps: sum(summaries.map((s) => s.bitsPerSecond)) / BITS_PER_GBIT,
    seconds: Math.max(...summaries.map((s) => s.end - s.start)),
    source: { file: file.ingested.path, line: Math.min(...summaries.map((s) => s.line)) },
  };
}

function repetitionKey(location: LogLocation): string {
  return [location.technique, location.setup, location.configurationId, location.repetition].join('/');
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
