import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { formatProblem } from '../../scripts/errors.ts';
import { loadCatalog, validateCatalogDir } from '../../scripts/catalog/validate.ts';

const FIXTURES = 'test/fixtures/catalog';

async function problemsOf(name: string): Promise<string[]> {
  const dir = path.join(FIXTURES, name);
  const { problems } = await validateCatalogDir(dir, dir);
  return problems.map(formatProblem);
}

describe('catalog validation', () => {
  it('accepts the real catalog', async () => {
    const { catalog, problems } = await validateCatalogDir('data/catalog', 'data/catalog');
    expect(problems).toEqual([]);
    expect(catalog.tools.length).toBeGreaterThanOrEqual(52);
    expect(catalog.editions.map((e) => e.id)).toEqual(['8.6.1', '2026.12']);
  });

  it('accepts the valid fixture', async () => {
    expect(await problemsOf('valid')).toEqual([]);
  });

  it('reports schema violations with positions', async () => {
    expect(await problemsOf('schema-violation')).toEqual([
      `${FIXTURES}/schema-violation/catalog.yaml:22:5: missing required property 'homepage'`,
      `${FIXTURES}/schema-violation/catalog.yaml:39:5: unknown property 'licence'`,
    ]);
  });

  it('rejects a name a spreadsheet would run', async () => {
    const problems = await problemsOf('formula-name');
    expect(problems[0]).toBe(
      `${FIXTURES}/formula-name/catalog.yaml:22:11: invalid name "=HYPERLINK(\\"https://example.org\\")": ` +
        'a name may not start with = + - @ or a tab, which a spreadsheet opening tools.csv would run as a formula',
    );
  });

  it('reports a duplicate tool name', async () => {
    const problems = await problemsOf('duplicate-name');
    expect(problems[0]).toBe(
      `${FIXTURES}/duplicate-name/catalog.yaml:40:11: duplicate tool name 'mesos', first defined at ${FIXTURES}/duplicate-name/catalog.yaml:22:5`,
    );
  });

  it('reports an unknown category', async () => {
    expect(await problemsOf('unknown-category')).toEqual([
      `${FIXTURES}/unknown-category/catalog.yaml:31:18: unknown category 'discovry'; expected one of 'discovery', 'orchestration'`,
    ]);
  });

  it('reports an unknown vendor', async () => {
    expect(await problemsOf('unknown-vendor')).toEqual([
      `${FIXTURES}/unknown-vendor/catalog.yaml:32:13: unknown vendor 'core-os'; expected one of 'apache', 'coreos'`,
    ]);
  });

  it('reports a relation to an unknown tool', async () => {
    expect(await problemsOf('unknown-relation-tool')).toEqual([
      `${FIXTURES}/unknown-relation-tool/catalog.yaml:47:27: relation to unknown tool 'Mesoss'`,
    ]);
  });

  it('reports an unknown relation kind', async () => {
    const problems = await problemsOf('unknown-kind');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${FIXTURES}/unknown-kind/catalog.yaml:47:40: unknown relation kind "depends on"; expected one of 'runs on'`));
  });

  it('rejects a javascript: URL', async () => {
    expect(await problemsOf('javascript-url')).toEqual([
      `${FIXTURES}/javascript-url/catalog.yaml:29:15: invalid URL "javascript:alert(1)": only http:// and https:// URLs are allowed`,
    ]);
  });

  it('reports a tool with no category', async () => {
    expect(await problemsOf('no-category')).toEqual([
      `${FIXTURES}/no-category/catalog.yaml:28:11: tool 'etcd' has no category; add 'categories' with at least one category id`,
    ]);
  });

  it('reports a renamed/replaced cycle', async () => {
    expect(await problemsOf('cycle')).toEqual([
      `${FIXTURES}/cycle/catalog.yaml:49:26: cycle in renamed to / replaced by: Rudder → Flannel → Rudder`,
    ]);
  });

  it('reports YAML syntax errors alone', async () => {
    expect(await problemsOf('yaml-syntax')).toEqual([
      `${FIXTURES}/yaml-syntax/catalog.yaml:31:5: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('reports every problem in one pass', async () => {
    const dir = path.join(FIXTURES, 'schema-violation');
    const failure = await loadCatalog(dir, dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).name).toBe('InputError');
    expect((failure as { problems: unknown[] }).problems).toHaveLength(2);
  });
});
