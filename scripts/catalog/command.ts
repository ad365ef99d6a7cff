import path from 'node:path';

import type { Command } from 'commander';

import { createLogger } from '../log.ts';

/** Registers `catalog validate [dir]`. */
export function registerCatalogCommand(program: Command): void {
  const catalog = program.command('catalog').description('check the Docker ecosystem tool catalog');

  catalog
    .command('validate')
    .description('check every file of a catalog folder against the schema and cross-references; exits 1 and lists every problem as file:line:column if any')
    .argument('[dir]', 'catalog folder', 'data/catalog')
    .action(async (dir: string) => {
      const { loadCatalog } = await import('./validate.ts');
      const log = createLogger({ quiet: program.opts().quiet });
      const started = performance.now();
      const absolute = path.resolve(dir);
      const result = await loadCatalog(absolute, path.relative(process.cwd(), absolute) || '.');
      log.step('checked', `${dir}: ${result.tools.length} tools, ${result.relations.length} relations, ${result.editions.length} editions, no problems`, performance.now() - started);
    });
}
