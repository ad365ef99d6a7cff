import type { IngestedFile } from './types.ts';

/**
 * A log's place in a run folder tells what it measured:
 * <technique>/<setup>/<configuration>/rep-<n>/client-c<i>-p<j>.csv or server-s<k>.csv.
 */

export type Setup = 'one-server' | 'n-servers' | 'containers-x-clients';

export const SETUPS: readonly Setup[] = ['one-server', 'n-servers', 'containers-x-clients'];

export interface Configuration {
  serverContainers: number;
  clientContainers: number;
  clientsPerContainer: number;
}

export interface LogLocation {
  technique: string;
  setup: Setup;
  /** The configuration folder's name, e.g. "4-clients", "2-servers-2-clients" or "1x4". */
  configurationId: string;
  configuration: Configuration;
  repetition: number;
  role: 'client' | 'server';
  /** Client container i or server container k, counted from 1. */
  container: number;
  /** Client process j inside its container, counted from 1; 1 for servers. */
  process: number;
}

export type LocationResult = { location: LogLocation } | { error: string };

const CONFIGURATION_PATTERNS: Record<Setup, { pattern: RegExp; expected: string; parse: (m: RegExpMatchArray) => Configuration }> = {
  'one-server': {
    pattern: /^(\d+)-clients$/,
    expected: 'N-clients',
    parse: (m) => ({ serverContainers: 1, clientContainers: Number(m[1]), clientsPerContainer: 1 }),
  },
  'n-servers': {
    pattern: /^(\d+)-servers-(\d+)-clients$/,
    expected: 'N-servers-M-clients',
    parse: (m) => ({ serverContainers: Number(m[1]), clientContainers: Number(m[2]), clientsPerContainer: 1 }),
  },
  'containers-x-clients': {
    pattern: /^(\d+)x(\d+)$/,
    expected: 'MxK (M client containers with K clients each)',
    parse: (m) => ({ serverContainers: 1, clientContainers: Number(m[1]), clientsPerContainer: Number(m[2]) }),
  },
};

/** Reads the technique, setup, configuration, repetition and role from a path relative to the run folder. */
export function locateLog(relativePath: string): LocationResult {
  const parts = relativePath.split('/');
  if (parts.length !== 5) {
    return { error: 'expected the path <technique>/<setup>/<configuration>/rep-<n>/<log file>' };
  }
  const [technique, setupName, configurationId, repetitionDir, fileName] = parts;

  if (!isSetup(setupName)) return { error: `unknown setup "${setupName}": expected one of ${SETUPS.join(', ')}` };
  const configurationRule = CONFIGURATION_PATTERNS[setupName];
  const configurationMatch = configurationId.match(configurationRule.pattern);
  if (!configurationMatch) {
    return { error: `configuration folder "${configurationId}" does not match ${configurationRule.expected} for setup ${setupName}` };
  }
  const configuration = configurationRule.parse(configurationMatch);
  if (Object.values(configuration).some((count) => count < 1)) {
    return { error: `configuration folder "${configurationId}" has a count of 0` };
  }

  const repetitionMatch = repetitionDir.match(/^rep-(\d+)$/);
  if (!repetitionMatch) return { error: `repetition folder "${repetitionDir}" does not match rep-<n>` };

  const role = locateRole(fileName);
  if (!role) return { error: `file name "${fileName}" does not match client-c<i>-p<j>.<ext> or server-s<k>.<ext>` };

  return {
    location: { technique, setup: setupName, configurationId, configuration, repetition: Number(repetitionMatch[1]), ...role },
  };
}

function locateRole(fileName: string): Pick<LogLocation, 'role' | 'container' | 'process'> | undefined {
  const client = fileName.match(/^client-c(\d+)-p(\d+)\.[a-z0-9]+$/);
  if (client) return { role: 'client', container: Number(client[1]), process: Number(client[2]) };
  const server = fileName.match(/^server-s(\d+)\.[a-z0-9]+$/);
  if (server) return { role: 'server', container: Number(server[1]), process: 1 };
  return undefined;
}

function isSetup(name: string): name is Setup {
  return (SETUPS as readonly string[]).includes(name);
}

/** Orders configurations the way the 2014 tables did: by total clients, then by client containers. */
export function compareConfigurations(a: Configuration, b: Configuration): number {
  const totalA = a.clientContainers * a.clientsPerContainer;
  const totalB = b.clientContainers * b.clientsPerContainer;
  return (
    a.serverContainers - b.serverContainers ||
    totalA - totalB ||
    a.clientContainers - b.clientContainers
  );
}

/** Returns a short label for a configuration: "4 clients", "4 pairs" (4 servers, 4 clients) or "1×4". */
export function configurationLabel(setup: Setup, configuration: Configuration): string {
  const { serverContainers, clientContainers, clientsPerContainer } = configuration;
  if (setup === 'one-server') return `${clientContainers} client${clientContainers === 1 ? '' : 's'}`;
  if (setup === 'n-servers') {
    if (serverContainers !== clientContainers) return `${serverContainers} servers, ${clientContainers} clients`;
    return `${serverContainers} pair${serverContainers === 1 ? '' : 's'}`;
  }
  return `${clientContainers}×${clientsPerContainer}`;
}

/** Names of logs in the layout; stderr captures beside them (client-c1-p1.stderr) are not logs. */
const LOG_NAME = /^(client-c\d+-p\d+|server-s\d+)\.(csv|txt|json)$/;

/**
 * Rejects a file named like a client or server log that ingest skipped as no log (an empty
 * capture of a refused client, say): skipping it would hide a lost result.
 */
export function requireLogAtLogPath(fileName: string, ingested: IngestedFile): IngestedFile {
  if (ingested.status !== 'skipped' || !LOG_NAME.test(fileName)) return ingested;
  const reason = `expected an iperf log at this path, but ${ingested.reason ?? 'the file is not one'}`;
  return { ...ingested, status: 'rejected', reason, errors: [{ line: 1, column: 1, message: reason }] };
}
