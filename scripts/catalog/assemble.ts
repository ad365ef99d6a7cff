import type { CatalogFile } from './load.ts';
import type { Catalog, Change, ChangeStatus, Lifecycle, RelationKind, SourceRef } from './types.ts';

type Entry = Record<string, unknown>;

/**
 * Concatenates the lists of all files into one catalog. Entries of the wrong shape have already
 * been reported by the schema check; here they are read leniently (a field of the wrong type
 * becomes absent) so cross-reference checks can still run on everything else.
 */
export function assembleCatalog(files: CatalogFile[]): Catalog {
  const catalog: Catalog = { categories: [], vendors: [], tools: [], relations: [], editions: [] };

  for (const file of files) {
    for (const { entry, source } of entries(file, 'categories')) {
      catalog.categories.push({
        id: text(entry.id),
        name: text(entry.name),
        colour: text(entry.colour),
        description: text(entry.description),
        source,
      });
    }
    for (const { entry, source } of entries(file, 'vendors')) {
      catalog.vendors.push({ id: text(entry.id), name: text(entry.name), source });
    }
    for (const { entry, source } of entries(file, 'tools')) {
      catalog.tools.push({
        name: text(entry.name),
        homepage: text(entry.homepage),
        description: text(entry.description),
        categories: strings(entry.categories),
        vendor: optionalText(entry.vendor),
        lifecycle: (text(entry.lifecycle) || 'active') as Lifecycle,
        since: optionalText(entry.since),
        source,
      });
    }
    for (const { entry, source } of entries(file, 'relations')) {
      catalog.relations.push({ from: text(entry.from), to: text(entry.to), kind: text(entry.kind) as RelationKind, source });
    }
    for (const { entry, source } of entries(file, 'editions')) {
      const changes = Array.isArray(entry.changes) ? entry.changes : [];
      catalog.editions.push({
        id: text(entry.id),
        date: text(entry.date),
        author: text(entry.author),
        changes: changes.flatMap((change, index) =>
          isEntry(change) ? [toChange(change, { file: source.file, path: `${source.path}.changes.${index}` })] : [],
        ),
        source,
      });
    }
  }
  return catalog;
}

function toChange(entry: Entry, source: SourceRef): Change {
  return {
    tool: text(entry.tool),
    status: text(entry.status) as ChangeStatus,
    date: optionalText(entry.date),
    to: optionalText(entry.to),
    sources: strings(entry.sources),
    note: optionalText(entry.note),
    source,
  };
}

function* entries(file: CatalogFile, list: string): Generator<{ entry: Entry; source: SourceRef }> {
  const data = file.data as Entry;
  const items = isEntry(data) && Array.isArray(data[list]) ? (data[list] as unknown[]) : [];
  for (const [index, entry] of items.entries()) {
    if (isEntry(entry)) yield { entry, source: { file: file.file, path: `${list}.${index}` } };
  }
}

function isEntry(value: unknown): value is Entry {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function optionalText(value: unknown): string | undefined {
  return text(value) || undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
