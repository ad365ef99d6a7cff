import path from 'node:path';

import { UsageError } from '../errors.ts';
import { fitsSubnets, MAX_HOSTS } from './addresses.ts';
import { configurationFolder, defaultRunName } from './naming.ts';
import { SETUPS, TECHNIQUES, type Configuration, type MeasureRequest, type Setup, type Technique } from './types.ts';

/** The option values as commander hands them over: strings, or undefined when not given. */
export interface MeasureOptions {
  techniques?: string;
  setups?: string;
  configs?: string;
  duration: string;
  repetitions: string;
  out?: string;
}

/** The 2014 study's configurations, which the shipped netns-2026-12 run also measured. */
export const STUDY_CONFIGURATIONS: Record<Setup, string[]> = {
  'one-server': ['1', '2', '4', '8', '16', '20'],
  'n-servers': ['1', '2', '4', '20'],
  'containers-x-clients': ['1x1', '1x2', '1x4', '1x16', '2x1', '4x1', '16x1', '2x2', '4x4', '16x16'],
};

/** The folder name becomes the run id in the manifest and in the site's tables, which allow only these characters. */
const RUN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Validates the command-line options into a request, reporting every invalid value at once.
 * `now` names the default run folder, `data/runs/netns-YYYY-MM-DD-HHMM` under `root`.
 */
export function parseOptions(options: MeasureOptions, root: string, now: Date): MeasureRequest {
  const problems: string[] = [];
  const techniques = parseList(options.techniques ?? TECHNIQUES.join(','), TECHNIQUES, '--techniques', problems);
  const setups = parseList(options.setups ?? SETUPS.join(','), SETUPS, '--setups', problems);
  const durationSeconds = parseCount(options.duration, '--duration', 'seconds', problems);
  const repetitions = parseCount(options.repetitions, '--repetitions', 'repetitions', problems);
  const configurations = options.configs === undefined ? studyConfigurations(setups) : parseConfigurations(options.configs, setups, problems);
  problems.push(...checkSubnets(techniques, configurations));
  const out = path.resolve(root, options.out ?? defaultRunFolder(now));
  if (!RUN_NAME.test(path.basename(out))) {
    problems.push(`--out: invalid run folder name "${path.basename(out)}"; expected letters, digits, ".", "_" or "-", starting with a letter or digit`);
  }

  if (problems.length > 0) throw new UsageError(problems.join('\nerror: '));
  return {
    techniques,
    configurations,
    durationSeconds,
    repetitions,
    out,
    skipUnavailable: options.techniques === undefined,
  };
}

function defaultRunFolder(now: Date): string {
  return path.join('data', 'runs', defaultRunName(now));
}

function parseList<T extends string>(value: string, allowed: readonly T[], option: string, problems: string[]): T[] {
  const items = splitList(value);
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  for (const item of unknown) problems.push(`${option}: unknown value "${item}"; expected one of ${allowed.join(', ')}`);
  if (items.length === 0) problems.push(`${option}: empty list; expected one or more of ${allowed.join(', ')}`);
  return [...new Set(items.filter((item): item is T => !unknown.includes(item)))];
}

function parseCount(value: string, option: string, unit: string, problems: string[]): number {
  if (/^[1-9]\d{0,5}$/.test(value.trim())) return Number(value);
  problems.push(`${option}: invalid value "${value}"; expected a whole number of ${unit}, at least 1`);
  return 1;
}

function studyConfigurations(setups: Setup[]): Configuration[] {
  return setups.flatMap((setup) => STUDY_CONFIGURATIONS[setup].flatMap((entry) => configurationsFor(entry, [setup])));
}

/** Parses `--configs`: a plain N applies to one-server and n-servers, MxK to containers-x-clients. Each chosen setup needs one. */
function parseConfigurations(value: string, setups: Setup[], problems: string[]): Configuration[] {
  const entries = splitList(value);
  const configurations: Configuration[] = [];

  for (const entry of entries) {
    if (!/^[1-9]\d*(x[1-9]\d*)?$/.test(entry)) {
      problems.push(`--configs: invalid entry "${entry}"; expected a client count such as 4 or MxK such as 4x1 (counts from 1)`);
      continue;
    }
    const found = configurationsFor(entry, setups);
    if (found.length === 0) problems.push(`--configs: "${entry}" fits none of the setups ${setups.join(', ')}`);
    configurations.push(...found);
  }

  for (const setup of setups) {
    if (!configurations.some((configuration) => configuration.setup === setup)) {
      const example = setup === 'containers-x-clients' ? 'MxK such as 1x4' : 'a client count such as 4';
      problems.push(`--configs: no configuration for setup ${setup}; add ${example}`);
    }
  }
  return dedupe(configurations).sort((a, b) => setups.indexOf(a.setup) - setups.indexOf(b.setup));
}

function configurationsFor(entry: string, setups: Setup[]): Configuration[] {
  const [first, second] = entry.split('x').map(Number);
  const found: Configuration[] = [];
  if (second === undefined) {
    if (setups.includes('one-server')) found.push({ setup: 'one-server', servers: 1, clientContainers: first, clientsPerContainer: 1 });
    if (setups.includes('n-servers')) found.push({ setup: 'n-servers', servers: first, clientContainers: first, clientsPerContainer: 1 });
  } else if (setups.includes('containers-x-clients')) {
    found.push({ setup: 'containers-x-clients', servers: 1, clientContainers: first, clientsPerContainer: second });
  }
  return found;
}

function checkSubnets(techniques: Technique[], configurations: Configuration[]): string[] {
  const problems: string[] = [];
  for (const configuration of configurations) {
    const misfits = techniques.filter((technique) => !fitsSubnets(technique, configuration.servers, configuration.clientContainers));
    if (misfits.length === 0) continue;
    const name = `${configuration.setup}/${configurationFolder(configuration)}`;
    problems.push(`--configs: ${name} needs more addresses than a /24 gives ${misfits.join(', ')} (at most ${MAX_HOSTS} containers)`);
  }
  return problems;
}

function dedupe(configurations: Configuration[]): Configuration[] {
  const seen = new Set<string>();
  return configurations.filter((configuration) => {
    const key = `${configuration.setup}/${configurationFolder(configuration)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
