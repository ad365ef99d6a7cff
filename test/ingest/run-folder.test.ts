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

describe('readRun problems', () => {
  it('lists both bad lines and a misnamed file', async () => {
    const dir = copyRun();
    const rep = path.join(dir, 'bridge/containers-x-clients/2x2/rep-2');
    const lines = readFileSync(path.join(rep, 'client-c2-p2.csv'), 'utf8').trimEnd().split('\n');
    const misnamed = path.join(rep, 'client-c3.csv');
    writeFileSync(misnamed, `${[...lines, 'client killed'].join('\n')}\n`);

    const run = await readRun(dir, ingestFile);
    const messages = run.problems.map((p) => `${path.relative(dir, p.file)}:${p.line}:${p.column}: ${p.message}`);

    expect(messages).toEqual([
      'bridge/containers-x-clients/2x2/rep-2/client-c3.csv:1:1: file name "client-c3.csv" does not match client-c<i>-p<j>.<ext> or server-s<k>.<ext>',
      `bridge/containers-x-clients/2x2/rep-2/client-c3.csv:${lines.length + 1}:1: expected an iperf 2 CSV row starting with a timestamp, found "client killed"`,
    ]);
  });
});

describe('readRun manifest positions', () => {
  it('points at the run id and each unknown exclusion', async () => {
    const dir = copyRun();
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.run = 'netns-2026-11';
    manifest.excluded = [
      { path: '../netns-2026-12/bridge/one-server/1-clients/rep-1/client-c1-p1.csv', reason: 'a path out of the run' },
      { path: 'bridge/one-server/1-clients/rep-9/client-c1-p1.csv', reason: 'no such repetition' },
    ];
    const text = JSON.stringify(manifest, null, 2);
    writeFileSync(manifestFile, text);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

    const run = await readRun(dir, ingestFile);
    const positions = run.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);

    expect(run.problems.every((p) => p.file === manifestFile)).toBe(true);
    expect(positions).toEqual([
      `${lineOf('"run"')}:10: "run" is "netns-2026-11" but the folder is named "netns-2026-12"`,
      `${lineOf('"../netns')}:15: "excluded" lists ../netns-2026-12/bridge/one-server/1-clients/rep-1/client-c1-p1.csv, which is not in the run`,
      `${lineOf('"bridge/one-server/1-clients/rep-9')}:15: "excluded" lists bridge/one-server/1-clients/rep-9/client-c1-p1.csv, which is not in the run`,
    ]);
  });
});
