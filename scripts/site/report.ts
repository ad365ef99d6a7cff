import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { stringify } from 'csv-stringify/sync';

import { SOURCE_COLUMNS, summaryRecords } from '../analyze/contract.ts';
import { publishedSummaries, PUBLISHED_RUN } from '../analyze/published.ts';
import { compareSpread, spreadVerdict, type SpreadComparison, type SpreadVerdict } from '../analyze/question.ts';
import type { ConfigurationSummary } from '../analyze/summary.ts';
import { InputError, formatProblem, isEnoent, type Problem } from '../errors.ts';
import { parsePublished } from '../ingest/published.ts';
import type { SiteContext } from './data.ts';
import { cachedChartRenderer } from './report-charts.ts';
import { analyzeRunCached, type RunAnalysis } from './report-run-cache.ts';
import type { RunInfo } from './report-runs.ts';
import { buildSetupSections, mostComplete, type SetupSection } from './report-setups.ts';

export interface Download {
  /** File name next to the report page. */
  file: string;
  title: string;
  csv: string;
}

export interface ReportData {
  runs: RunInfo[];
  /** The run the charts and tables show first: the newest by date. */
  latest: RunInfo;
  setups: SetupSection[];
  /** The run whose 1×K and K×1 configurations answer the packed-or-spread question. */
  spreadRun: RunInfo;
  spread: Array<SpreadComparison & { label: string }>;
  spreadVerdict: SpreadVerdict;
  downloads: Download[];
}

/** Reads every run and the published numbers, analyzes them and prepares the report's tables and charts. */
export async function loadReport(context: SiteContext): Promise<ReportData> {
  const dataDir = path.join(context.root, 'data');
  const started = performance.now();

  const published = await readPublished(path.join(dataDir, 'published', 'summary.csv'));
  const publishedTechniques = new Set(published.summaries.map((s) => s.technique));
  const analyses = await analyzeRuns(path.join(dataDir, 'runs'), publishedTechniques, context);
  const problems = [...analyses.flatMap((a) => a.problems), ...published.problems];
  if (problems.length > 0) throw new InputError(`${problems.length} problem(s) in the measurement data:`, problems);
  for (const warning of analyses.flatMap((a) => a.warnings)) context.log.warn(formatProblem(warning));
  context.log.step('analyzed', `${analyses.length} run(s)`, performance.now() - started);

  const summaries = [...analyses.flatMap((a) => a.summaries), ...published.summaries];
  const sources = [SOURCE_COLUMNS, ...analyses.flatMap((a) => a.sources)];
  const infos = analyses.map((a) => a.info);
  infos.sort((a, b) => b.manifest.date.localeCompare(a.manifest.date) || a.id.localeCompare(b.id));
  const latest = infos[0];

  const chartsStarted = performance.now();
  const renderer = cachedChartRenderer(context.cache);
  const setups = await buildSetupSections(summaries, infos, renderer.render);
  context.log.step('rendered', `${renderer.rendered} charts, reused ${renderer.reused}`, performance.now() - chartsStarted);

  // The packed-or-spread question is answered by the run with the most 1×K against K×1 pairs.
  const spreadRun = mostComplete(infos, (info) => compareSpread(summaries.filter((s) => s.run === info.id)).length) ?? latest;
  const spread = compareSpread(summaries.filter((s) => s.run === spreadRun.id)).map((comparison) => ({
    ...comparison,
    label: spreadRun.techniqueLabels[comparison.technique] ?? comparison.technique,
  }));

  return { runs: infos, latest, setups, spreadRun, spread, spreadVerdict: spreadVerdict(spread), downloads: downloadsOf(setups, summaries, sources) };
}

async function analyzeRuns(runsDir: string, publishedTechniques: ReadonlySet<string>, context: SiteContext): Promise<RunAnalysis[]> {
  const dirs = await runFolders(runsDir);
  if (dirs.length === 0) {
    throw new InputError('no runs to report:', [{ file: runsDir, line: 1, column: 1, message: 'expected at least one run folder with a manifest.json' }]);
  }
  const analyses: RunAnalysis[] = [];
  for (const dir of dirs) {
    const started = performance.now();
    const { analysis, reused } = await analyzeRunCached(dir, context.cache, publishedTechniques);
    const files = `${analysis.info.files.total} files of run ${analysis.info.id}`;
    context.log.step(reused ? 'reused' : 'ingested', files, performance.now() - started);
    analyses.push(analysis);
  }
  return analyses;
}

/** Lists the folders under data/runs/, following symbolic links so a run can live elsewhere. */
async function runFolders(runsDir: string): Promise<string[]> {
  const names = (await readdir(runsDir)).sort();
  const folders: string[] = [];
  const broken: Problem[] = [];
  for (const name of names) {
    // `netnotes measure` writes a run into a hidden .NAME.partial folder until it is complete.
    if (name.startsWith('.')) continue;
    const folder = path.join(runsDir, name);
    try {
      if ((await stat(folder)).isDirectory()) folders.push(folder);
    } catch (error) {
      if (!isEnoent(error)) throw error;
      broken.push({ file: folder, line: 1, column: 1, message: 'broken symbolic link: its target does not exist' });
    }
  }
  if (broken.length > 0) throw new InputError(`${broken.length} problem(s) in data/runs:`, broken);
  return folders;
}

async function readPublished(file: string): Promise<{ summaries: ConfigurationSummary[]; problems: Problem[] }> {
  const { cells, problems } = parsePublished(await readFile(file, 'utf8'), file);
  return { summaries: publishedSummaries(cells, PUBLISHED_RUN), problems };
}

function downloadsOf(setups: SetupSection[], summaries: ConfigurationSummary[], sources: string[][]): Download[] {
  const tables = setups.flatMap((setup) => setup.tables);
  return [
    { file: 'summary.csv', title: 'Every configuration of every run (means, 95 % intervals)', csv: stringify(summaryRecords(summaries)) },
    { file: 'sources.csv', title: 'Every client of every repetition, with the log file and line its number was read from', csv: stringify(sources) },
    ...tables.map((table) => ({ file: `${table.id}.csv`, title: `${table.caption} (${table.unit})`, csv: table.csv })),
  ];
}
