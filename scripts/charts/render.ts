import { GlobalFonts } from 'canvas';
import type { TopLevelSpec } from 'vega-lite';

import { escapeXml } from '../escape.ts';

/** The one typeface of the site; charts, pages and PDFs name it explicitly so they agree. */
export const CHART_FONT = 'Liberation Sans';

/**
 * Compiles a Vega-Lite spec and renders it to SVG on the server. Vega measures label widths
 * with the `canvas` package (@napi-rs/canvas), which draws with the fonts installed on the
 * machine, so axis labels and legends get the room the browser will need.
 *
 * `idPrefix` makes the SVG's element ids unique when several charts share one page.
 */
export async function renderChart(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const label = chartLabel(spec);
  requireFont();
  // Vega is loaded on first use: a rebuild that finds every chart in the cache never needs it.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return labelSvg(prefixIds(roundNumbers(svg), idPrefix), idPrefix, label);
  } finally {
    view.finalize();
  }
}

function chartLabel(spec: TopLevelSpec): { title: string; description: string } {
  const title = typeof spec.title === 'object' && spec.title && 'text' in spec.title ? String(spec.title.text) : String(spec.title ?? '');
  return { title, description: spec.description ?? '' };
}

/**
 * Gives the SVG a <title> and <desc> that screen readers announce; Vega's own SVG has ARIA
 * roles on its marks but no name for the chart as a whole.
 */
export function labelSvg(svg: string, idPrefix: string, label: { title: string; description: string }): string {
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const open = svg.match(/^<svg\b[^>]*>/);
  if (!open) throw new Error('Vega returned no <svg> element');
  const attributes = open[0].replace(/^<svg\b/, `<svg role="graphics-document document" aria-labelledby="${titleId}" aria-describedby="${descId}"`);
  const children = `<title id="${titleId}">${escapeXml(label.title)}</title><desc id="${descId}">${escapeXml(label.description)}</desc>`;
  return attributes + children + svg.slice(open[0].length);
}

function requireFont(): void {
  if (!GlobalFonts.has(CHART_FONT)) {
    throw new Error(`font "${CHART_FONT}" is not installed, so chart labels cannot be measured; install fonts-liberation`);
  }
}

/**
 * Rounds the numbers of geometry attributes to hundredths of a pixel. Vega writes full doubles
 * (37.14705882352942), which draw nothing finer and make the page heavier.
 */
export function roundNumbers(svg: string): string {
  return svg.replace(/\b(d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g, (_attribute, name: string, value: string) => {
    const rounded = value.replace(/-?\d+\.\d{3,}/g, (number) => String(Math.round(Number(number) * 100) / 100));
    return `${name}="${rounded}"`;
  });
}

/** Prefixes every id="…" and its url(#…) and href="#…" references. */
export function prefixIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** Chart styling shared by every chart of the site. */
export const CHART_CONFIG = {
  font: CHART_FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#333', titleColor: '#333', gridColor: '#e5e5e5' },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', orient: 'top' },
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 12, subtitleColor: '#444' },
  header: { labelFontSize: 12, titleFontSize: 12 },
} as const;
