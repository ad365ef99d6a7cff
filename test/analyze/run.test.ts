import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { analyzeRepetitions } from '../../scripts/analyze/throughput.ts';
import { ingestFile } from '../../scripts/ingest/index.ts';
import { locateLog, requireLogAtLogPath } from '../../scripts/ingest/layout.ts';
import { parseManifest } from '../../scripts/ingest/manifest.ts';
import { damagedLines, readRun } from '../../scripts/ingest/run.ts';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/analyze/netns-2026-12');
const temporary: string[] = [];

function copyRun(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'netnotes-run-'));
  temporary.push(root);
  const dir = path.join(root, 'netns-2026-12');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('locateLog', () => {
  it('reads setup, configuration, repetition and role from the path', () => {
    expect(locateLog('nat/containers-x-clients/16x4/rep-2/client-c3-p4.csv')).toEqual({
      location: {
        technique: 'nat',
        setup: 'containers-x-clients',
        configurationId: '16x4',
        configuration: { serverContainers: 1, clientContainers: 16, clientsPerContainer: 4 },
        repetition: 2,
        role: 'client',
        container: 3,
        process: 4,
      },
    });
  });

  it('explains a configuration folder that does not fit the setup', () => {
    const result = locateLog('bridge/one-server/4x1/rep-1/client-c1-p1.csv');
    expect(result).toEqual({ error: expect.stringContaining('does not match N-clients') });
  });
});

describe('requireLogAtLogPath', () => {
  const skipped = { path: 'x', status: 'skipped' as const, records: 0, streams: [], errors: [], reason: 'empty file' };

  it('rejects a skipped file named like a log', () => {
    expect(requireLogAtLogPath('client-c3-p1.csv', skipped)).toMatchObject({ status: 'rejected', errors: [{ line: 1, column: 1 }] });
    expect(requireLogAtLogPath('server-s2.csv', skipped).status).toBe('rejected');
  });

  it('keeps stderr captures and other files skipped', () => {
    expect(requireLogAtLogPath('client-c3-p1.stderr', skipped).status).toBe('skipped');
    expect(requireLogAtLogPath('README.md', skipped).status).toBe('skipped');
  });
});

describe('parseManifest', () => {
  it('points at the line and column of each problem', () => {
    const text = '{\n  "run": "x",\n  "date": 2026,\n  "techniques": {"bridge": {"emulates": "link"}}\n}\n';
    const { problems } = parseManifest(text, 'manifest.json');
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      '1:1: the manifest is missing "tool"',
      '3:11: "date" must be string',
      '4:28: "techniques.bridge" is missing "how"',
    ]);
  });
});

describe('readRun', () => {
  it('fails on a rejected log and names it', async () => {
    const dir = copyRun();
    const log = path.join(dir, 'bridge/containers-x-clients/2x2/rep-1/client-c1-p1.csv');
    writeFileSync(log, 'no iperf output here\n');

    const run = await readRun(dir, ingestFile);
    expect(run.problems.length).toBe(1);
    expect(run.problems[0].file).toBe(log);
  });

  it('keeps a damaged log and leaves out its repetition', async () => {
    const dir = copyRun();
    const log = path.join(dir, 'bridge/containers-x-clients/2x2/rep-1/client-c1-p1.csv');
    writeFileSync(log, readFileSync(log, 'utf8').replace(',5998252593', ',59982x2593'));

    const run = await readRun(dir, ingestFile);
    expect(run.problems).toEqual([]);
    // The whole-test row is line 6; its bits per second are the ninth column.
    expect(damagedLines(run)).toEqual([expect.objectContaining({ file: log, line: 6 })]);
    const { repetitions, problems } = analyzeRepetitions(run);
    expect(repetitions.map((r) => r.repetition).sort()).toEqual([2, 3]);
    expect(problems).toHaveLength(1);
  });

  it('accepts a log the manifest excludes and keeps the reason', async () => {
    const dir = copyRun();
    const relative = 'bridge/containers-x-clients/2x2/rep-1/client-c1-p1.csv';
    writeFileSync(path.join(dir, relative), 'garbage that is no iperf output\n');
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.excluded = [{ path: relative, reason: 'client crashed' }];
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

    const run = await readRun(dir, ingestFile);
    expect(run.problems).toEqual([]);
    expect(run.files.find((f) => f.relativePath === relative)?.excludedBecause).toBe('client crashed');
  });

  it('rejects a date that is no calendar day', async () => {
    const dir = copyRun();
    const manifestFile = path.join(dir, 'manifest.json');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace('"date": "2026-12-04"', '"date": "2027-13-45"'));

    const run = await readRun(dir, ingestFile);
    expect(run.problems.map((p) => p.message)).toEqual(['invalid date "2027-13-45": expected a calendar date as YYYY-MM-DD']);
    expect(run.problems[0]).toMatchObject({ file: manifestFile, line: 3 });
  });

  it('matches manifest techniques with technique folders', async () => {
    const dir = copyRun();
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.techniques = { brige: manifest.techniques.bridge, nat: { ...manifest.techniques.nat, emulates: 'iptbles' } };
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

    const run = await readRun(dir, ingestFile, { publishedTechniques: new Set(['iptables', 'link', 'ovs', 'pipework']) });
    expect(run.problems.map((p) => p.message)).toEqual([
      'technique folder "bridge" is not described in "techniques", which has brige, nat',
      '"emulates" is "iptbles", which the published study does not have; expected one of iptables, link, ovs, pipework',
    ]);
    expect(run.problems.every((p) => p.file === manifestFile && p.line > 1)).toBe(true);
  });

  it('reports schema, date and technique problems together', async () => {
    const dir = copyRun();
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    delete manifest.tool;
    manifest.date = '2027-02-30';
    manifest.techniques.bridge.emulates = 'docker0';
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

    const run = await readRun(dir, ingestFile, { publishedTechniques: new Set(['iptables', 'link', 'ovs', 'pipework']) });
    expect(run.problems.map((p) => p.message)).toEqual([
      'the manifest is missing "tool"',
      'invalid date "2027-02-30": expected a calendar date as YYYY-MM-DD',
      '"emulates" is "docker0", which the published study does not have; expected one of iptables, link, ovs, pipework',
    ]);
  });
});
