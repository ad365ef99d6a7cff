import path from 'node:path';

import { mapLimit } from '../async.ts';
import type { Problem } from '../errors.ts';
import { listFiles, readOptional } from '../files.ts';
import { debug } from '../log.ts';
import { locateLog, requireLogAtLogPath, type LogLocation } from './layout.ts';
import { parseManifest, type Locate as ManifestLocate, type RunManifest } from './manifest.ts';
import type { IngestedFile } from './types.ts';

const log = debug('ingest');

/** Reads one log file; ingest's `ingestFile`, or a stand-in in tests. */
export type IngestFn = (file: string) => Promise<IngestedFile>;

export interface RunFile {
  /** Path relative to the run folder, with forward slashes. */
  relativePath: string;
  /** The file's place in the layout, absent for files outside it (README, manifest). */
  location?: LogLocation;
  ingested: IngestedFile;
  /** The manifest's reason when the run's author excluded this file. */
  excludedBecause?: string;
}

export interface Run {
  id: string;
  dir: string;
  manifest: RunManifest;
  files: RunFile[];
  /** Problems that stop the build: rejected files not excluded, logs outside the layout. */
  problems: Problem[];
}

const MANIFEST = 'manifest.json';
const CONCURRENCY = 16;

/** Ingests every file under a run folder and places each log in the run's layout. */
export interface ReadRunOptions {
  /** Techniques of the published study; a technique's "emulates" must name one of them. */
  publishedTechniques?: ReadonlySet<string>;
}

export async function readRun(dir: string, ingest: IngestFn, options: ReadRunOptions = {}): Promise<Run> {
  const id = path.basename(dir);
  const manifestFile = path.join(dir, MANIFEST);
  const { manifest, problems, at } = await readManifest(manifestFile, id);

  const excluded = new Map((manifest.excluded ?? []).map((entry) => [entry.path, entry.reason]));
  const paths = (await listFiles(dir)).filter((p) => p !== MANIFEST);
  const files = await mapLimit(paths, CONCURRENCY, (relativePath) => readRunFile(dir, relativePath, ingest, excluded));
  for (const file of files) problems.push(...problemsOf(file));

  // Without a readable manifest there is nothing to check the logs against.
  if (at) {
    const where = (segments: Array<string | number>) => ({ file: manifestFile, ...at(segments) });
    problems.push(...checkDate(manifest, where), ...checkTechniques(manifest, files, options, where));
    (manifest.excluded ?? []).forEach((entry, index) => {
      if (paths.includes(entry.path)) return;
      problems.push({ ...where(['excluded', index, 'path']), message: `"excluded" lists ${entry.path}, which is not in the run` });
    });
  }
  log('read run %s: %d files, %d problems', id, files.length, problems.length);
  return { id, dir, manifest, files, problems };
}

/**
 * Reads and checks the run's manifest. A manifest with schema problems is still used where it is
 * valid, and one that is missing or not JSON leaves an empty manifest and no locator. Either way
 * the run's logs are read too, so one build lists every problem.
 */
async function readManifest(
  manifestFile: string,
  id: string,
): Promise<{ manifest: RunManifest; problems: Problem[]; at?: ManifestLocate }> {
  const text = await readOptional(manifestFile);
  if (text === undefined) {
    const message = 'missing manifest.json: a run folder needs one naming the run, its date, the tool and each technique';
    return { manifest: emptyManifest(id), problems: [{ file: manifestFile, line: 1, column: 1, message }] };
  }
  const parsed = parseManifest(text, manifestFile);
  if (!parsed.manifest && !(parsed.partial && parsed.at)) return { manifest: emptyManifest(id), problems: [...parsed.problems] };

  const manifest = parsed.manifest ?? usableParts(parsed.partial!, id);
  const at = parsed.at!;
  const problems: Problem[] = [...parsed.problems];
  if (manifest.run !== id) {
    problems.push({ file: manifestFile, ...at(['run']), message: `"run" is "${manifest.run}" but the folder is named "${id}"` });
  }
  return { manifest, problems, at };
}

