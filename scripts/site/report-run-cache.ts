import path from 'node:path';

import { sourceRecords } from '../analyze/contract.ts';
import { summarizeRun, type ConfigurationSummary } from '../analyze/summary.ts';
import { analyzeRepetitions } from '../analyze/throughput.ts';
import { codeVersion, hashOf, type StageCache } from '../cache.ts';
import { hashFiles } from '../file-hash.ts';
import { listFiles } from '../files.ts';
import type { Problem } from '../errors.ts';
import { ingestFile } from '../ingest/index.ts';
import { damagedLines, readRun } from '../ingest/run.ts';
import { describeRun, type RunInfo } from './report-runs.ts';

/** The report's data from one run folder, cached as a whole and keyed by every file's contents. */
export interface RunAnalysis {
  info: RunInfo;
  summaries: ConfigurationSummary[];
  /** sources.csv rows (without header) of this run. */
  sources: string[][];
  /** Problems that stop the build: rejected logs and unreadable lines not excluded by the manifest. */
  problems: Problem[];
  /** Unreadable lines of parsed logs, and repetitions left out of the numbers. */
  warnings: Problem[];
}

/** Ingests and analyzes one run, or returns the result of an earlier build when no input and no code changed. */
export async function analyzeRunCached(
  dir: string,
  cache: StageCache,
  publishedTechniques: ReadonlySet<string>,
): Promise<{ analysis: RunAnalysis; reused: boolean }> {
  const techniques = [...publishedTechniques].sort().join(',');
  const key = hashOf(dir, await codeVersion('ingest', 'analyze', 'site'), techniques, await hashRunFolder(dir, cache));
  const { value, reused } = await cache.json('runs', key, () => analyzeRun(dir, publishedTechniques));
  return { analysis: value, reused };
}

async function analyzeRun(dir: string, publishedTechniques: ReadonlySet<string>): Promise<RunAnalysis> {
  const run = await readRun(dir, ingestFile, { publishedTechniques });
  const { repetitions, problems: leftOut } = analyzeRepetitions(run);
  const warnings = [...damagedLines(run), ...leftOut];
  const sources = sourceRecords(run.id, run.dir, repetitions).slice(1);
  return {
    info: describeRun(run, warnings),
    summaries: summarizeRun(run.id, repetitions),
    sources,
    problems: run.problems,
    warnings,
  };
}

/** Hashes every file's path and contents, reading only files changed since the last build. */
async function hashRunFolder(dir: string, cache: StageCache): Promise<string> {
  const files = await listFiles(dir);
  return hashFiles(dir, files, path.join(cache.dir, 'file-hashes', `${hashOf(path.resolve(dir))}.json`));
}
