import type { ELK, ElkEdgeSection, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';

import type { ChartEdition, RelationView, ToolView } from './edition.ts';
import type { Measure } from './measure.ts';
import { CHART_STYLE as S } from './style.ts';
import type { Category, Vendor } from './types.ts';


export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A line of text and the box it must stay inside. */
export interface Label extends Box {
  text: string;
}

export interface ToolBox extends Box {
  tool: ToolView;
  name: Label;
  badge?: Label;
}

export interface FrameBox extends Box {
  vendor: Vendor;
  label: Label;
}

export interface RegionBox extends Box {
  category: Category;
  pill: Label;
}

export interface Point {
  x: number;
  y: number;
}

export interface EdgePath {
  relation: RelationView;
  points: Point[];
  label?: Label;
}

export interface ChartLayout {
  width: number;
  height: number;
  title: Label;
  regions: RegionBox[];
  frames: FrameBox[];
  tools: ToolBox[];
  edges: EdgePath[];
  /** Category pills repeated along the bottom, as a legend. */
  legend: Array<Label & { category: Category }>;
  footer: Label;
}

/**
 * Lays the chart out automatically: one column per category in catalog order (ELK partitions),
 * each tool in the column of its main category, vendor groups as compound nodes inside it, and
 * relations as orthogonal arrows with their labels placed by ELK.
 */
export async function layoutChart(chart: ChartEdition, measure: Measure): Promise<ChartLayout> {
  const graph = buildGraph(chart, measure);
  // Loaded on first use: a build that finds the laid-out chart in the cache never needs ELK.
  // elkjs ships CommonJS whose typings describe the default export as an ES module namespace.
  const { default: elkModule } = await import('elkjs/lib/elk.bundled.js');
  const elk = new (elkModule as unknown as new () => ELK)();
  const result = await elk.layout(graph);
  return collect(chart, result, measure);
}

function buildGraph(chart: ChartEdition, measure: Measure): ElkNode {
  const regions = new Map<string, ElkNode>();
  chart.categories.forEach((category, index) => {
    const pill = pillSize(category.name, measure);
    regions.set(category.id, {
      id: `category:${category.id}`,
      children: [],
      layoutOptions: {
        'elk.partitioning.partition': String(index),
        'elk.padding': `[top=${pill.height + 2 * S.regionPadding},left=${S.regionPadding},bottom=${S.regionPadding},right=${S.regionPadding}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${pill.width + 2 * S.regionPadding}, ${pill.height + 2 * S.regionPadding})`,
      },
    });
  });

  const frames = new Map<string, ElkNode>();
  for (const tool of chart.tools) {
    const region = regions.get(tool.categories[0]);
    if (!region) throw new Error(`tool '${tool.name}' has no known main category`);
    const node: ElkNode = { id: toolId(tool.name), ...toolSize(tool, measure) };
    const vendor = tool.vendor ? chart.vendors.find((v) => v.id === tool.vendor) : undefined;
    if (!vendor) {
      region.children!.push(node);
      continue;
    }
    const key = `${vendor.id}@${tool.categories[0]}`;
    let frame = frames.get(key);
    if (!frame) {
      const label = measure(vendor.name, S.vendorLabel);
      frame = {
        id: `vendor:${key}`,
        children: [],
        layoutOptions: {
          'elk.padding': `[top=${S.framePadding},left=${S.framePadding},bottom=${label.height + 2 * S.framePadding},right=${S.framePadding}]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${label.width + 2 * S.framePadding + 2 * S.labelPaddingX}, 0)`,
        },
      };
      frames.set(key, frame);
      region.children!.push(frame);
    }
    frame.children!.push(node);
  }

  const edges: ElkExtendedEdge[] = chart.relations.map((relation, index) => {
    const label = measure(relation.kind, S.edgeLabel);
    return {
      id: `relation:${index}`,
      sources: [toolId(relation.from)],
      targets: [toolId(relation.to)],
      labels: [{ text: relation.kind, width: label.width + 2 * S.labelPaddingX, height: label.height }],
    };
  });

  return {
    id: 'chart',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.partitioning.activate': 'true',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.spacing.nodeNode': '12',
      'elk.spacing.edgeLabel': '4',
      'elk.spacing.edgeNode': '14',
      'elk.spacing.edgeEdge': '10',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.layered.spacing.edgeNodeBetweenLayers': '18',
      'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS',
      'elk.json.edgeCoords': 'ROOT',
      'elk.json.shapeCoords': 'ROOT',
    },
    children: [...regions.values()].filter((r) => r.children!.length > 0),
    edges,
  };
}

function toolSize(tool: ToolView, measure: Measure): { width: number; height: number } {
  const name = measure(tool.name, S.toolName).width;
  const badge = tool.isNew ? measure('NEW', S.badge).width + 2 * S.badgePaddingX + S.badgeGap : 0;
  const stripes = Math.max(tool.categories.length, 1) * S.stripeWidth;
  return { width: Math.ceil(stripes + 2 * S.toolPaddingX + name + badge), height: S.toolHeight };
}

function pillSize(text: string, measure: Measure): { width: number; height: number } {
  const metrics = measure(text, S.pill);
  return { width: Math.ceil(metrics.width + 2 * S.pillPaddingX), height: Math.ceil(metrics.height + 2 * S.pillPaddingY) };
}

