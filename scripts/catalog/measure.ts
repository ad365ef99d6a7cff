import { existsSync } from 'node:fs';
import path from 'node:path';

import { createCanvas, GlobalFonts } from 'canvas';

/** The chart's typeface, named in the SVG and the page CSS so browser, PDF and measurer agree. */
export const FONT_FAMILY = 'Liberation Sans';
const FONT_DIR = process.env.NETNOTES_FONT_DIR ?? '/usr/share/fonts/truetype/liberation';
const FACES = { normal: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf' } as const;

export interface TextStyle {
  /** Font size in px (1 px = 1 pt in the poster PDF, which prints at 96 dpi CSS px). */
  size: number;
  weight: 'normal' | 'bold';
}

export interface TextMetrics {
  width: number;
  /** Height of the font's ascent and descent, the height a line of this style needs. */
  height: number;
  ascent: number;
}

export type Measure = (text: string, style: TextStyle) => TextMetrics;

let registered = false;

function registerFonts(): void {
  if (registered) return;
  for (const [weight, file] of Object.entries(FACES)) {
    const fontPath = path.join(FONT_DIR, file);
    if (!existsSync(fontPath)) {
      throw new Error(`font file not found: ${fontPath} (${FONT_FAMILY} ${weight}); install it with \`apt-get install fonts-liberation\` or set NETNOTES_FONT_DIR`);
    }
    GlobalFonts.registerFromPath(fontPath, FONT_FAMILY);
  }
  registered = true;
}

/** Returns a measurer that uses the real Liberation Sans metrics through a canvas. */
export function createMeasure(): Measure {
  registerFonts();
  const context = createCanvas(8, 8).getContext('2d');
  const cache = new Map<string, TextMetrics>();

  return (text, style) => {
    const key = `${style.weight}|${style.size}|${text}`;
    const cached = cache.get(key);
    if (cached) return cached;
    context.font = `${style.weight} ${style.size}px "${FONT_FAMILY}"`;
    const metrics = context.measureText(text);
    const result = {
      width: metrics.width,
      height: metrics.fontBoundingBoxAscent + metrics.fontBoundingBoxDescent,
      ascent: metrics.fontBoundingBoxAscent,
    };
    cache.set(key, result);
    return result;
  };
}

/** Breaks text into lines no wider than `maxWidth`, at spaces; a single long word keeps its own line. */
export function wrapText(text: string, maxWidth: number, style: TextStyle, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(candidate, style).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
