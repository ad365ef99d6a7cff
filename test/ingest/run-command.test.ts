import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

// `netnotes ingest` on a run folder must judge it as the build does: by its manifest.
const cli = new URL('../../scripts/cli.ts', import.meta.url).pathname;
const FIXTURE = path.join(import.meta.dirname, '../fixtures/analyze/netns-2026-12');
const LOG = 'bridge/containers-x-clients/2x2/rep-2/client-c2-p2.csv';
const temporary: string[] = [];

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Copies the captured run, empties one client log and applies `edit` to the manifest. */
function runWithEmptyLog(edit: (manifest: Record<string, unknown>) => void): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'netnotes-run-command-'));
  temporary.push(root);
  const dir = path.join(root, 'netns-2026-12');
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(path.join(dir, LOG), '');
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return dir;
}

function ingestJson(dir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, 'ingest', '--json', dir], { encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { problems: Array<{ file: string; message: string }>; files: Array<{ path: string; status: string; excluded?: string }> };
  return { status: result.status, report };
}

describe('netnotes ingest on a run folder', () => {
  it('accepts a log the manifest excludes', () => {
    const dir = runWithEmptyLog((manifest) => {
      manifest.excluded = [{ path: LOG, reason: 'client crashed' }];
    });
    const { status, report } = ingestJson(dir);

    expect(status).toBe(0);
    expect(report.problems).toEqual([]);
    expect(report.files.find((file) => file.path.endsWith(LOG))).toMatchObject({ status: 'rejected', excluded: 'client crashed' });
    expect(report.files.some((file) => file.path.endsWith('manifest.json'))).toBe(false);
  });

  it('rejects a manifest date the build rejects', () => {
    const dir = runWithEmptyLog((manifest) => {
      manifest.date = '2026-13-45';
    });
    const { status, report } = ingestJson(dir);

    expect(status).toBe(1);
    expect(report.problems.map((problem) => path.basename(problem.file))).toEqual(['client-c2-p2.csv', 'manifest.json']);
    expect(report.problems[1].message).toMatch(/invalid date "2026-13-45"/);
  });
});
