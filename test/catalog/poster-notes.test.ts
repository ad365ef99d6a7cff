import { beforeAll, describe, expect, it } from 'vitest';

import { resolveEdition } from '../../scripts/catalog/edition.ts';
import { layoutChart, type ChartLayout } from '../../scripts/catalog/layout.ts';
import { createMeasure, type Measure } from '../../scripts/catalog/measure.ts';
import { drawPosterSvg, type Poster } from '../../scripts/catalog/poster-svg.ts';
import { loadCatalog } from '../../scripts/catalog/validate.ts';

let layout: ChartLayout;
let poster: Poster;
let measure: Measure;

beforeAll(async () => {
  measure = createMeasure();
  const chart = resolveEdition(await loadCatalog('data/catalog'));
  layout = await layoutChart(chart, measure);
  poster = drawPosterSvg(chart, layout, measure);
});

/** Lists the numbers drawn in markers, in the order they appear in the SVG. */
function markerNumbers(svg: string): number[] {
  return [...svg.matchAll(/<g class="marker">.*?>(\d+)<\/text><\/g>/g)].map((match) => Number(match[1]));
}

describe('poster margin notes', () => {
  it('number every tool once on its box', () => {
    const boxes = markerNumbers(poster.svg.slice(0, poster.svg.indexOf('<g class="note"')));
    expect(boxes).toHaveLength(layout.tools.length);
    expect([...boxes].sort((a, b) => a - b)).toEqual(layout.tools.map((_, index) => index + 1));
  });

  it('give each note its box number', () => {
    const notes = [...poster.svg.matchAll(/<g class="note" data-name="[^"]*"><g class="marker">.*?>(\d+)<\/text><\/g>/g)];
    const numbers = notes.map((note) => Number(note[1]));
    expect(notes).toHaveLength(layout.tools.length);
    expect(numbers).toEqual(layout.tools.map((_, index) => index + 1));
  });

  it('put each number on the box of its tool', () => {
    const offsetX = (poster.width - layout.width) / 2;
    const onBoxes = [...poster.svg.matchAll(/<g class="marker"><circle cx="([\d.]+)" cy="([\d.]+)".*?>(\d+)<\/text>/g)].slice(0, layout.tools.length);
    const noteNames = new Map(
      [...poster.svg.matchAll(/<g class="note" data-name="([^"]*)"><g class="marker">.*?>(\d+)<\/text>/g)].map((m) => [Number(m[2]), m[1]]),
    );
    for (const [, cx, cy, number] of onBoxes) {
      const tool = layout.tools.find((t) => Math.abs(t.x + offsetX - Number(cx)) < 1 && Math.abs(t.y - Number(cy)) < 0.1);
      expect(tool?.tool.name, `marker ${number}`).toBe(noteNames.get(Number(number)));
    }
  });

  it('draw no line across the chart', () => {
    expect(poster.svg).not.toContain('stroke-dasharray="1.5 2.5"');
  });

  it('fit the notes on the page', () => {
    const bottoms = [...poster.svg.matchAll(/<g class="note"[\s\S]*?<\/g>(?=\n|$)/g)].flatMap((note) =>
      [...note[0].matchAll(/ y="([\d.]+)"/g)].map((match) => Number(match[1])),
    );
    expect(bottoms.length).toBeGreaterThan(layout.tools.length);
    expect(Math.max(...bottoms)).toBeLessThanOrEqual(poster.height);
  });

  it('keep note text inside the page margin', () => {
    const texts = [...poster.svg.matchAll(/<g class="note"[^\n]*/g)].flatMap((note) =>
      [...note[0].matchAll(/<text x="([\d.]+)"[^>]*font-size="(\d+)" font-weight="(\w+)"[^>]*>([^<]*)<\/text>/g)],
    );
    expect(texts.length).toBeGreaterThan(layout.tools.length * 2);
    const rightEdges = texts.map(([, x, size, weight, text]) => {
      const plain = text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      return Number(x) + measure(plain, { size: Number(size), weight: weight as 'bold' | 'normal' }).width;
    });
    expect(Math.max(...rightEdges)).toBeLessThanOrEqual(poster.width - 12);
  });

  it('number each category in one run', () => {
    const numbers = new Map(
      [...poster.svg.matchAll(/<g class="note" data-name="([^"]*)"><g class="marker">.*?>(\d+)<\/text>/g)].map((m) => [m[1], Number(m[2])]),
    );
    const byCategory = new Map<string, number[]>();
    for (const box of layout.tools) {
      const list = byCategory.get(box.tool.categories[0]) ?? [];
      list.push(numbers.get(box.tool.name)!);
      byCategory.set(box.tool.categories[0], list);
    }
    expect(byCategory.size).toBeGreaterThan(3);
    for (const [category, list] of byCategory) {
      const sorted = [...list].sort((a, b) => a - b);
      expect(sorted.at(-1)! - sorted[0], category).toBe(list.length - 1);
    }
  });
});
