import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { readRun } from '../../scripts/ingest/run.ts';
import { listFiles as listCommandFiles } from '../../scripts/ingest/walk.ts';

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

    expect(run.files.length).toBeGreaterThan(0);
    expect(run.files.every((file) => file.ingested.status === 'parsed')).toBe(true);
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]).toMatchObject({ file: path.join(dir, 'manifest.json'), line: 1, column: 1 });
    expect(run.problems[0].message).toMatch(/^missing manifest\.json: /);
  });

  it('reads the logs behind invalid JSON', async () => {
    const dir = copyRun();
    const manifestFile = path.join(dir, 'manifest.json');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace('"run":', '"run"'));
    const log = path.join(dir, 'bridge/containers-x-clients/2x2/rep-2/client-c2-p2.csv');
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    writeFileSync(log, `${[...lines, 'client killed'].join('\n')}\n`);
    rmSync(path.join(dir, 'bridge/containers-x-clients/2x2/rep-1/client-c1-p1.csv'));
    writeFileSync(path.join(dir, 'bridge/containers-x-clients/2x2/rep-1/client-c1-p1.csv'), '');

    const run = await readRun(dir, ingestFile);
    const messages = run.problems.map((p) => `${path.relative(dir, p.file)}:${p.line}: ${p.message.slice(0, 40)}`);

    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^manifest\.json:\d+: invalid JSON: /);
    expect(messages[1]).toMatch(/^bridge\/containers-x-clients\/2x2\/rep-1\/client-c1-p1\.csv:1: /);
    expect(run.files.find((file) => file.relativePath.endsWith('rep-2/client-c2-p2.csv'))?.ingested.errors).toHaveLength(1);
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

describe('symbolic links in a run', () => {
  const REP = 'bridge/containers-x-clients/2x2/rep-2';

  /** Moves a log and a repetition folder out of the run and links them back in. */
  function linkedRun(): { dir: string; logs: string[] } {
    const dir = copyRun();
    const outside = path.dirname(dir);
    renameSync(path.join(dir, REP, 'client-c1-p1.csv'), path.join(outside, 'client-c1-p1.csv'));
    symlinkSync(path.join(outside, 'client-c1-p1.csv'), path.join(dir, REP, 'client-c1-p1.csv'));
    renameSync(path.join(dir, 'bridge/containers-x-clients/2x2/rep-1'), path.join(outside, 'rep-1'));
    symlinkSync(path.join(outside, 'rep-1'), path.join(dir, 'bridge/containers-x-clients/2x2/rep-1'));
    // A link back up the tree must not make the walk loop.
    symlinkSync('..', path.join(dir, REP, 'up'));
    const logs = ['client-c1-p1.csv', 'client-c1-p2.csv', 'client-c2-p1.csv', 'client-c2-p2.csv', 'server-s1.csv'];
    return { dir, logs };
  }

  it('reads linked logs and folders in the build', async () => {
    const { dir, logs } = linkedRun();

    const run = await readRun(dir, ingestFile);
    const paths = run.files.map((f) => f.relativePath);

    expect(run.problems).toEqual([]);
    for (const log of logs) expect(paths).toContain(`bridge/containers-x-clients/2x2/rep-1/${log}`);
    expect(paths).toContain(`${REP}/client-c1-p1.csv`);
  });

  it('reads linked logs and folders in netnotes ingest', async () => {
    const { dir, logs } = linkedRun();

    const files = (await listCommandFiles([dir])).map((file) => path.relative(dir, file));

    for (const log of logs) expect(files).toContain(`bridge/containers-x-clients/2x2/rep-1/${log}`);
    expect(files).toContain(`${REP}/client-c1-p1.csv`);
    expect(files.filter((file) => file.includes('/up/'))).toEqual([]);
  });
});
