import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { parseManifest } from '../../scripts/ingest/manifest.ts';

const MANIFEST = path.join(import.meta.dirname, '../fixtures/analyze/netns-2026-12/manifest.json');
const real = readFileSync(MANIFEST, 'utf8');

// Aliases that nest three levels of ten: the YAML "billion laughs" shape, which JSON cannot express.
const ALIASES = [
  'notes:',
  '  a: &a [x, x, x, x, x, x, x, x, x, x]',
  '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  '  c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
].join('\n');

describe('parseManifest', () => {
  it('accepts the real manifest', () => {
    expect(parseManifest(real, 'manifest.json').problems).toEqual([]);
  });

  it('accepts a byte-order mark', () => {
    expect(parseManifest(`\ufeff${real}`, 'manifest.json').problems).toEqual([]);
  });

  it('rejects the manifest written as YAML', () => {
    const { manifest, problems } = parseManifest(stringify(JSON.parse(real)), 'manifest.json');
    expect(manifest).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'manifest.json', line: 1, column: 1 });
    expect(problems[0].message).toMatch(/^invalid JSON: /);
  });

  it('reports YAML aliases instead of expanding them', () => {
    const { problems } = parseManifest(`${stringify(JSON.parse(real))}${ALIASES}\n`, 'manifest.json');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^invalid JSON: /);
  });

  it('points at a trailing comma', () => {
    const text = real.replace(/"repetitions": 3,/, '"repetitions": 3,,');
    const { problems } = parseManifest(text, 'manifest.json');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^invalid JSON: /);
    expect(problems[0].line).toBe(real.slice(0, real.indexOf('"repetitions"')).split('\n').length);
  });
});
