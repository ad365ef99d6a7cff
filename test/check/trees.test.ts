import { rmSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { compareTrees } from '../../scripts/check/trees.ts';
import { writeSite } from './site.ts';

const first = writeSite({ 'index.html': 'same', 'a/report.pdf': 'PDF 1', 'only-first.txt': 'x' });
const second = writeSite({ 'index.html': 'same', 'a/report.pdf': 'PDF 2', 'b/only-second.txt': 'y' });

afterAll(() => {
  rmSync(first, { recursive: true, force: true });
  rmSync(second, { recursive: true, force: true });
});

describe('compareTrees', () => {
  it('lists every file that is not identical', async () => {
    const { files, differences } = await compareTrees(first, second);
    expect(files).toBe(3);
    expect(differences).toEqual([
      { file: 'a/report.pdf', kind: 'differs' },
      { file: 'only-first.txt', kind: 'only in first' },
      { file: 'b/only-second.txt', kind: 'only in second' },
    ]);
  });

  it('finds no difference between a tree and itself', async () => {
    expect((await compareTrees(first, first)).differences).toEqual([]);
  });
});
