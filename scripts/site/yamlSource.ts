import { readFile } from 'node:fs/promises';

import type { ErrorObject } from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

import { InputError, type Problem } from '../errors.ts';

/** A parsed YAML file that can point back at the line and column of any value in it. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** The 1-based position of the value at `path`, or of its nearest parent that exists. */
  positionOf(path: ReadonlyArray<string | number>): { line: number; column: number };
  /** A problem located at the value at `path`. */
  problemAt(path: ReadonlyArray<string | number>, message: string): Problem;
}

/** Reads and parses a YAML file. Syntax errors become one InputError listing every error. */
export async function readYamlSource(file: string, displayName = file): Promise<YamlSource> {
  const text = await readFile(file, 'utf8');
  return parseYamlSource(text, displayName);
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });

  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return { file, line, column: col, message: `invalid YAML: ${firstLine(error.message)}` };
    });
    throw new InputError(`${file} is not valid YAML:`, problems);
  }

  const positionOf = (path: ReadonlyArray<string | number>) => {
    const offset = offsetOf(document, path);
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    value: document.toJS(),
    positionOf,
    problemAt: (path, message) => ({ file, ...positionOf(path), message }),
  };
}

/** Turns Ajv's errors into problems located in the YAML source, one per error. */
export function schemaProblems(source: YamlSource, errors: ErrorObject[]): Problem[] {
  return errors.map((error) => {
    const path = error.instancePath.split('/').slice(1).map(decodePointerToken);
    const where = error.instancePath === '' ? 'the document' : error.instancePath.slice(1).replaceAll('/', '.');
    const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
    const allowed = error.keyword === 'enum' ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
    return source.problemAt(path, `${where} ${error.message ?? 'is invalid'}${extra}${allowed}`);
  });
}

function offsetOf(document: Document, path: ReadonlyArray<string | number>): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;

  for (const key of path) {
    if (!isMap(node) && !isSeq(node)) break;
    const pair = isMap(node) ? node.items.find((item) => keyText(item.key) === String(key)) : undefined;
    const next = isMap(node) ? pair?.value : node.items[Number(key)];
    // A missing value is reported at its key, and a missing key at the mapping that lacks it.
    const start = rangeStart(next) ?? rangeStart(pair?.key);
    if (start === undefined) break;
    offset = start;
    node = next;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}

function keyText(key: unknown): string {
  const value = (key as { value?: unknown } | null)?.value ?? key;
  return String(value);
}

function decodePointerToken(token: string): string | number {
  const text = token.replaceAll('~1', '/').replaceAll('~0', '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
