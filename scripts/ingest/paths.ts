import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { Problem } from '../errors.ts';
import { ingestFile } from './index.ts';
import { readRun, rejectionProblems } from './run.ts';
import type { IngestedFile } from './types.ts';
import { ingestAll, listFiles } from './walk.ts';

/** The report of `netnotes ingest`: every file, the manifest's exclusions, and a run's own problems. */
export interface IngestReport {
  files: IngestedFile[];
  /** The manifest's reason for each file its run excludes, by path. */
  excluded: Map<string, string>;
  /** Problems that would stop a build: rejected files a manifest does not exclude, and manifest problems. */
  problems: Problem[];
}

/**
 * Ingests files and folders. A folder with a manifest.json is read as a run, as the build reads
 * it: its manifest is checked, the files it excludes do not count as problems, and the manifest
 * itself is not listed as a log.
 */
export async function ingestPaths(paths: string[]): Promise<IngestReport> {
  const report: IngestReport = { files: [], excluded: new Map(), problems: [] };
  for (const target of paths) {
    if (await isRunFolder(target)) {
      await addRun(report, target);
      continue;
    }
    const files = await ingestAll(await listFiles([target]));
    report.files.push(...files);
    for (const file of files.filter((f) => f.status === 'rejected')) report.problems.push(...rejectionProblems(file));
  }
  return report;
}

async function addRun(report: IngestReport, dir: string): Promise<void> {
  const run = await readRun(dir, (file) => ingestFile(file, { intervals: false }));
  for (const file of run.files) {
    const listed = { ...file.ingested, path: path.join(dir, file.relativePath) };
    report.files.push(listed);
    if (file.excludedBecause !== undefined) report.excluded.set(listed.path, file.excludedBecause);
  }
  report.problems.push(...run.problems);
}

async function isRunFolder(folder: string): Promise<boolean> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) return false;
  return (await stat(path.join(folder, 'manifest.json')).catch(() => undefined)) !== undefined;
}
