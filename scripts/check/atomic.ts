import { cp, readdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';

import { runBuildProcess } from './build-process.ts';
import type { Finding } from './findings.ts';
import { ProjectCopy } from './project.ts';
import { compareTrees } from './trees.ts';

/** One way to break the inputs, and what the failed build's message must name. */
export interface Breakage {
  name: string;
  /** Edits a project copy so that its build fails. */
  apply(copy: ProjectCopy, source: string): Promise<void>;
  /** Text the error message must contain, so the user learns why the build failed. */
  expected: string;
}

const LOG = 'data/runs/netns-2026-12/bridge/one-server/1-clients/rep-1/client-c1-p1.csv';

/** A bad catalog, a rejected log and a template error: the three ways a build fails on input. */
export const BREAKAGES: Breakage[] = [
  {
    name: 'bad catalog',
    expected: 'tools.yaml',
    async apply(copy, source) {
      const tools = await readFile(path.join(source, 'data/catalog/tools.yaml'), 'utf8');
      await copy.writeFile('data/catalog/tools.yaml', tools.replace(/categories: \[orchestration/, 'categories: [no-such-category'));
    },
  },
  {
    name: 'rejected log',
    expected: 'client-c1-p1.csv:1',
    // A client log with no readable row is rejected; a log with some bad lines keeps its good
    // ones and only warns, so it would not make the build fail.
    async apply(copy) {
      await copy.writeFile(LOG, 'Client connecting to 198.18.10.1, TCP port 5001\nconnect failed: Connection refused\n');
    },
  },
  {
    name: 'template error',
    expected: 'broken.njk',
    async apply(copy) {
      await copy.writeFile('content/broken.njk', '---\ntitle: Broken\n---\n{% include "missing-partial.njk" %}\n');
    },
  },
];

/**
 * Builds the site once, then runs a build for each breakage into the same output folder and
 * checks that each one fails with a message naming the cause, leaves the previous output
 * byte-identical and leaves no staging folder behind.
 */
export async function checkAtomicOutput(projectRoot: string, breakages = BREAKAGES): Promise<Finding[]> {
  const good = await ProjectCopy.create(projectRoot);
  const out = path.join(good.root, '_site');
  const snapshot = path.join(good.root, '_snapshot');
  const findings: Finding[] = [];
  try {
    const first = await runBuildProcess(good.root, out, { pdf: false });
    if (first.code !== 0) throw new Error(`the build of the unchanged inputs failed, so atomic output cannot be checked:\n${first.stderr}`);
    await cp(out, snapshot, { recursive: true });

    for (const breakage of breakages) {
      const fail = (message: string): void => {
        findings.push({ check: 'atomic', where: breakage.name, message });
      };
      const broken = await ProjectCopy.create(projectRoot);
      try {
        // Stage outputs are keyed by content, so sharing the good build's cache only saves time.
        await symlink(path.join(good.root, '.cache'), path.join(broken.root, '.cache'));
        await breakage.apply(broken, projectRoot);
        const result = await runBuildProcess(broken.root, out, { pdf: false });

        if (result.code === 0) fail('the build succeeded, but it should have failed');
        else if (!result.stderr.includes(breakage.expected)) {
          fail(`the error output does not name ${breakage.expected}: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`);
        }
        const { differences } = await compareTrees(snapshot, out);
        if (differences.length > 0) fail(`the failed build changed the previous output: ${differences.map((d) => d.file).join(', ')}`);
        const leftovers = (await readdir(good.root)).filter((name) => name.includes('.staging-') || name.includes('.previous-'));
        if (leftovers.length > 0) fail(`the failed build left ${leftovers.join(', ')} behind`);
      } finally {
        await broken.remove();
      }
    }
    return findings;
  } finally {
    await good.remove();
  }
}
