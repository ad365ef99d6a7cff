import { beforeAll, describe, expect, it } from 'vitest';

import { resolveEdition, type ChartEdition } from '../../scripts/catalog/edition.ts';
import { layoutChart, type ChartLayout } from '../../scripts/catalog/layout.ts';
import { createMeasure, type Measure } from '../../scripts/catalog/measure.ts';
import { crosses, preflightChart } from '../../scripts/catalog/preflight.ts';
import type { Catalog, RelationKind } from '../../scripts/catalog/types.ts';
import { RELATION_KINDS } from '../../scripts/catalog/types.ts';
import { loadCatalog } from '../../scripts/catalog/validate.ts';

let measure: Measure;
let realChart: ChartEdition;
let realLayout: ChartLayout;

beforeAll(async () => {
  measure = createMeasure();
  realChart = resolveEdition(await loadCatalog('data/catalog'));
  realLayout = await layoutChart(realChart, measure);
});

/** Generates a deterministic catalog of `count` tools with a few vendors and relations, from a seeded PRNG. */
function generatedCatalog(count: number, seed = 42): Catalog {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const source = { file: 'generated.yaml', path: '' };
  const categories = ['discovery', 'orchestration', 'automation', 'monitoring', 'os', 'networking', 'data'].map((id, i) => ({
    id,
    name: `Category ${i + 1} ${id}`,
    colour: '#336699',
    description: id,
    source,
  }));
  const vendors = ['alpha', 'beta', 'gamma', 'delta'].map((id) => ({ id, name: `Vendor ${id}`, source }));
  const tools = Array.from({ length: count }, (_, i) => {
    const main = pick(categories).id;
    const extra = random() < 0.4 ? [pick(categories).id].filter((id) => id !== main) : [];
    return {
      name: `Tool ${String(i + 1).padStart(3, '0')}${random() < 0.2 ? ' with a longer name' : ''}`,
      homepage: `https://example.org/tool-${i + 1}`,
      description: `Generated tool number ${i + 1}.`,
      categories: [main, ...extra],
      vendor: random() < 0.3 ? pick(vendors).id : undefined,
      lifecycle: random() < 0.15 ? ('obsolete' as const) : ('active' as const),
      since: random() < 0.1 ? '2' : undefined,
      source,
    };
  });
  const relations = Array.from({ length: Math.floor(count / 8) }, () => {
    const from = pick(tools).name;
    let to = pick(tools).name;
    while (to === from) to = pick(tools).name;
    return { from, to, kind: pick(RELATION_KINDS.filter((k) => k !== 'renamed to' && k !== 'replaced by')) as RelationKind, source };
  });
  const editions = [
    { id: '1', date: '2016-10', author: 'test', changes: [], source },
    { id: '2', date: '2026-12', author: 'test', changes: [], source },
  ];
  return { categories, vendors, tools, relations, editions };
}

describe('chart layout', () => {
  it('passes preflight on the real catalog', () => {
    expect(preflightChart(realLayout, measure)).toEqual([]);
  });

  it('draws every tool and arrow of the real catalog', () => {
    expect(realLayout.tools.map((t) => t.tool.name).sort()).toEqual(realChart.tools.map((t) => t.name).sort());
    expect(realLayout.edges).toHaveLength(realChart.relations.length);
    for (const edge of realLayout.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps tools in their main category', () => {
    for (const box of realLayout.tools) {
      const region = realLayout.regions.find((r) => r.category.id === box.tool.categories[0])!;
      expect(box.x).toBeGreaterThanOrEqual(region.x);
      expect(box.y).toBeGreaterThanOrEqual(region.y);
      expect(box.x + box.width).toBeLessThanOrEqual(region.x + region.width);
      expect(box.y + box.height).toBeLessThanOrEqual(region.y + region.height);
    }
  });

  it('passes preflight on 200 generated tools', async () => {
    const chart = resolveEdition(generatedCatalog(200));
    const layout = await layoutChart(chart, measure);
    expect(layout.tools).toHaveLength(200);
    expect(preflightChart(layout, measure)).toEqual([]);
  });

  it('preflight reports overlapping boxes', () => {
    const [first, second] = realLayout.tools;
    const moved = { ...realLayout, tools: [first, { ...second, x: first.x + 2, y: first.y + 2 }, ...realLayout.tools.slice(2)] };
    const messages = preflightChart(moved, measure).map((i) => i.message);
    expect(messages).toContain(`tool boxes '${first.tool.name}' and '${second.tool.name}' overlap`);
  });

  it('preflight reports a label overflowing its box', () => {
    const [first, ...rest] = realLayout.tools;
    const narrow = { ...realLayout, tools: [{ ...first, width: first.width / 3 }, ...rest] };
    const messages = preflightChart(narrow, measure).map((i) => i.message);
    expect(messages).toContain(`tool name '${first.tool.name}' overflows its box`);
  });

  it('preflight reports an arrow crossing a label', () => {
    const label = realLayout.tools[0].name;
    const edge = realLayout.edges[0];
    const across = { ...edge, points: [{ x: label.x - 5, y: label.y + label.height / 2 }, { x: label.x + label.width + 5, y: label.y + label.height / 2 }] };
    const layout = { ...realLayout, edges: [across, ...realLayout.edges.slice(1)] };
    const messages = preflightChart(layout, measure).map((i) => i.message);
    expect(messages.some((m) => m.includes(`crosses the label '${label.text}'`))).toBe(true);
  });

  it('segment test separates crossing from touching', () => {
    const box = { x: 10, y: 10, width: 20, height: 10 };
    expect(crosses({ x: 0, y: 15 }, { x: 40, y: 15 }, box)).toBe(true);
    expect(crosses({ x: 0, y: 10 }, { x: 40, y: 10 }, box)).toBe(false);
    expect(crosses({ x: 0, y: 0 }, { x: 5, y: 30 }, box)).toBe(false);
    expect(crosses({ x: 15, y: 0 }, { x: 15, y: 12 }, box)).toBe(true);
  });
});
