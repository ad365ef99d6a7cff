import type { TopLevelSpec } from 'vega-lite';

import type { ConfigurationSummary } from '../analyze/summary.ts';
import { compareConfigurations } from '../ingest/layout.ts';
import type { Stats } from '../analyze/stats.ts';
import { CHART_CONFIG } from './render.ts';

export type Metric = 'perClient' | 'perContainer' | 'aggregate';

export const METRIC_UNITS: Record<Metric, string> = {
  perClient: 'Gbit/s per client',
  perContainer: 'Gbit/s per container',
  aggregate: 'Gbit/s aggregate (sum of all clients)',
};

export interface BarChartOptions {
  title: string;
  subtitle: string;
  /** Read by screen readers as the chart's description. */
  description: string;
  metric: Metric;
  /** The split of each configuration into bars: the legend title and each bar's label. */
  series: { title: string; label: (summary: ConfigurationSummary) => string };
  /** Colour of each series label; series without one use Vega's tableau10 scheme. */
  colours?: Record<string, string>;
  width?: number;
}

/** A row of the data a grouped bar chart draws; also what its CSV download holds. */
export interface BarDatum {
  configuration: string;
  order: number;
  series: string;
  mean: number;
  low?: number;
  high?: number;
}

/**
 * Builds a grouped bar chart: one group per configuration, one bar per technique (or run), a
 * whisker for the 95 % confidence interval where the repetitions give one. Groups are ordered
 * by configuration, and bars within a group in the order the summaries first name them.
 */
export function groupedBarSpec(summaries: readonly ConfigurationSummary[], options: BarChartOptions): TopLevelSpec {
  const data = barData(summaries, options);
  const configurations = [...new Map(data.map((d) => [d.configuration, d.order])).entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([label]) => label);
  const seriesOrder = [...new Set(data.map((d) => d.series))];
  data.sort((a, b) => a.order - b.order);

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, subtitle: options.subtitle },
    description: options.description,
    width: options.width ?? 640,
    height: 280,
    data: { values: data },
    encoding: {
      x: { field: 'configuration', type: 'nominal', sort: configurations, title: null, axis: { labelAngle: 0 } },
      xOffset: { field: 'series', type: 'nominal', sort: seriesOrder },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'mean', type: 'quantitative', title: METRIC_UNITS[options.metric] },
          color: {
            field: 'series',
            type: 'nominal',
            sort: seriesOrder,
            title: options.series.title,
            // More than four entries wrap onto rows, so the legend never outgrows the plot.
            legend: { columns: seriesOrder.length <= 4 ? seriesOrder.length : 3 },
            scale: colourScale(seriesOrder, options.colours),
          },
        },
      },
      {
        // Vega-Lite places rules at the start of their band by default, so centre them on their bar.
        transform: [{ filter: 'isValid(datum.low)' }],
        mark: { type: 'rule', color: '#222', strokeWidth: 1.2 },
        encoding: {
          x: { field: 'configuration', type: 'nominal', sort: configurations, bandPosition: 0.5 },
          xOffset: { field: 'series', type: 'nominal', sort: seriesOrder, bandPosition: 0.5 },
          y: { field: 'low', type: 'quantitative' },
          y2: { field: 'high' },
        },
      },
    ],
    config: CHART_CONFIG,
  } as TopLevelSpec;
}

function colourScale(series: string[], colours: Record<string, string> | undefined) {
  if (!colours || series.some((label) => colours[label] === undefined)) return { scheme: 'tableau10' };
  return { domain: series, range: series.map((label) => colours[label]) };
}

/** Returns the values a grouped bar chart draws, with series ids replaced by their labels. */
export function barData(summaries: readonly ConfigurationSummary[], options: BarChartOptions): BarDatum[] {
  const configurations = [...summaries].sort((a, b) => compareConfigurations(a.configuration, b.configuration)).map((s) => s.label);
  return summaries.map((summary) => {
    const stats: Stats = summary[options.metric];
    return {
      configuration: summary.label,
      order: configurations.indexOf(summary.label),
      series: options.series.label(summary),
      mean: round(stats.mean),
      ...(stats.ci95 ? { low: round(Math.max(0, stats.ci95.low)), high: round(stats.ci95.high) } : {}),
    };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
