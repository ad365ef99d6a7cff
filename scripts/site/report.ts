import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { stringify } from 'csv-stringify/sync';

import { sourceRecords, summaryRecords } from '../analyze/contract.ts';
import { publishedSummaries, PUBLISHED_RUN } from '../analyze/published.ts';
import { compareSpread, spreadVerdict, type SpreadComparison, type SpreadVerdict } from '../analyze/question.ts';
import { summarizeRun, type ConfigurationSummary } from '../analyze/summary.ts';
import { analyzeRepetitions } from '../analyze/throughput.ts';
import { InputError, type Problem, formatProblem } from '../errors.ts';
import { ingestFile } from '../ingest/index.ts';
import { parsePublished } from '../ingest/published.ts';
import { readRun, type Run } from '../ingest/run.ts';
import type { SiteContext } from './data.ts';
import { describeRun, type RunInfo } from './report-runs.ts';
import { buildSetupSections, type SetupSection } from './report-setups.ts';

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
  spread: Array<SpreadComparison & { label: string }>;
  spreadVerdict: SpreadVerdict;
  downloads: Download[];
}

/** Reads every run and the published numbers, analyzes them and prepares the report's tables and charts. */
export async function loadReport(context: SiteContext): Promise<ReportData> {
  const dataDir = path.join(context.root, 'data');
  const started = performance.now();

  const runs = await readRuns(path.join(dataDir, 'runs'));
  const published = await readPublished(path.join(dataDir, 'published', 'summary.csv'));
  const problems = [...runs.flatMap((run) => run.problems), ...published.problems];
  if (problems.length > 0) throw new InputError(`${problems.length} problem(s) in the measurement data:`, problems);
  context.log.step('ingested', `${runs.reduce((n, r) => n + r.files.length, 0)} files of ${runs.length} run(s)`, performance.now() - started);

  const summaries: ConfigurationSummary[] = [];
  const infos: RunInfo[] = [];
  const sources: string[][] = [];
  for (const run of runs) {
    const analysis = analyzeRepetitions(run);
    for (const problem of analysis.problems) context.log.warn(formatProblem(problem));
    summaries.push(...summarizeRun(run.id, analysis.repetitions));
    sources.push(...sourceRecords(run.id, run.dir, analysis.repetitions).slice(sources.length === 0 ? 0 : 1));
    infos.push(describeRun(run, analysis.problems));
  }
  summaries.push(...published.summaries);
  infos.sort((a, b) => b.manifest.date.localeCompare(a.manifest.date) || a.id.localeCompare(b.id));
  const latest = infos[0];

  const chartsStarted = performance.now();
  const setups = await buildSetupSections(summaries, infos);
  context.log.step('rendered', `${setups.reduce((n, s) => n + s.charts.length, 0)} charts`, performance.now() - chartsStarted);

  const spread = compareSpread(summaries.filter((s) => s.run === latest.id)).map((comparison) => ({
    ...comparison,
    label: latest.techniqueLabels[comparison.technique] ?? comparison.technique,
  }));

  return { runs: infos, latest, setups, spread, spreadVerdict: spreadVerdict(spread), downloads: downloadsOf(setups, summaries, sources) };
}

async function readRuns(runsDir: string): Promise<Run[]> {
  const entries = await readdir(runsDir, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => path.join(runsDir, e.name)).sort();
  if (dirs.length === 0) {
    throw new InputError('no runs to report:', [{ file: runsDir, line: 1, column: 1, message: 'expected at least one run folder with a manifest.json' }]);
  }
  return Promise.all(dirs.map((dir) => readRun(dir, ingestFile)));
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