async function readRunFile(
  dir: string,
  relativePath: string,
  ingest: IngestFn,
  excluded: Map<string, string>,
): Promise<RunFile> {
  const ingested = await ingest(path.join(dir, relativePath));
  const located = ingested.status === 'parsed' ? locateLog(relativePath) : undefined;
  const file: RunFile = { relativePath, ingested };
  if (located && 'location' in located) file.location = located.location;
  if (located && 'error' in located) {
    // The layout error joins the file's bad lines, so one build lists them all.
    const errors = [{ line: 1, column: 1, message: located.error }, ...ingested.errors];
    file.ingested = { ...ingested, status: 'rejected', reason: located.error, errors };
  }
  file.ingested = requireLogAtLogPath(path.basename(relativePath), file.ingested);
  const reason = excluded.get(relativePath);
  if (reason !== undefined) file.excludedBecause = reason;
  return file;
}


/**
 * Lists the problems of a rejected file unless the manifest excludes it. A parsed file with some
 * unreadable lines keeps its good records; its bad lines are reported as warnings instead.
 */
function problemsOf(file: RunFile): Problem[] {
  if (file.excludedBecause !== undefined || file.ingested.status !== 'rejected') return [];
  return rejectionProblems(file.ingested);
}

/** Lists a rejected file's bad lines as problems, or its reason at line 1 when it has none. */
export function rejectionProblems(ingested: IngestedFile): Problem[] {
  if (ingested.errors.length > 0) return ingested.errors.map((error) => ({ file: ingested.path, ...error }));
  return [{ file: ingested.path, line: 1, column: 1, message: ingested.reason ?? 'rejected' }];
}

/** Lists the unreadable lines of parsed files, which keep their other records. */
export function damagedLines(run: Run): Problem[] {
  return run.files
    .filter((file) => file.excludedBecause === undefined && file.ingested.status === 'parsed')
    .flatMap((file) => file.ingested.errors.map((error) => ({ file: file.ingested.path, ...error })));
}

type Locate = (segments: Array<string | number>) => { file: string; line: number; column: number };

/** Checks that the manifest's date is a real calendar date, not only one shaped like it. */
function checkDate(manifest: RunManifest, at: Locate): Problem[] {
  // A date not shaped like YYYY-MM-DD was already reported by the schema.
  if (!/^\d{4}-\d{2}-\d{2}/.test(manifest.date)) return [];
  const day = manifest.date.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day) return [];
  return [{ ...at(['date']), message: `invalid date "${manifest.date}": expected a calendar date as YYYY-MM-DD` }];
}

/**
 * Checks that the manifest describes every technique folder of the run and that what each
 * technique emulates exists. A described technique without a folder is allowed: a partial copy
 * of a run keeps the whole manifest.
 */
function checkTechniques(manifest: RunManifest, files: RunFile[], options: ReadRunOptions, at: Locate): Problem[] {
  const folders = new Set(files.flatMap((file) => (file.location ? [file.location.technique] : [])));
  const described = Object.keys(manifest.techniques);
  const problems: Problem[] = [];
  for (const folder of [...folders].sort()) {
    if (!described.includes(folder)) {
      const message = `technique folder "${folder}" is not described in "techniques", which has ${described.join(', ')}`;
      problems.push({ ...at(['techniques']), message });
    }
  }
  for (const [technique, description] of Object.entries(manifest.techniques)) {
    const known = options.publishedTechniques;
    if (description.emulates !== undefined && known && !known.has(description.emulates)) {
      const message = `"emulates" is "${description.emulates}", which the published study does not have; expected one of ${[...known].sort().join(', ')}`;
      problems.push({ ...at(['techniques', technique, 'emulates']), message });
    }
  }
  return problems;
}

function usableParts(partial: Partial<RunManifest>, id: string): RunManifest {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const techniques = typeof partial.techniques === 'object' && partial.techniques !== null ? partial.techniques : {};
  const usable = Object.fromEntries(
    Object.entries(techniques).filter(([, technique]) => typeof technique === 'object' && technique !== null),
  ) as RunManifest['techniques'];
  const excluded = Array.isArray(partial.excluded) ? partial.excluded.filter((entry) => typeof entry?.path === 'string') : [];
  return { ...emptyManifest(id), run: text(partial.run) || id, date: text(partial.date), techniques: usable, excluded };
}

function emptyManifest(id: string): RunManifest {
  return { run: id, date: '', tool: '', techniques: {} };
}
