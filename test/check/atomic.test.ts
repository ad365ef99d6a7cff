import { rmSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { BREAKAGES, checkAtomicOutput } from '../../scripts/check/atomic.ts';
import { shippedProject } from '../site/temp-project.ts';

const ROOT = shippedProject();
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('checkAtomicOutput', () => {
  it('keeps the previous output for each failed build', async () => {
    expect(BREAKAGES.map((b) => b.name)).toEqual(['bad catalog', 'rejected log', 'template error']);
    expect(await checkAtomicOutput(ROOT)).toEqual([]);
  });

  it('reports a breakage that does not fail the build', async () => {
    const harmless = { name: 'harmless edit', expected: 'anything', apply: async () => {} };
    const findings = await checkAtomicOutput(ROOT, [harmless]);
    expect(findings.map((f) => `${f.where}: ${f.message}`)).toEqual(['harmless edit: the build succeeded, but it should have failed']);
  });
});
