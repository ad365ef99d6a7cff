import type { Box, ChartLayout, Label, Point } from './layout.ts';
import type { Measure, TextStyle } from './measure.ts';
import { CHART_STYLE as S } from './style.ts';

/** A defect of a laid-out chart; `tools` names the tools involved, for locating it in the catalog. */
export interface PreflightIssue {
  message: string;
  tools: string[];
}

/** Tolerance in px: shapes that only touch do not overlap. */
const EPSILON = 0.5;

/**
 * Checks the invariants a printed chart needs: no two boxes overlap, every label fits its box
 * and the canvas (re-measured with the real font, not the layout's numbers), and no arrow
 * crosses a label or a tool box other than its own ends.
 */
export function preflightChart(layout: ChartLayout, measure: Measure): PreflightIssue[] {
  return [...checkOverlaps(layout), ...checkLabels(layout, measure), ...checkArrows(layout)];
}

function checkOverlaps(layout: ChartLayout): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const pairs = <T extends Box>(items: T[], name: (item: T) => string, what: string, tools: (item: T) => string[]) => {
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if (overlaps(items[i], items[j])) {
          issues.push({ message: `${what} '${name(items[i])}' and '${name(items[j])}' overlap`, tools: [...tools(items[i]), ...tools(items[j])] });
        }
      }
    }
  };
  pairs(layout.tools, (t) => t.tool.name, 'tool boxes', (t) => [t.tool.name]);
  pairs(layout.frames, (f) => f.vendor.name, 'vendor frames', () => []);
  pairs(layout.regions, (r) => r.category.name, 'category regions', () => []);

  const edgeLabels = layout.edges.flatMap((e) => (e.label ? [{ ...e.label, relation: e.relation }] : []));
  pairs(edgeLabels, (l) => `${l.relation.from} ${l.text} ${l.relation.to}`, 'arrow labels', (l) => [l.relation.from, l.relation.to]);
  for (const label of edgeLabels) {
    for (const tool of layout.tools) {
      if (overlaps(label, tool)) issues.push({ message: `arrow label '${label.text}' overlaps tool box '${tool.tool.name}'`, tools: [tool.tool.name] });
    }
  }
  return issues;
}

function checkLabels(layout: ChartLayout, measure: Measure): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const canvas = { x: 0, y: 0, width: layout.width, height: layout.height };
  const fits = (label: Label, style: TextStyle, container: Box, what: string, tools: string[]) => {
    const real = measure(label.text, style);
    const drawn = { x: label.x, y: label.y, width: real.width, height: real.height };
    if (!inside(drawn, container)) issues.push({ message: `${what} '${label.text}' overflows its box`, tools });
    if (!inside(drawn, canvas)) issues.push({ message: `${what} '${label.text}' overflows the canvas`, tools });
  };

  for (const tool of layout.tools) {
    const inner = { x: tool.x, y: tool.y, width: tool.width, height: tool.height };
    fits(tool.name, S.toolName, inner, 'tool name', [tool.tool.name]);
    if (tool.badge) {
      fits(tool.badge, S.badge, inner, 'badge', [tool.tool.name]);
      if (overlaps(tool.badge, tool.name)) issues.push({ message: `NEW badge covers the name '${tool.tool.name}'`, tools: [tool.tool.name] });
    }
  }
  for (const frame of layout.frames) fits(frame.label, S.vendorLabel, frame, 'vendor name', []);
  for (const region of layout.regions) fits(region.pill, S.pill, region, 'category name', []);
  for (const edge of layout.edges) if (edge.label) fits(edge.label, S.edgeLabel, canvas, 'arrow label', [edge.relation.from]);
  fits(layout.title, S.title, canvas, 'title', []);
  fits(layout.footer, S.footer, canvas, 'footer', []);
  return issues;
}

function checkArrows(layout: ChartLayout): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const labels: Array<{ label: Label; owner?: object }> = [
    ...layout.tools.map((t) => ({ label: t.name })),
    ...layout.frames.map((f) => ({ label: f.label })),
    ...layout.regions.map((r) => ({ label: r.pill })),
    ...layout.edges.flatMap((e) => (e.label ? [{ label: e.label, owner: e }] : [])),
    { label: layout.title },
    { label: layout.footer },
  ];

  for (const edge of layout.edges) {
    const name = `${edge.relation.from} ${edge.relation.kind} ${edge.relation.to}`;
    const segments = edge.points.slice(1).map((end, i) => [edge.points[i], end] as const);
    for (const [a, b] of segments) {
      for (const { label, owner } of labels) {
        if (owner !== edge && crosses(a, b, label)) issues.push({ message: `arrow '${name}' crosses the label '${label.text}'`, tools: [edge.relation.from] });
      }
      for (const tool of layout.tools) {
        if (tool.tool.name === edge.relation.from || tool.tool.name === edge.relation.to) continue;
        if (crosses(a, b, tool)) issues.push({ message: `arrow '${name}' crosses the tool box '${tool.tool.name}'`, tools: [edge.relation.from, tool.tool.name] });
      }
    }
  }
  return issues;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x + a.width - EPSILON > b.x && b.x + b.width - EPSILON > a.x && a.y + a.height - EPSILON > b.y && b.y + b.height - EPSILON > a.y;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - EPSILON && inner.y >= outer.y - EPSILON && inner.x + inner.width <= outer.x + outer.width + EPSILON && inner.y + inner.height <= outer.y + outer.height + EPSILON;
}

/** Whether segment a–b passes through the interior of the box (Liang–Barsky clipping). */
export function crosses(a: Point, b: Point, box: Box): boolean {
  const left = box.x + EPSILON;
  const right = box.x + box.width - EPSILON;
  const top = box.y + EPSILON;
  const bottom = box.y + box.height - EPSILON;
  if (left >= right || top >= bottom) return false;

  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, a.x - left) && clip(dx, right - a.x) && clip(-dy, a.y - top) && clip(dy, bottom - a.y) && t0 < t1;
}
