import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import type { Logger } from '../log.ts';
import { runBuildProcess } from '../check/build-process.ts';
import { ProjectCopy } from '../check/project.ts';

/** The run whose subset becomes the new run, and the part of it that is copied. */
const SOURCE_RUN = 'netns-2026-12';
const SUBSET = ['bridge/one-server', 'macvlan/one-server', 'nat/one-server'];
const NEW_RUN = 'netns-2026-12-bench';

export interface BuildTimes {
  coldMs: number;
  noChangeMs: number;
  newRunMs: number;
}

/**
 * Times three builds of a temporary project root through the CLI, wall clock: cold (no .cache/),
 * again with nothing changed, and again after a new run (one setup of the default run, copied
 * under a new run id) was added. Returns the project copy with its built _site/ for later
 * measurements; the caller removes it.
 */
export async function timeBuilds(projectRoot: string, log: Logger): Promise<{ times: BuildTimes; copy: ProjectCopy }> {
  const copy = await ProjectCopy.create(projectRoot, 'netnotes-bench-');
  const out = path.join(copy.root, '_site');
  await rm(path.join(copy.root, '.cache'), { recursive: true, force: true });

  const coldMs = await timedBuild(copy.root, out, 'cold build', log);
  const noChangeMs = await timedBuild(copy.root, out, 'no-change rebuild', log);
  await addRun(copy, projectRoot);
  const newRunMs = await timedBuild(copy.root, out, `rebuild after adding run ${NEW_RUN}`, log);
  return { times: { coldMs, noChangeMs, newRunMs }, copy };
}

async function timedBuild(root: string, out: string, label: string, log: Logger): Promise<number> {
  const result = await runBuildProcess(root, out, { pdf: true });
  if (result.code !== 0) throw new Error(`the ${label} failed (exit ${result.code}):\n${result.stderr.trim()}`);
  log.step('timed', label, result.ms);
  return result.ms;
}

async function addRun(copy: ProjectCopy, projectRoot: string): Promise<void> {
  const source = path.join(projectRoot, 'data/runs', SOURCE_RUN);
  const runDir = await copy.ownFolder(`data/runs/${NEW_RUN}`);
  for (const part of SUBSET) await cp(path.join(source, part), path.join(runDir, part), { recursive: true });

  const manifest = JSON.parse(await readFile(path.join(source, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  await copy.writeFile(`data/runs/${NEW_RUN}/manifest.json`, `${JSON.stringify({ ...manifest, run: NEW_RUN, date: '2026-12-05' }, null, 2)}\n`);
}
