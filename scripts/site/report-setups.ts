import { stringify } from 'csv-stringify/sync';

import { PUBLISHED_RUN } from '../analyze/published.ts';
import type { ConfigurationSummary } from '../analyze/summary.ts';
import { forSetup, resultTable, SETUP_AVERAGE, SETUP_TITLES, tableRecords, type ResultTable } from '../analyze/tables.ts';
import { SETUPS, type Setup } from '../ingest/layout.ts';
import { groupedBarSpec, METRIC_UNITS, type Metric } from '../charts/throughput.ts';
import { techniqueShades } from '../charts/colours.ts';
import type { RenderChart } from './report-charts.ts';
import { ratioTables, runsComparedChart } from './report-compare.ts';
import type { RunInfo } from './report-runs.ts';

export interface TableView extends ResultTable {
  run: string;
  csv: string;
  /** Repetitions the run's manifest planned; a cell with fewer shows its own count. */
  repetitions?: number;
}

export interface ChartView {
  id: string;
  title: string;
  description: string;
  svg: string;
  /** Id of the table holding the chart's numbers. */
  tableId: string;
}

export interface SetupSection {
  id: Setup;
  title: string;
  tables: TableView[];
  charts: ChartView[];
}

/** Builds each setup's tables (every run, the published numbers, ratios) and charts (the newest run, then every run compared). */
export async function buildSetupSections(
  summaries: ConfigurationSummary[],
  runs: RunInfo[],
  render: RenderChart,
): Promise<SetupSection[]> {
  const sections: SetupSection[] = [];
  const colours = techniqueColours(runs);
  for (const setup of SETUPS) {
    if (!summaries.some((s) => s.setup === setup)) continue;
    sections.push(await buildSetupSection(setup, summaries, runs, render, colours));
  }
  return sections;
}

async function buildSetupSection(
  setup: Setup,
  summaries: ConfigurationSummary[],
  runs: RunInfo[],
  render: RenderChart,
  colours: TechniqueColours,
): Promise<SetupSection> {
  const average = SETUP_AVERAGE[setup];
  const tables: TableView[] = [];
  for (const run of runs) {
    const cells = forSetup(summaries, run.id, setup);
    if (cells.length === 0) continue;
    const planned = run.manifest.repetitions;
    tables.push({ ...tableView(cells, run.id, setup, average, `${run.id}: ${SETUP_TITLES[setup]}`, run.techniqueLabels), repetitions: planned });
    tables.push({ ...tableView(cells, run.id, setup, 'aggregate', `${run.id}: ${SETUP_TITLES[setup]}`, run.techniqueLabels), repetitions: planned });
  }
  const published = forSetup(summaries, PUBLISHED_RUN, setup);
  if (published.length > 0) {
    tables.push(tableView(published, PUBLISHED_RUN, setup, average, `Published 2014: ${SETUP_TITLES[setup]}`, {}));
    const summed = tableView(published, PUBLISHED_RUN, setup, 'aggregate', `Published 2014, summed from the printed averages: ${SETUP_TITLES[setup]}`, {});
    tables.push(withoutSumsOfPrintedZeros(summed, published, average));
  }

  // The run that measured most of this setup's configurations, the newest of those if several
  // did, so a small newer run does not push a complete one off the setup's charts. The runs
  // compared chart below shows every run.
  const latest = mostComplete(runs, (run) => forSetup(summaries, run.id, setup).length);
  const latestCells = latest ? forSetup(summaries, latest.id, setup) : [];
  const charts: ChartView[] = [];
  if (latest) {
    charts.push(await techniqueChart(latestCells, latest, setup, average, render, colours));
    charts.push(await techniqueChart(latestCells, latest, setup, 'aggregate', render, colours));
  }
  const compared = await runsComparedChart(summaries, runs, setup, average, render, colours);
  if (compared) charts.push(compared);
  tables.push(...ratioTables(summaries, runs, setup, average));
  return { id: setup, title: SETUP_TITLES[setup], tables, charts };
}

