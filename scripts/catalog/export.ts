import { stringify } from 'csv-stringify/sync';

import type { ChartEdition } from './edition.ts';

/** The catalog as shipped at /docker-ecosystem/tools.json: the shown edition, resolved. */
export function catalogJson(chart: ChartEdition): string {
  const document = {
    edition: { id: chart.edition.id, date: chart.edition.date, author: chart.edition.author },
    previousEdition: chart.previous?.id ?? null,
    categories: chart.categories.map(({ id, name, colour, description }) => ({ id, name, colour, description })),
    vendors: chart.vendors.map(({ id, name }) => ({ id, name })),
    tools: chart.tools.map((tool) => ({
      name: tool.name,
      homepage: tool.homepage,
      description: tool.description,
      categories: tool.categories,
      vendor: tool.vendor ?? null,
      lifecycle: tool.lifecycle,
      since: tool.since ?? null,
      status: tool.status ?? null,
    })),
    relations: chart.relations,
    changes: chart.changes.map(({ tool, status, date, to, sources, note }) => ({ tool, status, date: date ?? null, to: to ?? null, sources, note: note ?? null })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One row per tool, for /docker-ecosystem/tools.csv; lists are joined with "; ". */
export function catalogCsv(chart: ChartEdition): string {
  const vendors = new Map(chart.vendors.map((v) => [v.id, v.name]));
  const changes = new Map(chart.changes.map((c) => [c.tool, c]));
  const rows = chart.tools.map((tool) => {
    const change = changes.get(tool.name);
    return {
      name: tool.name,
      homepage: tool.homepage,
      description: tool.description,
      categories: tool.categories.join('; '),
      vendor: tool.vendor ? vendors.get(tool.vendor) ?? tool.vendor : '',
      lifecycle: tool.lifecycle,
      since: tool.since ?? '',
      status: change?.status ?? '',
      became: change?.to ?? '',
      sources: change?.sources.join('; ') ?? '',
    };
  });
  return stringify(rows, { header: true, columns: ['name', 'homepage', 'description', 'categories', 'vendor', 'lifecycle', 'since', 'status', 'became', 'sources'] });
}
