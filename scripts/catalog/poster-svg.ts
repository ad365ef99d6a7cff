import { drawChartSvg } from './draw.ts';
import type { ChartEdition } from './edition.ts';
import { escapeXml as x, safeHref } from '../escape.ts';
import type { ChartLayout, ToolBox } from './layout.ts';
import { wrapText, type Measure } from './measure.ts';
import { CHART_STYLE as S } from './style.ts';

const NOTE_WIDTH = 300;
const NOTE_GUTTER = 56;
const NOTE_GAP = 6;
const NOTE_PADDING = 4;
const LINE_HEIGHT = 12;
const MARKER_RADIUS = 8;
const MARKER_INK = '#1f2a36';
/** The offset of a note's text from its left edge, right of its number. */
const TEXT_INDENT = 2 * MARKER_RADIUS + NOTE_PADDING;

/** One margin note: a tool's name, description and URL, numbered like the marker on its box. */
interface Note {
  tool: ToolBox;
  number: number;
  side: 'left' | 'right';
  lines: Array<{ text: string; bold: boolean; href?: string }>;
  x: number;
  y: number;
  height: number;
}

export interface Poster {
  svg: string;
  width: number;
  height: number;
}

/**
 * Draws the poster: the chart in the middle and, in the margins, every tool's description and
 * URL. A numbered marker on each box names its note, so no line has to cross the chart.
 */
export function drawPosterSvg(chart: ChartEdition, layout: ChartLayout, measure: Measure): Poster {
  const offsetX = NOTE_WIDTH + NOTE_GUTTER;
  const width = Math.ceil(layout.width + 2 * offsetX);
  const notes = placeNotes(layout, measure, width);
  const notesBottom = Math.max(0, ...notes.map((n) => n.y + n.height));
  const height = Math.ceil(Math.max(layout.height, notesBottom + S.margin));

  const chartSvg = drawChartSvg(layout, chart.categories)
    .replace(/^<svg /, `<svg x="${offsetX}" y="0" `)
    .replace(/ role="img" aria-labelledby="chart-title"/, '');
  const body = [
    `<rect width="${width}" height="${height}" fill="#f4f7fa"/>`,
    chartSvg,
    ...notes.map((note) => drawMarker(note, offsetX)),
    ...notes.map(drawNote),
  ].join('\n');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="ecosystem-poster" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Liberation Sans, Arial, sans-serif">\n${body}\n</svg>`;
  return { svg, width, height };
}

/**
 * Numbers the tools group by group, each group's tools from the top down, so that one category's
 * notes stand together. The first half of the notes fills the left margin and the rest the right.
 */
function placeNotes(layout: ChartLayout, measure: Measure, width: number): Note[] {
  const tools = numberingOrder(layout);
  const leftCount = Math.ceil(tools.length / 2);
  const notes: Note[] = [];
  const tops: Record<Note['side'], number> = { left: S.margin, right: S.margin };
  tools.forEach((tool, index) => {
    const side = index < leftCount ? 'left' : 'right';
    const lines = noteLines(tool, measure);
    const height = lines.length * LINE_HEIGHT + 2 * NOTE_PADDING;
    const x = side === 'left' ? S.margin / 2 : width - S.margin / 2 - NOTE_WIDTH;
    notes.push({ tool, number: index + 1, side, lines, x, y: tops[side], height });
    tops[side] += height + NOTE_GAP;
  });
  return notes;
}

/** Orders the tools by their main category's group, left to right, then top down within it. */
function numberingOrder(layout: ChartLayout): ToolBox[] {
  const regions = [...layout.regions].sort((a, b) => a.x - b.x || a.y - b.y).map((region) => region.category.id);
  const rank = (tool: ToolBox) => {
    const index = regions.indexOf(tool.tool.categories[0]);
    return index === -1 ? regions.length : index;
  };
  return [...layout.tools].sort((a, b) => rank(a) - rank(b) || a.y - b.y || a.x - b.x);
}

function noteLines(tool: ToolBox, measure: Measure): Note['lines'] {
  const inner = NOTE_WIDTH - TEXT_INDENT - NOTE_PADDING;
  const description = wrapText(tool.tool.description, inner, S.note, measure);
  const url = breakUrl(tool.tool.homepage, inner, measure);
  const href = safeHref(tool.tool.homepage);
  return [
    { text: tool.tool.name, bold: true },
    ...description.map((text) => ({ text, bold: false })),
    ...url.map((text) => ({ text, bold: false, href })),
  ];
}

/** Splits a URL into lines that fit, at any character, since URLs have no spaces. */
function breakUrl(url: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of url) {
    if (line !== '' && measure(line + char, S.note).width > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Draws the note's number on the top-left corner of its tool's box. */
function drawMarker(note: Note, offsetX: number): string {
  return marker(note.number, note.tool.x + offsetX, note.tool.y);
}

function drawNote(note: Note): string {
  const markerY = note.y + NOTE_PADDING + LINE_HEIGHT / 2;
  const lines = note.lines.map((line, index) => {
    const baseline = note.y + NOTE_PADDING + index * LINE_HEIGHT + S.note.size * 0.905;
    const style = line.bold ? S.noteTitle : S.note;
    const text = `<text x="${r(note.x + TEXT_INDENT)}" y="${r(baseline)}" font-size="${style.size}" font-weight="${style.weight}" fill="${line.href ? '#1b5e9b' : '#1f2a36'}">${x(line.text)}</text>`;
    return line.href ? `<a href="${x(line.href)}">${text}</a>` : text;
  });
  const number = marker(note.number, note.x + MARKER_RADIUS, markerY);
  return `<g class="note" data-name="${x(note.tool.tool.name)}">${number}${lines.join('')}</g>`;
}

/** Draws a number in a dark circle centred on (cx, cy). */
function marker(number: number, cx: number, cy: number): string {
  const circle = `<circle cx="${r(cx)}" cy="${r(cy)}" r="${MARKER_RADIUS}" fill="${MARKER_INK}"/>`;
  const label = `<text x="${r(cx)}" y="${r(cy + S.badge.size * 0.35)}" text-anchor="middle" font-size="${S.badge.size}" font-weight="bold" fill="#ffffff">${number}</text>`;
  return `<g class="marker">${circle}${label}</g>`;
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
