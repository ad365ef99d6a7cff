import { readFileSync } from 'node:fs';

import { Ajv, type ErrorObject } from 'ajv';

import type { Problem } from '../errors.ts';
import type { CatalogFile } from './load.ts';

const schemaUrl = new URL('../../data/catalog/catalog.schema.json', import.meta.url);

/** The catalog's JSON Schema, shared with editors through the `$schema` comment of each file. */
export const catalogSchema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, strict: true });
const validateFile = ajv.compile(catalogSchema);

/** Checks each file against the schema and returns every violation with its position. */
export function checkSchema(files: CatalogFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    if (validateFile(file.data)) continue;
    for (const error of validateFile.errors ?? []) problems.push(toProblem(file, error));
  }
  return problems;
}

function toProblem(file: CatalogFile, error: ErrorObject): Problem {
  const path = error.instancePath.split('/').slice(1).join('.');
  const value = valueAt(file.data, path);

  switch (error.keyword) {
    case 'required':
      return file.positions.problem(path, `missing required property '${error.params.missingProperty}'`);
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      return file.positions.keyProblem(path, key, `unknown property '${key}'`);
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => `'${v}'`).join(', ');
      const what = path.endsWith('.kind') ? 'unknown relation kind' : `invalid value for ${lastSegment(path)}`;
      return file.positions.problem(path, `${what} ${JSON.stringify(value)}; expected one of ${allowed}`);
    }
    case 'pattern':
      if (error.schemaPath.startsWith('#/definitions/url/')) {
        return file.positions.problem(path, `invalid URL ${JSON.stringify(value)}: only http:// and https:// URLs are allowed`);
      }
      return file.positions.problem(path, `invalid ${lastSegment(path)} ${JSON.stringify(value)}: ${describePattern(error)}`);
    default:
      return file.positions.problem(path, `${lastSegment(path) || 'file'} ${error.message ?? 'is invalid'}`);
  }
}

function describePattern(error: ErrorObject): string {
  if (error.schemaPath.startsWith('#/definitions/date/')) return 'expected YYYY-MM or YYYY-MM-DD in quotes';
  if (error.schemaPath.includes('/colour/')) return 'expected a colour like "#3a7bd5"';
  if (error.schemaPath.startsWith('#/definitions/id/')) return 'expected lower-case letters, digits and dashes';
  if (error.schemaPath.startsWith('#/definitions/name/')) {
    return 'a name may not start with = + - @ or a tab, which a spreadsheet opening tools.csv would run as a formula';
  }
  return `must match ${String(error.params.pattern)}`;
}

function lastSegment(path: string): string {
  return path.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? '';
}

function valueAt(data: unknown, path: string): unknown {
  let current = data;
  for (const segment of path === '' ? [] : path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
