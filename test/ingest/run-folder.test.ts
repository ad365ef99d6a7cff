import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { readRun } from '../../scripts/ingest/run.ts';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/analyze/netns-2026-12');
const temporary: string[] = [];

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Copies the captured run into a fresh temporary folder and returns the run folder. */
function copyRun(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'netnotes-run-folder-'));
  temporary.push(root);
  const dir = path.join(root, 'netns-2026-12');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('readRun', () => {
  it('reports a missing manifest', async () => {
    const dir = copyRun();
    rmSync(path.join(dir, 'manifest.json'));

    const run = await readRun(dir, ingestFile);

    expect(run.files).toEqual([]);
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]).toMatchObject({ file: path.join(dir, 'manifest.json'), line: 1, column: 1 });
    expect(run.problems[0].message).toMatch(/^missing manifest\.json: /);
  });
});
