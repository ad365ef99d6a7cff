import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { LineCounter, parseDocument } from 'yaml';

import type { Problem } from '../errors.ts';
import { SourcePositions } from './positions.ts';

/** One catalog file as parsed: its plain data and where each of its nodes starts. */
export interface CatalogFile {
  file: string;
  data: unknown;
  positions: SourcePositions;
}

export interface LoadedFiles {
  files: CatalogFile[];
  problems: Problem[];
}

/**
 * Reads every .yaml/.yml file of a catalog folder in name order. `displayDir` is how the folder
 * is named in problems (e.g. "data/catalog"), so messages point at the files the user edits.
 */
export async function readCatalogFiles(dir: string, displayDir = dir): Promise<LoadedFiles> {
  const names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const files: CatalogFile[] = [];
  const problems: Problem[] = [];

  if (names.length === 0) {
    problems.push({ file: displayDir, line: 1, column: 1, message: 'no catalog files: expected *.yaml files in this folder' });
  }
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const parsed = parseCatalogText(path.join(displayDir, name), text);
    files.push(parsed.file);
    problems.push(...parsed.problems);
  }
  return { files, problems };
}

/** Parses one file; YAML syntax errors and duplicate keys become problems with positions. */
export function parseCatalogText(file: string, text: string): { file: CatalogFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const problems: Problem[] = [...document.errors, ...document.warnings].map((error) => {
    const position = error.linePos?.[0] ?? { line: 1, col: 1 };
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { file, line: position.line, column: position.col, message: `invalid YAML: ${message}` };
  });

  const positions = new SourcePositions(file, document, lineCounter);
  const data = document.errors.length === 0 ? document.toJS() : {};
  return { file: { file, data: data ?? {}, positions }, problems };
}