function tableView(
  cells: ConfigurationSummary[],
  run: string,
  setup: Setup,
  metric: Metric,
  caption: string,
  techniqueLabels: Record<string, string>,
): TableView {
  const table = resultTable(cells, { id: tableId(run, setup, metric), caption, metric, techniqueLabels });
  return { ...table, run, csv: stringify(tableRecords(table)) };
}

/**
 * Empties the sums of averages that 2014 printed as 0.0. Printed to one decimal, such an average
 * is anything below 0.05, so its sum over many clients is unknown rather than 0.
 */
function withoutSumsOfPrintedZeros(table: TableView, published: ConfigurationSummary[], average: Metric): TableView {
  const rows = table.rows.map((row) => {
    const zero = table.columns.map((label) => published.find((s) => s.technique === row.technique && s.label === label)?.[average].mean === 0);
    if (!zero.some(Boolean)) return row;
    const cells = row.cells.map((cell, index) => (zero[index] ? undefined : cell));
    const gap = `unknown: 2014 printed 0.0 ${average === 'perClient' ? 'per client' : 'per container'}`;
    return { ...row, cells, gaps: zero.map((isZero) => (isZero ? gap : undefined)) };
  });
  const emptied = { ...table, rows };
  return { ...emptied, csv: stringify(tableRecords(emptied)) };
}

function tableId(run: string, setup: Setup, metric: Metric): string {
  const kind = metric === 'aggregate' ? 'aggregate' : 'average';
  return `${run}-${setup}-${kind}`;
}

async function techniqueChart(
  cells: ConfigurationSummary[],
  run: RunInfo,
  setup: Setup,
  metric: Metric,
  render: RenderChart,
  colours: TechniqueColours,
): Promise<ChartView> {
  const id = `chart-${run.id}-${setup}-${metric === 'aggregate' ? 'aggregate' : 'average'}`;
  const repetitions = Math.max(...cells.map((c) => c.repetitions ?? 1));
  const quantity = metric === 'aggregate' ? 'Aggregate throughput' : `Average throughput ${metric === 'perClient' ? 'per client' : 'per container'}`;
  const title = `${quantity}: ${SETUP_TITLES[setup].toLowerCase()}`;
  const subtitle = `Run ${run.id}, mean of ${repetitions} repetitions; whiskers: 95 % confidence interval`;
  const description =
    `Grouped bar chart of ${METRIC_UNITS[metric]} for each configuration of the ${SETUP_TITLES[setup].toLowerCase()} setup, ` +
    `one bar per technique (${run.techniques.map((t) => t.id).join(', ')}), measured in run ${run.id}.`;
  const spec = groupedBarSpec(cells, {
    title,
    subtitle,
    description,
    metric,
    series: { title: 'Technique', label: (s) => run.techniqueLabels[s.technique] ?? s.technique },
    colours: Object.fromEntries(cells.map((s) => [run.techniqueLabels[s.technique] ?? s.technique, colours(s.technique).dark])),
  });
  return { id, title, description, svg: await render(spec, id), tableId: tableId(run.id, setup, metric) };
}

/** Returns the shades of a measured technique; the same technique has the same hue on every chart. */
export type TechniqueColours = (technique: string) => { dark: string; light: string };

function techniqueColours(runs: RunInfo[]): TechniqueColours {
  const order = [...new Set(runs.flatMap((run) => run.techniques.map((t) => t.id)))].sort();
  return (technique) => techniqueShades(Math.max(0, order.indexOf(technique)));
}

/** Returns the run with the highest count, the first (newest) one on a tie; undefined when every count is 0. */
export function mostComplete(runs: RunInfo[], count: (run: RunInfo) => number): RunInfo | undefined {
  let best: RunInfo | undefined;
  let bestCount = 0;
  for (const run of runs) {
    const n = count(run);
    if (n > bestCount) {
      best = run;
      bestCount = n;
    }
  }
  return best;
}
