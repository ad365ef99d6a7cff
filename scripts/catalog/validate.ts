import { InputError, type Problem } from '../errors.ts';
import { assembleCatalog } from './assemble.ts';
import { checkReferences } from './check.ts';
import { readCatalogFiles } from './load.ts';
import type { SourcePositions } from './positions.ts';
import { checkSchema } from './schema.ts';
import type { Catalog } from './types.ts';

export interface CatalogResult {
  catalog: Catalog;
  problems: Problem[];
}

/** Reads, schema-checks and cross-checks a catalog folder, collecting every problem. */
export async function validateCatalogDir(dir: string, displayDir = dir): Promise<CatalogResult> {
  const { files, problems } = await readCatalogFiles(dir, displayDir);
  const unreadable = problems.length > 0;
  problems.push(...checkSchema(files));

  const catalog = assembleCatalog(files);
  // With a file that does not parse, references into it would all look dangling: report the
  // syntax errors and schema violations first.
  if (!unreadable) {
    const positions = new Map<string, SourcePositions>(files.map((f) => [f.file, f.positions]));
    problems.push(...checkReferences(catalog, positions));
    problems.push(...checkRequiredLists(catalog, displayDir));
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { catalog, problems };
}

/** Loads a catalog that must be valid; throws an InputError listing every problem otherwise. */
export async function loadCatalog(dir: string, displayDir = dir): Promise<Catalog> {
  const { catalog, problems } = await validateCatalogDir(dir, displayDir);
  if (problems.length > 0) throw new InputError(`${problems.length} problem(s) in the catalog ${displayDir}:`, problems);
  return catalog;
}

function checkRequiredLists(catalog: Catalog, displayDir: string): Problem[] {
  const missing = (['categories', 'tools', 'editions'] as const).filter((list) => catalog[list].length === 0);
  return missing.map((list) => ({ file: displayDir, line: 1, column: 1, message: `the catalog has no ${list}; add a '${list}:' list to one of its files` }));
}
