import path from 'node:path';

import { drawChartSvg } from '../catalog/draw.ts';
import { resolveEdition, type ToolView } from '../catalog/edition.ts';
import { catalogCsv, catalogJson } from '../catalog/export.ts';
import { layoutChart } from '../catalog/layout.ts';
import { createMeasure } from '../catalog/measure.ts';
import { drawPosterSvg } from '../catalog/poster-svg.ts';
import { preflightChart } from '../catalog/preflight.ts';
import type { Catalog, Category, Change, Edition } from '../catalog/types.ts';
import { loadCatalog } from '../catalog/validate.ts';
import { codeVersion, hashOf } from '../cache.ts';
import { InputError, type Problem } from '../errors.ts';
import type { SiteContext } from './data.ts';

export const CATALOG_DIR = 'data/catalog';
export const POSTER_PDF = 'docker-ecosystem-poster.pdf';
export const POSTER_PNG = 'docker-ecosystem-poster.png';

/** What the Docker ecosystem page, its downloads and the poster are made from. */
export interface CatalogData {
  edition: Pick<Edition, 'id' | 'date' | 'author'>;
  previous?: Pick<Edition, 'id' | 'date'>;
  chartSvg: string;
  chart: { width: number; height: number };
  posterSvg: string;
  poster: { width: number; height: number; pdf: string; png: string };
  /** Categories in chart order, each with the tools whose main category it is. */
  categories: Array<Pick<Category, 'id' | 'name' | 'colour' | 'description'> & { tools: ToolView[] }>;
  categoryNames: Record<string, string>;
  vendors: Array<{ id: string; name: string }>;
  vendorNames: Record<string, string>;
  toolCount: number;
  /** Changes recorded in the shown edition with a checked source, and those left unverified. */
  changes: Change[];
  unverified: string[];
  added: ToolView[];
  json: string;
  csv: string;
}

/** Loads and checks the catalog, lays the chart out, runs the preflight and draws chart and poster. */
export async function loadCatalogPage(context: SiteContext): Promise<CatalogData> {
  const started = performance.now();
  const catalog = await loadCatalog(path.join(context.root, CATALOG_DIR), CATALOG_DIR);
  const chart = resolveEdition(catalog);

  // Layout is the slow step; it depends only on the resolved edition and the catalog code.
  const key = hashOf(await codeVersion('catalog'), JSON.stringify(chart));
  const { value: drawn, reused } = await context.cache.json('catalog', key, () => drawCatalog(chart));
  if (drawn.issues.length > 0) {
    const problems = drawn.issues.map((issue) => locateIssue(catalog, issue.tools, `chart preflight failed: ${issue.message}`));
    throw new InputError(`${problems.length} problem(s) in the laid-out chart:`, problems);
  }
  const size = `${drawn.chart.width}×${drawn.chart.height} px`;
  context.log.step(reused ? 'reused' : 'laid out', `the ecosystem chart: ${chart.tools.length} tools, ${chart.relations.length} arrows, ${size}`, performance.now() - started);

  return {
    edition: { id: chart.edition.id, date: chart.edition.date, author: chart.edition.author },
    previous: chart.previous && { id: chart.previous.id, date: chart.previous.date },
    chartSvg: drawn.chartSvg,
    chart: drawn.chart,
    posterSvg: drawn.posterSvg,
    poster: { ...drawn.poster, pdf: POSTER_PDF, png: POSTER_PNG },
    categories: chart.categories.map(({ id, name, colour, description }) => ({
      id,
      name,
      colour,
      description,
      tools: chart.tools.filter((t) => t.categories[0] === id),
    })),
    categoryNames: Object.fromEntries(chart.categories.map((c) => [c.id, c.name])),
    vendors: chart.vendors.map(({ id, name }) => ({ id, name })),
    vendorNames: Object.fromEntries(chart.vendors.map((v) => [v.id, v.name])),
    toolCount: chart.tools.length,
    changes: chart.changes.filter((c) => c.status !== 'unverified'),
    unverified: chart.changes.filter((c) => c.status === 'unverified').map((c) => c.tool),
    added: chart.added,
    json: catalogJson(chart),
    csv: catalogCsv(chart),
  };
}

interface DrawnCatalog {
  chartSvg: string;
  chart: { width: number; height: number };
  posterSvg: string;
  poster: { width: number; height: number };
  issues: Array<{ tools: string[]; message: string }>;
}

async function drawCatalog(chart: ReturnType<typeof resolveEdition>): Promise<DrawnCatalog> {
  const measure = createMeasure();
  const layout = await layoutChart(chart, measure);
  const issues = preflightChart(layout, measure).map(({ tools, message }) => ({ tools, message }));
  const poster = drawPosterSvg(chart, layout, measure);
  return {
    chartSvg: drawChartSvg(layout, chart.categories, { id: 'ecosystem-chart' }),
    chart: { width: layout.width, height: layout.height },
    posterSvg: poster.svg,
    poster: { width: poster.width, height: poster.height },
    issues,
  };
}

function locateIssue(catalog: Catalog, tools: string[], message: string): Problem {
  const tool = catalog.tools.find((t) => t.name === tools[0]);
  // Preflight issues have no source line of their own; point at the first tool involved.
  return { file: tool?.source.file ?? CATALOG_DIR, line: 1, column: 1, message: tool ? `${message} (tool '${tool.name}', ${tool.source.path})` : message };
}
