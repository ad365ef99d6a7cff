import path from 'node:path';

import { Ajv } from 'ajv';

import { InputError, type Problem } from '../errors.ts';
import type { SiteContext } from './data.ts';
import { readYamlSource, schemaProblems, type YamlSource } from './yamlSource.ts';

/** The site's title, author, base URL and language, from data/metadata.yaml. */
export interface SiteMetadata {
  title: string;
  description: string;
  author: { name: string };
  /** Absolute http(s) URL of the site root, ending in a slash. The path prefix goes after it. */
  url: string;
  /** BCP 47 language tag of the pages, e.g. "en" or "en-GB". */
  language: string;
}

export const METADATA_FILE = 'data/metadata.yaml';

const schema = {
  type: 'object',
  required: ['title', 'description', 'author', 'url', 'language'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    author: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1 } },
    },
    url: { type: 'string', minLength: 1 },
    language: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile<SiteMetadata>(schema);

export async function loadMetadata(context: SiteContext): Promise<SiteMetadata> {
  const source = await readYamlSource(path.join(context.root, METADATA_FILE), METADATA_FILE);
  return checkMetadata(source);
}

/** Validates parsed metadata against the schema and checks the base URL, reporting every problem. */
export function checkMetadata(source: YamlSource): SiteMetadata {
  const value = source.value;
  if (!validate(value)) {
    throw new InputError(`invalid site metadata in ${source.file}:`, schemaProblems(source, validate.errors ?? []));
  }

  const problems = baseUrlProblems(source, value.url);
  if (problems.length > 0) throw new InputError(`invalid site metadata in ${source.file}:`, problems);
  return value;
}

function baseUrlProblems(source: YamlSource, url: string): Problem[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [source.problemAt(['url'], `url "${url}" is not an absolute URL; expected e.g. https://example.org/`)];
  }

  const problems: Problem[] = [];
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    problems.push(source.problemAt(['url'], `url "${url}" must use http or https`));
  }
  if (!parsed.pathname.endsWith('/') || parsed.search !== '' || parsed.hash !== '') {
    problems.push(source.problemAt(['url'], `url "${url}" must end with "/" and have no query or fragment`));
  }
  return problems;
}
