import path from 'node:path';

import { formatProblem, type Problem } from '../errors.ts';
import type { RunManifest } from '../ingest/manifest.ts';
import type { Run } from '../ingest/run.ts';

/** The report's account of one run: its environment, its techniques and what ingest made of its files. */
export interface RunInfo {
  id: string;
  manifest: RunManifest;
  techniques: Array<{ id: string; how: string; emulates?: string }>;
  techniqueLabels: Record<string, string>;
  files: { total: number; parsed: number; skipped: number; rejected: number; excluded: number };
  records: number;
  skipped: Array<{ path: string; reason: string }>;
  excluded: Array<{ path: string; reason: string }>;
  /** Unreadable log lines and repetitions left out of the numbers, as file:line:column: message. */
  warnings: string[];
  /** Each configuration's folder and how many logs fed it, for the ingest report. */
  sources: Array<{ technique: string; setup: string; configuration: string; repetitions: number; logs: number }>;
}

export function describeRun(run: Run, problems: Problem[]): RunInfo {
  const techniques = Object.entries(run.manifest.techniques)
    .map(([id, technique]) => ({ id, ...technique }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const count = (status: string) => run.files.filter((f) => f.excludedBecause === undefined && f.ingested.status === status).length;
  const relative = (file: string) => path.relative(run.dir, file);

  return {
    id: run.id,
    manifest: run.manifest,
    techniques,
    techniqueLabels: Object.fromEntries(techniques.map((t) => [t.id, t.id])),
    files: {
      total: run.files.length,
      parsed: count('parsed'),
      skipped: count('skipped'),
      rejected: count('rejected'),
      excluded: run.files.filter((f) => f.excludedBecause !== undefined).length,
    },
    records: run.files.reduce((n, f) => n + f.ingested.records, 0),
    skipped: run.files
      .filter((f) => f.ingested.status === 'skipped')
      .map((f) => ({ path: f.relativePath, reason: f.ingested.reason ?? 'not an iperf log' })),
    excluded: run.files
      .filter((f) => f.excludedBecause !== undefined)
      .map((f) => ({ path: f.relativePath, reason: f.excludedBecause as string })),
    warnings: problems.map((p) => formatProblem({ ...p, file: relative(p.file) })),
    sources: sourcesOf(run),
  };
}

function sourcesOf(run: Run): RunInfo['sources'] {
  const groups = new Map<string, { technique: string; setup: string; configuration: string; repetitions: Set<number>; logs: number }>();
  for (const file of run.files) {
    const location = file.location;
    if (!location || file.excludedBecause !== undefined) continue;
    const key = `${location.technique}/${location.setup}/${location.configurationId}`;
    const group = groups.get(key) ?? {
      technique: location.technique,
      setup: location.setup,
      configuration: location.configurationId,
      repetitions: new Set<number>(),
      logs: 0,
    };
    group.repetitions.add(location.repetition);
    group.logs += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, repetitions: g.repetitions.size }))
    .sort((a, b) => `${a.technique}/${a.setup}/${a.configuration}`.localeCompare(`${b.technique}/${b.setup}/${b.configuration}`, 'en', { numeric: true }));
}
