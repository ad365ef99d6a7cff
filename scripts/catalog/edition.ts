import type { Catalog, Category, Change, ChangeStatus, Edition, Lifecycle, RelationKind, Tool, Vendor } from './types.ts';

/** A tool as shown in one edition of the chart. */
export interface ToolView {
  name: string;
  homepage: string;
  description: string;
  categories: string[];
  vendor?: string;
  lifecycle: Lifecycle;
  /** First edition the tool appeared in, if recorded. */
  since?: string;
  /** Added in the edition shown: drawn with a NEW badge. */
  isNew: boolean;
  /** The latest recorded status up to the edition shown ("unverified" and absent are different). */
  status?: ChangeStatus;
}

export interface RelationView {
  from: string;
  to: string;
  kind: RelationKind;
}

/** One edition of the chart: the catalog with every change up to that edition applied. */
export interface ChartEdition {
  edition: Edition;
  previous?: Edition;
  categories: Category[];
  vendors: Vendor[];
  tools: ToolView[];
  relations: RelationView[];
  /** Changes recorded in this edition, and tools new in it: "changes since the previous edition". */
  changes: Change[];
  added: ToolView[];
}

const SUCCESSION: Partial<Record<ChangeStatus, RelationKind>> = {
  renamed: 'renamed to',
  merged: 'is now part of',
  archived: 'replaced by',
  retired: 'replaced by',
};

/** Applies the editions up to `editionId` (default: the latest) to the catalog's tool list. */
export function resolveEdition(catalog: Catalog, editionId?: string): ChartEdition {
  const index = editionId === undefined ? catalog.editions.length - 1 : catalog.editions.findIndex((e) => e.id === editionId);
  if (index < 0) throw new Error(`unknown edition '${editionId}'; the catalog has ${catalog.editions.map((e) => e.id).join(', ')}`);
  const edition = catalog.editions[index];
  const upTo = catalog.editions.slice(0, index + 1);
  const order = new Map(catalog.editions.map((e, i) => [e.id, i]));

  const present = catalog.tools.filter((tool) => tool.since === undefined || (order.get(tool.since) ?? Infinity) <= index);
  const latest = new Map<string, Change>();
  for (const change of upTo.flatMap((e) => e.changes)) latest.set(change.tool, change);

  const tools = present.map((tool) => toView(tool, latest.get(tool.name), edition.id));
  const names = new Set(tools.map((t) => t.name));
  const relations: RelationView[] = catalog.relations
    .filter((r) => names.has(r.from) && names.has(r.to))
    .map(({ from, to, kind }) => ({ from, to, kind }));
  for (const change of latest.values()) {
    const kind = SUCCESSION[change.status];
    if (kind && change.to && names.has(change.tool) && names.has(change.to)) relations.push({ from: change.tool, to: change.to, kind });
  }

  return {
    edition,
    previous: catalog.editions[index - 1],
    categories: catalog.categories,
    vendors: catalog.vendors.filter((v) => tools.some((t) => t.vendor === v.id)),
    tools,
    relations,
    changes: edition.changes,
    added: tools.filter((t) => t.isNew),
  };
}

function toView(tool: Tool, change: Change | undefined, editionId: string): ToolView {
  const ended = change !== undefined && ['archived', 'retired', 'renamed', 'merged'].includes(change.status);
  return {
    name: tool.name,
    homepage: tool.homepage,
    description: tool.description,
    categories: tool.categories,
    vendor: tool.vendor,
    lifecycle: ended ? 'obsolete' : tool.lifecycle,
    since: tool.since,
    isNew: tool.since === editionId,
    status: change?.status,
  };
}
