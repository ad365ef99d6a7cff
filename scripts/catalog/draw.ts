import type { ChartLayout, EdgePath, FrameBox, RegionBox, ToolBox } from './layout.ts';
import { FONT_FAMILY } from './measure.ts';
import { escapeXml as x, safeHref } from '../escape.ts';
import { CHART_STYLE as S } from './style.ts';
import type { Category } from './types.ts';

const INK = '#1f2a36';
const MUTED = '#7b8794';

/** Draws the chart as standalone SVG markup; `extra` is appended inside the root element. */
export function drawChartSvg(layout: ChartLayout, categories: Category[], options: { width?: number; height?: number; extra?: string; id?: string } = {}): string {
  const width = options.width ?? layout.width;
  const height = options.height ?? layout.height;
  const colours = new Map(categories.map((c) => [c.id, c.colour]));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" ${options.id ? `id="${x(options.id)}" ` : ''}class="ecosystem-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}, Arial, sans-serif" role="graphics-document document" aria-labelledby="chart-title">`,
    `<title id="chart-title">${x(layout.title.text)}: ${layout.tools.length} tools in ${categories.length} categories</title>`,
    defs(),
    `<rect width="${width}" height="${height}" fill="#f4f7fa"/>`,
    text(layout.title.text, layout.title.x, layout.title.y, S.title, INK),
    ...layout.regions.map((r) => region(r)),
    ...layout.frames.map((f) => frame(f)),
    ...layout.edges.map((e) => edge(e)),
    ...layout.tools.map((t, i) => tool(t, i, colours)),
    ...layout.legend.map((l) => pill(l, l.category.colour)),
    text(layout.footer.text, layout.footer.x, layout.footer.y, S.footer, MUTED),
    options.extra ?? '',
    '</svg>',
  ].join('\n');
}

function defs(): string {
  return `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${INK}"/></marker></defs>`;
}

/** Liberation Sans ascent per em (its hhea ascender, 1854/2048); baseline = line top + ascent. */
const ASCENT_PER_EM = 0.905;

/** Text positioned by the top of its line box, as the layout measured it. */
function text(content: string, left: number, top: number, style: { size: number; weight: string }, fill: string, extra = ''): string {
  const baseline = top + style.size * ASCENT_PER_EM;
  return `<text x="${round(left)}" y="${round(baseline)}" font-size="${style.size}" font-weight="${style.weight}" fill="${fill}"${extra}>${x(content)}</text>`;
}

function region(r: RegionBox): string {
  return `<g class="category-region" data-category="${x(r.category.id)}"><rect x="${round(r.x)}" y="${round(r.y)}" width="${round(r.width)}" height="${round(r.height)}" rx="10" fill="${x(r.category.colour)}" fill-opacity="0.07" stroke="${x(r.category.colour)}" stroke-opacity="0.35"/>${pill(r.pill, r.category.colour)}</g>`;
}

function pill(label: { text: string; x: number; y: number; width: number; height: number }, colour: string): string {
  const left = label.x - S.pillPaddingX;
  const top = label.y - S.pillPaddingY;
  const width = label.width + 2 * S.pillPaddingX;
  const height = label.height + 2 * S.pillPaddingY;
  return `<rect class="pill" x="${round(left)}" y="${round(top)}" width="${round(width)}" height="${round(height)}" rx="${round(height / 2)}" fill="${x(colour)}"/>${text(label.text, label.x, label.y, S.pill, '#ffffff')}`;
}

function frame(f: FrameBox): string {
  return `<g class="vendor-frame" data-vendor="${x(f.vendor.id)}"><rect x="${round(f.x)}" y="${round(f.y)}" width="${round(f.width)}" height="${round(f.height)}" rx="8" fill="#cfe8f6" fill-opacity="0.6" stroke="#6bb8dc" stroke-dasharray="6 3"/>${text(f.label.text, f.label.x, f.label.y, S.vendorLabel, '#2b7fa8', ' font-style="italic"')}</g>`;
}

function edge(e: EdgePath): string {
  if (e.points.length < 2) return '';
  const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
  const label = e.label
    ? `<rect x="${round(e.label.x - S.labelPaddingX)}" y="${round(e.label.y)}" width="${round(e.label.width + 2 * S.labelPaddingX)}" height="${round(e.label.height)}" fill="#f4f7fa" fill-opacity="0.9"/>${text(e.label.text, e.label.x, e.label.y, S.edgeLabel, INK)}`
    : '';
  return `<g class="relation" data-from="${x(e.relation.from)}" data-to="${x(e.relation.to)}"><path d="${d}" fill="none" stroke="${INK}" stroke-width="1.2" marker-end="url(#arrow)"/>${label}</g>`;
}

function tool(t: ToolBox, index: number, colours: Map<string, string>): string {
  const obsolete = t.tool.lifecycle === 'obsolete';
  const clip = `tool-clip-${index}`;
  const stripes = t.tool.categories
    .map((id, i) => `<rect x="${round(t.x + i * S.stripeWidth)}" y="${round(t.y)}" width="${S.stripeWidth}" height="${t.height}" fill="${x(colours.get(id) ?? MUTED)}"${obsolete ? ' fill-opacity="0.45"' : ''}/>`)
    .join('');
  const border = obsolete ? ' stroke="#8a949e" stroke-dasharray="5 3" fill="#e9ecef"' : ' stroke="#44515e" fill="#ffffff"';
  const badge = t.badge
    ? `<rect x="${round(t.badge.x - S.badgePaddingX)}" y="${round(t.badge.y - 1)}" width="${round(t.badge.width + 2 * S.badgePaddingX)}" height="${round(t.badge.height + 2)}" rx="4" fill="#d62f2f"/>${text('NEW', t.badge.x, t.badge.y, S.badge, '#ffffff')}`
    : '';
  const body = [
    `<clipPath id="${clip}"><rect x="${round(t.x)}" y="${round(t.y)}" width="${round(t.width)}" height="${t.height}" rx="6"/></clipPath>`,
    `<rect x="${round(t.x)}" y="${round(t.y)}" width="${round(t.width)}" height="${t.height}" rx="6"${border}/>`,
    `<g clip-path="url(#${clip})">${stripes}</g>`,
    text(t.name.text, t.name.x, t.name.y, S.toolName, obsolete ? '#5f6b76' : INK),
    badge,
  ].join('');
  const attributes = [
    `class="tool${obsolete ? ' obsolete' : ''}"`,
    `data-name="${x(t.tool.name)}"`,
    `data-categories="${x(t.tool.categories.join(' '))}"`,
    `data-vendor="${x(t.tool.vendor ?? '')}"`,
    `data-lifecycle="${t.tool.lifecycle}"`,
    `data-status="${x(t.tool.status ?? '')}"`,
  ].join(' ');
  const href = safeHref(t.tool.homepage);
  const title = `<title>${x(t.tool.name)}: ${x(t.tool.description)}</title>`;
  return href ? `<a href="${x(href)}" ${attributes}>${title}${body}</a>` : `<g ${attributes}>${title}${body}</g>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
