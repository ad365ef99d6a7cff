import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { listFiles } from './files.ts';

export interface TreeDifference {
  file: string;
  /** "differs" when both trees have the file with other bytes, else the tree that lacks it. */
  kind: 'differs' | 'only in first' | 'only in second';
}

/** Compares two folders file by file, byte for byte; lists every file that is not identical. */
export async function compareTrees(first: string, second: string): Promise<{ files: number; differences: TreeDifference[] }> {
  const [left, right] = await Promise.all([listFiles(first), listFiles(second)]);
  const rightSet = new Set(right);
  const leftSet = new Set(left);
  const differences: TreeDifference[] = [];

  for (const file of left) {
    if (!rightSet.has(file)) {
      differences.push({ file, kind: 'only in first' });
      continue;
    }
    const [a, b] = await Promise.all([readFile(path.join(first, file)), readFile(path.join(second, file))]);
    if (!a.equals(b)) differences.push({ file, kind: 'differs' });
  }
  for (const file of right) if (!leftSet.has(file)) differences.push({ file, kind: 'only in second' });

  return { files: leftSet.size, differences };
}
