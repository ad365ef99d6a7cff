import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

import type { Problem } from '../errors.ts';

/** A run's manifest.json: the environment it was measured in and how. */
export interface RunManifest {
  run: string;
  date: string;
  tool: string;
  kernel?: string;
  cpu?: string;
  memory?: string;
  os?: string;
  duration_seconds?: number;
  repetitions?: number;
  server_command?: string;
  client_command?: string;
  techniques: Record<string, { emulates?: string; how: string }>;
  /** Files the run's author excluded on purpose, with the reason; the build reports them instead of failing. */
  excluded?: Array<{ path: string; reason: string }>;
  [extra: string]: unknown;
}

const MANIFEST_SCHEMA = {
  type: 'object',
  required: ['run', 'date', 'tool', 'techniques'],
  properties: {
    run: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
    tool: { type: 'string', minLength: 1 },
    kernel: { type: 'string' },
    cpu: { type: 'string' },
    memory: { type: 'string' },
    os: { type: 'string' },
    duration_seconds: { type: 'number', exclusiveMinimum: 0 },
    repetitions: { type: 'integer', minimum: 1 },
    server_command: { type: 'string' },
    client_command: { type: 'string' },
    techniques: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        required: ['how'],
        properties: { emulates: { type: 'string' }, how: { type: 'string' } },
      },
    },
    excluded: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'reason'],
        properties: { path: { type: 'string', minLength: 1 }, reason: { type: 'string', minLength: 1 } },
        additionalProperties: false,
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile<RunManifest>(MANIFEST_SCHEMA);

/** Finds where the value at a path of keys and indexes starts in the manifest, or 1:1 when it is absent. */
export type Locate = (segments: Array<string | number>) => { line: number; column: number };

export type ManifestResult =
  | { manifest: RunManifest; problems: []; at: Locate }
  | { manifest?: undefined; problems: Problem[]; partial?: Partial<RunManifest>; at?: Locate };

/**
 * Parses and checks a manifest. JSON is read with the YAML parser, which accepts it and keeps
 * the position of every value, so each problem points at its line and column.
 */
export function parseManifest(text: string, file: string): ManifestResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { file, line, column: col, message: `invalid JSON: ${error.message.split('\n')[0]}` };
      }),
    };
  }

  // The YAML parser also accepts YAML that is not JSON, including aliases that expand without bound.
  const notJson = jsonSyntaxProblem(text, file, lineCounter);
  if (notJson) return { problems: [notJson] };

  const value: unknown = document.toJS();
  const at = locator(document, lineCounter);
  if (validate(value)) return { manifest: value, problems: [], at };
  const problems = (validate.errors ?? []).map((error) => locate(error, document, lineCounter, file));
  // The valid parts are still checked by the caller, so one build reports every problem.
  const partial = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Partial<RunManifest>) : undefined;
  return { problems, partial, at };
}

/** Checks the text with JSON.parse, whose V8 message gives the offset of most syntax errors. */
function jsonSyntaxProblem(text: string, file: string, lineCounter: LineCounter): Problem | undefined {
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects and YAML skips.
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  try {
    JSON.parse(text.slice(bom));
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = bom + Number(/at position (\d+)/.exec(error.message)?.[1] ?? 0);
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message: `invalid JSON: ${error.message}` };
  }
}

function locator(document: Document, lineCounter: LineCounter): Locate {
  return (segments) => {
    const node = document.getIn(segments, true);
    const { line, col } = lineCounter.linePos(isNode(node) && node.range ? node.range[0] : 0);
    return { line, column: col };
  };
}

function locate(error: ErrorObject, document: Document, lineCounter: LineCounter, file: string): Problem {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const node = document.getIn(segments, true);
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  const { line, col } = lineCounter.linePos(offset);
  const where = error.instancePath ? `"${segments.join('.')}"` : 'the manifest';
  const detail =
    error.keyword === 'required' ? `is missing "${(error.params as { missingProperty: string }).missingProperty}"` : error.message;
  return { file, line, column: col, message: `${where} ${detail}` };
}
