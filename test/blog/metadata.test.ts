import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { InputError } from '../../scripts/errors.ts';
import { checkMetadata } from '../../scripts/site/metadata.ts';
import { parseYamlSource } from '../../scripts/site/yamlSource.ts';

const fixtures = path.join(import.meta.dirname, '../fixtures/blog');

async function check(name: string) {
  const text = await readFile(path.join(fixtures, name), 'utf8');
  return { text, run: () => checkMetadata(parseYamlSource(text, name)) };
}

function rejection(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('metadata was accepted');
}

describe('checkMetadata', () => {
  it('accepts the valid metadata', async () => {
    const { run } = await check('valid-metadata.yaml');
    expect(run()).toMatchObject({ title: 'netnotes', language: 'en', url: 'https://netnotes.example.org/' });
  });

  it.each([['metadata-bad-url.yaml'], ['metadata-no-slash.yaml'], ['metadata-bad-language.yaml']])(
    'rejects %s at the marked line',
    async (name) => {
      const { text, run } = await check(name);
      const lines = text.split('\n');
      const index = lines.findIndex((line) => line.includes('# expect: '));
      const error = rejection(run);

      expect(error.problems).toHaveLength(1);
      expect(error.problems[0].line).toBe(index + 1);
      expect(error.problems[0].message).toContain(lines[index].split('# expect: ')[1]);
    },
  );

  it('names a missing field', async () => {
    const { run } = await check('metadata-missing-title.yaml');
    const error = rejection(run);
    expect(error.problems.map((problem) => problem.message)).toEqual(["the document must have required property 'title'"]);
    expect(error.problems[0].line).toBe(2);
  });
});
