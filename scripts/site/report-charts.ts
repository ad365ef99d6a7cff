import type { TopLevelSpec } from 'vega-lite';

import { codeVersion, hashOf, type StageCache } from '../cache.ts';
import { renderChart } from '../charts/render.ts';

export type RenderChart = (spec: TopLevelSpec, id: string) => Promise<string>;

/** Renders charts through the stage cache, keyed by the spec itself, and counts what it reused. */
export function cachedChartRenderer(cache: StageCache): { render: RenderChart; rendered: number; reused: number } {
  const counts = { rendered: 0, reused: 0 };
  const render: RenderChart = async (spec, id) => {
    const key = hashOf(await codeVersion('charts'), id, JSON.stringify(spec));
    const { value, reused } = await cache.json('charts', key, () => renderChart(spec, id));
    counts[reused ? 'reused' : 'rendered'] += 1;
    return value;
  };
  return {
    render,
    get rendered() {
      return counts.rendered;
    },
    get reused() {
      return counts.reused;
    },
  };
}
