import { stringify } from 'csv-stringify/sync';

import { PUBLISHED_RUN } from '../analyze/published.ts';
import type { ConfigurationSummary } from '../analyze/summary.ts';
import { forSetup, SETUP_TITLES, tableRecords } from '../analyze/tables.ts';
import type { Setup } from '../ingest/layout.ts';
import { mixColours } from '../charts/colours.ts';
import { groupedBarSpec, METRIC_UNITS, type Metric } from '../charts/throughput.ts';
import type { RenderChart } from './report-charts.ts';
import type { RunInfo } from './report-runs.ts';
import type { ChartView, TableView, TechniqueColours } from './report-setups.ts';

/** Bars of one technique across runs: the 2014 technique it stands for, then each run that measured it. */
interface Family {
  published?: string;
  technique: string;
}

/**
 * Draws every run beside the others for one setup: each 2014 technique next to the emulation
 * of it in every run, and techniques measured by more than one run next to themselves.
 */
export async function runsComparedChart(
  summaries: ConfigurationSummary[],
  runs: RunInfo[],
  setup: Setup,
  metric: Metric,
  render: RenderChart,
  colours: TechniqueColours,
): Promise<ChartView | undefined> {
  const families = familiesOf(summaries, runs, setup);
  const measuredRuns = [...runs].reverse().filter((run) => forSetup(summaries, run.id, setup).length > 0);
  // Every configuration some run measured; 2014 cells outside them have nothing to stand beside.
  const labels = new Set(measuredRuns.flatMap((run) => forSetup(summaries, run.id, setup).map((s) => s.label)));

  const cells: ConfigurationSummary[] = [];
  const shownPublished = new Set<string>();
  for (const family of families) {
    // Two emulations of one 2014 technique (routed and nat both stand for iptables) show it once.
    if (family.published && !shownPublished.has(family.published)) {
      shownPublished.add(family.published);
      cells.push(...forSetup(summaries, PUBLISHED_RUN, setup).filter((s) => s.technique === family.published && labels.has(s.label)));
    }
    for (const run of measuredRuns) cells.push(...forSetup(summaries, run.id, setup).filter((s) => s.technique === family.technique));
  }
  if (new Set(cells.map((s) => s.run)).size < 2) return undefined;

  const id = `chart-${setup}-runs-compared`;
  const title = `Runs compared: ${SETUP_TITLES[setup].toLowerCase()}`;
  const subtitle = `${METRIC_UNITS[metric]}. Runs on different hardware and software: compare shapes, not heights.`;
  const pairs = families.filter((f) => f.published).map((f) => `${f.published} with ${f.technique}`);
  const description =
    `Grouped bar chart of ${METRIC_UNITS[metric]} for the ${SETUP_TITLES[setup].toLowerCase()} setup in every run` +
    (pairs.length > 0 ? `, each 2014 technique beside the emulation that stands for it (${pairs.join(', ')}).` : '.');
  const spec = groupedBarSpec(cells, {
    title,
    subtitle,
    description,
    metric,
    series: { title: 'Technique, run', label: seriesLabel },
    // A family shares its technique's hue: the newest run dark, the 2014 technique light, and
    // older runs in shades between.
    colours: Object.fromEntries(cells.map((s) => [seriesLabel(s), seriesColour(s, families, measuredRuns, colours)])),
  });
  return { id, title, description, svg: await render(spec, id), tableId: ratioTableId(setup, PUBLISHED_RUN) };
}

/**
 * Tables of ratios for one setup: every run's mean divided by the 2014 number of the technique
 * it stands for, and, when several runs exist, by the oldest run's mean of the same technique.
 */
export function ratioTables(summaries: ConfigurationSummary[], runs: RunInfo[], setup: Setup, metric: Metric): TableView[] {
  // `runs` is newest first, as everywhere on the page; the baseline is the oldest measured run.
  const newestFirst = runs.filter((run) => forSetup(summaries, run.id, setup).length > 0);
  const tables: TableView[] = [];

  const toPublished = ratioTable(summaries, newestFirst, setup, metric, PUBLISHED_RUN, (run, technique) =>
    run.techniques.find((t) => t.id === technique)?.emulates,
  );
  if (toPublished) tables.push(toPublished);

  const baseline = newestFirst.at(-1);
  const later = newestFirst.slice(0, -1);
  if (baseline && later.length > 0) {
    const toBaseline = ratioTable(summaries, later, setup, metric, baseline.id, (_run, technique) => technique);
    if (toBaseline) tables.push(toBaseline);
  }
  return tables;
}

