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

/** One margin note: a tool's name, description and URL, joined to its box by a leader line. */
interface Note {
  tool: ToolBox;
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
 * URL with a dotted leader line to its box. Notes keep the vertical order of their boxes.
 */
export function drawPosterSvg(chart: ChartEdition, layout: ChartLayout, measure: Measure): Poster {
  const offsetX = NOTE_WIDTH + NOTE_GUTTER;
  const width = Math.ceil(layout.width + 2 * offsetX);
  const notes = placeNotes(layout, measure, offsetX, width);
  const notesBottom = Math.max(0, ...notes.map((n) => n.y + n.height));
  const height = Math.ceil(Math.max(layout.height, notesBottom + S.margin));

  const chartSvg = drawChartSvg(layout, chart.categories)
    .replace(/^<svg /, `<svg x="${offsetX}" y="0" `)
    .replace(/ role="img" aria-labelledby="chart-title"/, '');
  const body = [
    `<rect width="${width}" height="${height}" fill="#f4f7fa"/>`,
    chartSvg,
    ...notes.map((note) => drawNote(note, offsetX)),
  ].join('\n');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="ecosystem-poster" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Liberation Sans, Arial, sans-serif">\n${body}\n</svg>`;
  return { svg, width, height };
}

function placeNotes(layout: ChartLayout, measure: Measure, offsetX: number, width: number): Note[] {
  // The left half of the tools by position gets the left margin, the rest the right one, so
  // both columns hold as many notes and neither runs far below the chart.
  const byX = [...layout.tools].sort((a, b) => a.x + a.width / 2 - (b.x + b.width / 2) || a.y - b.y);
  const leftTools = new Set(byX.slice(0, Math.ceil(byX.length / 2)));
  const sorted = [...layout.tools].sort((a, b) => a.y - b.y || a.x - b.x);
  const notes: Note[] = [];
  const bottoms: Record<Note['side'], number> = { left: S.margin, right: S.margin };

  for (const tool of sorted) {
    const side = leftTools.has(tool) ? 'left' : 'right';
    const lines = noteLines(tool, measure);
    const height = lines.length * LINE_HEIGHT + 2 * NOTE_PADDING;
    const wanted = tool.y + tool.height / 2 - height / 2;
    const y = Math.max(wanted, bottoms[side]);
    bottoms[side] = y + height + NOTE_GAP;
    notes.push({ tool, side, lines, x: side === 'left' ? S.margin / 2 : width - S.margin / 2 - NOTE_WIDTH, y, height });
  }
  return notes;
}

function noteLines(tool: ToolBox, measure: Measure): Note['lines'] {
  const inner = NOTE_WIDTH - 2 * NOTE_PADDING;
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

function drawNote(note: Note, offsetX: number): string {
  const tool = note.tool;
  const boxY = tool.y + tool.height / 2;
  const boxX = note.side === 'left' ? tool.x + offsetX : tool.x + tool.width + offsetX;
  const noteX = note.side === 'left' ? note.x + NOTE_WIDTH : note.x;
  const noteY = note.y + NOTE_PADDING + LINE_HEIGHT / 2;
  const leader = `<path d="M${r(noteX)},${r(noteY)} L${r(boxX)},${r(boxY)}" fill="none" stroke="#8a949e" stroke-width="0.8" stroke-dasharray="1.5 2.5"/>`;

  const lines = note.lines.map((line, index) => {
    const baseline = note.y + NOTE_PADDING + index * LINE_HEIGHT + S.note.size * 0.905;
    const style = line.bold ? S.noteTitle : S.note;
    const text = `<text x="${r(note.x + NOTE_PADDING)}" y="${r(baseline)}" font-size="${style.size}" font-weight="${style.weight}" fill="${line.href ? '#1b5e9b' : '#1f2a36'}">${x(line.text)}</text>`;
    return line.href ? `<a href="${x(line.href)}">${text}</a>` : text;
  });
  return `<g class="note" data-name="${x(tool.tool.name)}">${leader}${lines.join('')}</g>`;
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
