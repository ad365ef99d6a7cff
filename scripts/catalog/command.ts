import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { Command } from 'commander';

import { UsageError, isEnoent } from '../errors.ts';
import { createLogger } from '../log.ts';

/** Registers `catalog validate [dir]`. */
export function registerCatalogCommand(program: Command): void {
  const catalog = program.command('catalog').description('check the Docker ecosystem tool catalog');

  catalog
    .command('validate')
    .description('check every file of a catalog folder against the schema and cross-references; exits 1 and lists every problem as file:line:column if any')
    .argument('[dir]', 'catalog folder', 'data/catalog')
    .action(async (dir: string) => {
      await requireFolder(dir);
      const { loadCatalog } = await import('./validate.ts');
      const log = createLogger({ quiet: program.opts().quiet });
      const started = performance.now();
      const absolute = path.resolve(dir);
      const result = await loadCatalog(absolute, path.relative(process.cwd(), absolute) || '.');
      log.step('checked', `${dir}: ${result.tools.length} tools, ${result.relations.length} relations, ${result.editions.length} editions, no problems`, performance.now() - started);
    });
}

async function requireFolder(dir: string): Promise<void> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new UsageError(`${dir} is a file; give the catalog folder, e.g. data/catalog`);
  } catch (error) {
    if (isEnoent(error)) throw new UsageError(`catalog folder not found: ${dir}`);
    throw error;
  }
}
