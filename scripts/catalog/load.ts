import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { LineCounter, parseDocument, visit, type Document } from 'yaml';

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
  let data: unknown = {};
  if (document.errors.length === 0) {
    const converted = documentData(document, file, lineCounter);
    data = converted.data;
    if (converted.problem) problems.push(converted.problem);
  }
  return { file: { file, data: data ?? {}, positions }, problems };
}

/** Converts a document to plain data, reporting aliases that expand too far instead of throwing. */
function documentData(document: Document, file: string, lineCounter: LineCounter): { data: unknown; problem?: Problem } {
  try {
    return { data: document.toJS() };
  } catch (error) {
    // yaml (2.x) throws a ReferenceError when aliases resolve to more nodes than its maxAliasCount (100).
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(document, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const { line, col } = lineCounter.linePos(offset);
    const message = 'invalid YAML: its aliases expand to too much data; write the values out or use fewer aliases';
    return { data: {}, problem: { file, line, column: col, message } };
  }
}