function collect(chart: ChartEdition, root: ElkNode, measure: Measure): ChartLayout {
  const dx = S.margin;
  const dy = S.margin + S.titleBand;
  const move = (node: ElkNode): Box => ({ x: (node.x ?? 0) + dx, y: (node.y ?? 0) + dy, width: node.width ?? 0, height: node.height ?? 0 });

  const regions: RegionBox[] = [];
  const frames: FrameBox[] = [];
  const tools: ToolBox[] = [];
  const walk = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      const box = move(child);
      const [kind, key] = splitId(child.id);
      if (kind === 'category') regions.push(regionBox(box, chart.categories.find((c) => c.id === key)!, measure));
      if (kind === 'vendor') frames.push(frameBox(box, chart.vendors.find((v) => v.id === key.split('@')[0])!, measure));
      if (kind === 'tool') tools.push(toolBox(box, chart.tools.find((t) => t.name === key)!, measure));
      walk(child);
    }
  };
  walk(root);

  const edges = (root.edges ?? []).map((edge, index) => edgePath(edge as ElkExtendedEdge, chart.relations[index], dx, dy));
  const contentWidth = (root.width ?? 0) + 2 * S.margin;
  const legend = legendRow(chart.categories, measure, (root.height ?? 0) + dy + S.margin);
  const width = Math.ceil(Math.max(contentWidth, legendWidth(legend) + 2 * S.margin));
  const height = Math.ceil((root.height ?? 0) + dy + S.footerBand + S.margin);

  const titleText = 'Docker ecosystem';
  const title = measure(titleText, S.title);
  const footerText = `Edition ${chart.edition.id} · ${chart.edition.date} · ${chart.edition.author} · features as advertised by each tool's makers`;
  const footer = measure(footerText, S.footer);
  return {
    width,
    height,
    title: { text: titleText, x: (width - title.width) / 2, y: S.margin, width: title.width, height: title.height },
    regions,
    frames,
    tools,
    edges,
    legend,
    footer: { text: footerText, x: S.margin, y: height - S.margin - footer.height, width: footer.width, height: footer.height },
  };
}

function regionBox(box: Box, category: Category, measure: Measure): RegionBox {
  const size = pillSize(category.name, measure);
  const text = measure(category.name, S.pill);
  const pill = { text: category.name, x: box.x + (box.width - text.width) / 2, y: box.y + S.regionPadding + S.pillPaddingY, width: text.width, height: text.height };
  return { ...box, category, pill: { ...pill, x: pill.x, width: Math.min(pill.width, size.width) } };
}

function frameBox(box: Box, vendor: Vendor, measure: Measure): FrameBox {
  const text = measure(vendor.name, S.vendorLabel);
  const label = {
    text: vendor.name,
    x: box.x + box.width - S.framePadding - S.labelPaddingX - text.width,
    y: box.y + box.height - S.framePadding - text.height,
    width: text.width,
    height: text.height,
  };
  return { ...box, vendor, label };
}

function toolBox(box: Box, tool: ToolView, measure: Measure): ToolBox {
  const text = measure(tool.name, S.toolName);
  const stripes = Math.max(tool.categories.length, 1) * S.stripeWidth;
  const name = { text: tool.name, x: box.x + stripes + S.toolPaddingX, y: box.y + (box.height - text.height) / 2, width: text.width, height: text.height };
  if (!tool.isNew) return { ...box, tool, name };

  const badgeText = measure('NEW', S.badge);
  const badgeWidth = badgeText.width + 2 * S.badgePaddingX;
  const badge = { text: 'NEW', x: box.x + box.width - S.toolPaddingX - badgeWidth + S.badgePaddingX, y: box.y + (box.height - badgeText.height) / 2, width: badgeText.width, height: badgeText.height };
  return { ...box, tool, name, badge };
}

function edgePath(edge: ElkExtendedEdge, relation: RelationView, dx: number, dy: number): EdgePath {
  const sections: ElkEdgeSection[] = edge.sections ?? [];
  const points = sections.flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]).map((p) => ({ x: p.x + dx, y: p.y + dy }));
  const label = edge.labels?.[0];
  if (!label) return { relation, points };
  return {
    relation,
    points,
    label: { text: relation.kind, x: (label.x ?? 0) + dx + S.labelPaddingX, y: (label.y ?? 0) + dy, width: (label.width ?? 0) - 2 * S.labelPaddingX, height: label.height ?? 0 },
  };
}

function legendRow(categories: Category[], measure: Measure, y: number): Array<Label & { category: Category }> {
  let x = S.margin;
  return categories.map((category) => {
    const text = measure(category.name, S.pill);
    const pill = pillSize(category.name, measure);
    const entry = { category, text: category.name, x: x + S.pillPaddingX, y: y + S.pillPaddingY, width: text.width, height: text.height };
    x += pill.width + 12;
    return entry;
  });
}

function legendWidth(legend: Array<Label>): number {
  const last = legend[legend.length - 1];
  return last ? last.x + last.width + S.pillPaddingX - S.margin : 0;
}

function toolId(name: string): string {
  return `tool:${name}`;
}

function splitId(id: string): [string, string] {
  const cut = id.indexOf(':');
  return [id.slice(0, cut), id.slice(cut + 1)];
}
