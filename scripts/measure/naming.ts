import type { Configuration } from './types.ts';

/** Every namespace and host-side link this harness creates starts with this, so leftovers are easy to find. */
export const NAME_PREFIX = 'nn-';

/**
 * Returns the prefix of one run's namespaces and host-side links, e.g. `nn-1a2b-` for process 60227.
 * The process id keeps two runs on one machine apart and shows whether a leftover's run is still running.
 */
export function runPrefix(pid: number): string {
  return `${NAME_PREFIX}${pid.toString(36)}-`;
}

/** Reads the process id back from a name made with `runPrefix`, or returns undefined for other names. */
export function pidOfName(name: string): number | undefined {
  const match = /^nn-([0-9a-z]+)-/.exec(name);
  return match ? Number.parseInt(match[1], 36) : undefined;
}

/** Returns the configuration folder name the dataset layout uses: `4-clients`, `2-servers-2-clients`, `1x4`. */
export function configurationFolder(configuration: Configuration): string {
  switch (configuration.setup) {
    case 'one-server':
      return `${configuration.clientContainers}-clients`;
    case 'n-servers':
      return `${configuration.servers}-servers-${configuration.clientContainers}-clients`;
    case 'containers-x-clients':
      return `${configuration.clientContainers}x${configuration.clientsPerContainer}`;
  }
}

export function repetitionFolder(repetition: number): string {
  return `rep-${repetition}`;
}

export function serverName(server: number): string {
  return `server-s${server}`;
}

export function clientName(container: number, process: number): string {
  return `client-c${container}-p${process}`;
}

/** Returns the namespace of server container k or client container i of a run. */
export function serverNamespace(prefix: string, server: number): string {
  return `${prefix}s${server}`;
}

export function clientNamespace(prefix: string, container: number): string {
  return `${prefix}c${container}`;
}

/** Returns the namespace holding a technique's switch, parent link or router. */
export function switchNamespace(prefix: string): string {
  return `${prefix}sw`;
}

/** Formats a date as its local calendar day, `YYYY-MM-DD`. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Returns the default run folder name for a start time, `netns-YYYY-MM-DD-HHMM`. */
export function defaultRunName(date: Date): string {
  return `netns-${localDate(date)}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
