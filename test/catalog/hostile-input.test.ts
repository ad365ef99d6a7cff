import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { validateCatalogDir } from '../../scripts/catalog/validate.ts';
import { formatProblem } from '../../scripts/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/catalog';

function validate(dir: string) {
  const cli = path.join(ROOT, 'scripts/netnotes.js');
  return spawnSync(process.execPath, [cli, 'catalog', 'validate', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('catalog hostile input', () => {
  it('reports aliases that expand too far', async () => {
    const dir = path.join(FIXTURES, 'alias-bomb');
    const { problems } = await validateCatalogDir(dir, dir);
    expect(problems.map(formatProblem)).toContain(
      `${dir}/catalog.yaml:65:10: invalid YAML: its aliases expand to too much data; write the values out or use fewer aliases`,
    );
  });

  it('exits 1 listing the alias problem', () => {
    const result = validate(path.join(FIXTURES, 'alias-bomb'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/catalog\.yaml:65:10: invalid YAML: its aliases expand/);
  });

  it('rejects a missing folder with exit 2', () => {
    const result = validate('no-such-catalog');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('error: catalog folder not found: no-such-catalog\n');
  });

  it('rejects a file given as the folder', () => {
    const result = validate('README.md');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('error: README.md is a file; give the catalog folder, e.g. data/catalog\n');
  });
});
