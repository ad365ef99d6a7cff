import path from 'node:path';

import { createMemoryLogger } from '../log.ts';
import { build } from '../site/build.ts';
import type { Finding } from './findings.ts';
import { ProjectCopy } from './project.ts';
import { compareTrees } from './trees.ts';

const DESCRIPTIONS = {
  differs: 'the bytes differ',
  'only in first': 'only the first build wrote this file',
  'only in second': 'only the second build wrote this file',
};

export interface DeterminismReport {
  findings: Finding[];
  files: number;
}

/**
 * Builds the site twice from scratch, PDFs included, each in its own temporary project root
 * with an empty .cache/, and reports every output file that differs between the two. Requests
 * the PDF printer blocked during either build are reported too, since a print must not depend
 * on anything outside the site.
 */
export async function checkDeterminism(projectRoot: string): Promise<DeterminismReport> {
  const copies = [await ProjectCopy.create(projectRoot), await ProjectCopy.create(projectRoot)];
  try {
    const findings: Finding[] = [];
    for (const copy of copies) {
      const log = createMemoryLogger();
      await build({ root: copy.root, out: path.join(copy.root, '_site'), pathPrefix: '/', pdf: true }, log);
      for (const line of log.lines.filter((l) => l.includes('blocked a request'))) {
        findings.push({ check: 'offline', where: 'build', message: line.replace(/^warning: /, '') });
      }
    }

    const [first, second] = copies.map((copy) => path.join(copy.root, '_site'));
    const { files, differences } = await compareTrees(first, second);
    for (const difference of differences) {
      findings.push({ check: 'determinism', where: difference.file, message: `two clean builds disagree: ${DESCRIPTIONS[difference.kind]}` });
    }
    return { findings, files };
  } finally {
    for (const copy of copies) await copy.remove();
  }
}