function ratioTable(
  summaries: ConfigurationSummary[],
  runs: RunInfo[],
  setup: Setup,
  metric: Metric,
  reference: string,
  partnerOf: (run: RunInfo, technique: string) => string | undefined,
): TableView | undefined {
  const referenceCells = forSetup(summaries, reference, setup);
  const referenceName = reference === PUBLISHED_RUN ? '2014' : `run ${reference}`;
  // 2014 printed one decimal, so its 0.0 is a small number rounded down, not a measured zero.
  const zeroGap = reference === PUBLISHED_RUN ? 'no ratio: 2014 printed 0.0' : `no ratio: ${referenceName} measured 0`;
  const columns = [...new Set(runs.flatMap((run) => forSetup(summaries, run.id, setup).map((s) => s.label)))];
  const rows: TableView['rows'] = [];
  for (const run of runs) {
    for (const technique of run.techniques.map((t) => t.id)) {
      const partner = partnerOf(run, technique);
      if (!partner || !referenceCells.some((s) => s.technique === partner)) continue;
      const pairs = columns.map((label) => ({
        mine: forSetup(summaries, run.id, setup).find((s) => s.technique === technique && s.label === label),
        theirs: referenceCells.find((s) => s.technique === partner && s.label === label),
      }));
      const cells = pairs.map(({ mine, theirs }) => {
        if (!mine || !theirs || theirs[metric].mean === 0) return undefined;
        const ratio = mine[metric].mean / theirs[metric].mean;
        return { n: 1, mean: ratio, min: ratio, max: ratio };
      });
      const gaps = pairs.map(({ mine, theirs }) => (mine && theirs?.[metric].mean === 0 ? zeroGap : undefined));
      const row = { technique: `${technique}@${run.id}`, label: `${technique} (${run.id}) ÷ ${partner}`, cells };
      rows.push(gaps.some(Boolean) ? { ...row, gaps } : row);
    }
  }
  if (rows.length === 0) return undefined;

  const table = {
    id: ratioTableId(setup, reference),
    caption: `Ratio to ${referenceName}: ${SETUP_TITLES[setup]}`,
    unit: `${METRIC_UNITS[metric]} of each run divided by that of ${referenceName}`,
    columns,
    rows,
  };
  return { ...table, run: reference, csv: stringify(tableRecords(table)) };
}

function seriesLabel(summary: ConfigurationSummary): string {
  return `${summary.technique}, ${summary.run === PUBLISHED_RUN ? '2014' : summary.run}`;
}

function seriesColour(summary: ConfigurationSummary, families: Family[], runs: RunInfo[], colours: TechniqueColours): string {
  if (summary.run === PUBLISHED_RUN) {
    const family = families.find((f) => f.published === summary.technique);
    return colours(family?.technique ?? summary.technique).light;
  }
  // `runs` is oldest first; the newest of the runs that measured this technique is dark.
  const measuring = runs.filter((run) => run.techniques.some((t) => t.id === summary.technique));
  const age = measuring.length - 1 - measuring.findIndex((run) => run.id === summary.run);
  const { dark, light } = colours(summary.technique);
  return age === 0 ? dark : mixColours(dark, light, age / (measuring.length + 1));
}


function ratioTableId(setup: Setup, reference: string): string {
  return `${setup}-ratio-to-${reference}`;
}

function familiesOf(summaries: ConfigurationSummary[], runs: RunInfo[], setup: Setup): Family[] {
  const published = new Set(forSetup(summaries, PUBLISHED_RUN, setup).map((s) => s.technique));
  const families = new Map<string, Family & { runs: number }>();
  for (const run of runs) {
    const measured = new Set(forSetup(summaries, run.id, setup).map((s) => s.technique));
    for (const technique of run.techniques.filter((t) => measured.has(t.id))) {
      const family = families.get(technique.id) ?? { technique: technique.id, runs: 0 };
      family.runs += 1;
      if (technique.emulates && published.has(technique.emulates)) family.published ??= technique.emulates;
      families.set(technique.id, family);
    }
  }
  return [...families.values()]
    .filter((family) => family.published || family.runs > 1)
    .sort((a, b) => a.technique.localeCompare(b.technique));
}
