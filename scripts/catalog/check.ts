import type { Problem } from '../errors.ts';
import type { SourcePositions } from './positions.ts';
import type { Catalog, Change, SourceRef } from './types.ts';

/** Where a problem is reported: an entry's source plus the field inside it. */
type Report = (source: SourceRef, field: string, message: string) => void;

/**
 * Cross-reference checks the schema cannot express: duplicate names, references to unknown
 * categories, vendors, tools and editions, tools without a category, changes without a source,
 * and cycles in renamed to / replaced by.
 */
export function checkReferences(catalog: Catalog, positions: Map<string, SourcePositions>): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (source, field, message) => {
    const path = field === '' ? source.path : `${source.path}.${field}`;
    const located = positions.get(source.file)?.at(path) ?? { line: 1, column: 1 };
    problems.push({ file: source.file, ...located, message });
  };
  const where = (source: SourceRef) => {
    const located = positions.get(source.file)?.at(source.path) ?? { line: 1, column: 1 };
    return `${source.file}:${located.line}:${located.column}`;
  };

  checkDuplicates(catalog.categories, (c) => c.id, 'id', 'category id', report, where);
  checkDuplicates(catalog.vendors, (v) => v.id, 'id', 'vendor id', report, where);
  checkDuplicates(catalog.tools, (t) => t.name.toLowerCase(), 'name', 'tool name', report, where);
  checkDuplicates(catalog.editions, (e) => e.id, 'id', 'edition id', report, where);

  checkTools(catalog, report);
  checkRelations(catalog, report);
  checkEditions(catalog, report);
  checkSuccessionCycles(catalog, report);
  return problems;
}

function checkDuplicates<T extends { source: SourceRef }>(
  items: T[],
  keyOf: (item: T) => string,
  field: string,
  what: string,
  report: Report,
  where: (source: SourceRef) => string,
): void {
  const first = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === '') continue;
    const earlier = first.get(key);
    if (earlier) report(item.source, field, `duplicate ${what} '${key}', first defined at ${where(earlier.source)}`);
    else first.set(key, item);
  }
}

function checkTools(catalog: Catalog, report: Report): void {
  const categories = new Set(catalog.categories.map((c) => c.id));
  const vendors = new Set(catalog.vendors.map((v) => v.id));
  const editions = new Set(catalog.editions.map((e) => e.id));

  for (const tool of catalog.tools) {
    if (tool.categories.length === 0) {
      report(tool.source, 'name', `tool '${tool.name}' has no category; add 'categories' with at least one category id`);
    }
    tool.categories.forEach((id, index) => {
      if (!categories.has(id)) report(tool.source, `categories.${index}`, `unknown category '${id}'; expected one of ${list(categories)}`);
    });
    if (tool.vendor !== undefined && !vendors.has(tool.vendor)) {
      report(tool.source, 'vendor', `unknown vendor '${tool.vendor}'; expected one of ${list(vendors)}`);
    }
    if (tool.since !== undefined && !editions.has(tool.since)) {
      report(tool.source, 'since', `unknown edition '${tool.since}'; expected one of ${list(editions)}`);
    }
  }
}

function checkRelations(catalog: Catalog, report: Report): void {
  const tools = toolNames(catalog);
  for (const relation of catalog.relations) {
    for (const end of ['from', 'to'] as const) {
      const name = relation[end];
      if (name !== '' && !tools.has(name.toLowerCase())) report(relation.source, end, `relation ${end} unknown tool '${name}'`);
    }
  }
}

function checkEditions(catalog: Catalog, report: Report): void {
  const tools = toolNames(catalog);
  catalog.editions.forEach((edition, index) => {
    const previous = catalog.editions[index - 1];
    if (previous && previous.date !== '' && edition.date !== '' && edition.date < previous.date) {
      report(edition.source, 'date', `edition '${edition.id}' is dated ${edition.date}, before the edition listed above it (${previous.date}); list editions in date order`);
    }
    for (const change of edition.changes) checkChange(change, tools, report);
  });
}

function checkChange(change: Change, tools: Set<string>, report: Report): void {
  if (change.tool !== '' && !tools.has(change.tool.toLowerCase())) report(change.source, 'tool', `change for unknown tool '${change.tool}'`);
  if (change.to !== undefined && !tools.has(change.to.toLowerCase())) report(change.source, 'to', `change points to unknown tool '${change.to}'`);

  if ((change.status === 'renamed' || change.status === 'merged') && change.to === undefined) {
    report(change.source, 'status', `status '${change.status}' needs 'to': the tool '${change.tool}' became`);
  }
  if (change.status === 'unverified') {
    if (change.to !== undefined) report(change.source, 'to', `an unverified change cannot name a successor; find a source or remove 'to'`);
  } else if (change.status !== undefined && change.sources.length === 0) {
    report(change.source, 'status', `change '${change.status}' for '${change.tool}' has no sources; add the URL that says so, or set status: unverified`);
  }
}

/** Renamed-to and replaced-by edges, from relations and from edition changes, must not loop. */
function checkSuccessionCycles(catalog: Catalog, report: Report): void {
  const edges = new Map<string, Array<{ to: string; source: SourceRef; field: string }>>();
  const add = (from: string, to: string, source: SourceRef, field: string) => {
    const key = from.toLowerCase();
    edges.set(key, [...(edges.get(key) ?? []), { to: to.toLowerCase(), source, field }]);
  };
  for (const relation of catalog.relations) {
    if (relation.kind === 'renamed to' || relation.kind === 'replaced by') add(relation.from, relation.to, relation.source, 'to');
  }
  for (const change of catalog.editions.flatMap((e) => e.changes)) {
    if (change.to !== undefined && change.status !== 'merged') add(change.tool, change.to, change.source, 'to');
  }

  const names = new Map(catalog.tools.map((t) => [t.name.toLowerCase(), t.name]));
  const done = new Set<string>();
  const reported = new Set<string>();
  const visit = (node: string, trail: string[]) => {
    if (done.has(node)) return;
    for (const edge of edges.get(node) ?? []) {
      const loopStart = trail.indexOf(edge.to);
      if (loopStart >= 0 || edge.to === node) {
        const loop = [...trail.slice(Math.max(loopStart, 0)), node, edge.to].filter((n, i, all) => i === 0 || n !== all[i - 1]);
        const key = [...loop].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          report(edge.source, edge.field, `cycle in renamed to / replaced by: ${loop.map((n) => names.get(n) ?? n).join(' → ')}`);
        }
        continue;
      }
      visit(edge.to, [...trail, node]);
    }
    done.add(node);
  };
  for (const node of edges.keys()) visit(node, []);
}

function toolNames(catalog: Catalog): Set<string> {
  return new Set(catalog.tools.map((t) => t.name.toLowerCase()));
}

function list(values: Set<string>): string {
  return [...values].map((v) => `'${v}'`).join(', ');
}
