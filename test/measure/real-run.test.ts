import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runPrefix } from '../../scripts/measure/naming.ts';
import { csvLines, inBenchmarkRange, iperfRowProblems } from './iperf-csv.ts';
import { namespacesStartingWith, requireRootAndIperf, startMeasure } from './root.ts';

let tmp: string;
beforeAll(() => {
  requireRootAndIperf();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'netnotes-measure-run-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('netnotes measure as root', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof startMeasure>['exited']>;
  let prefix: string;

  beforeAll(async () => {
    out = path.join(tmp, 'run-bridge');
    const child = startMeasure(['--techniques', 'bridge', '--setups', 'one-server', '--configs', '1,2', '--duration', '1', '--repetitions', '1', '--out', out]);
    prefix = runPrefix(child.pid);
    result = await child.exited;
  });

  it('exits with status 0', () => {
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
  });

  it('writes the dataset layout', () => {
    expect(listFiles(out)).toEqual([
      'bridge/one-server/1-clients/rep-1/client-c1-p1.csv',
      'bridge/one-server/1-clients/rep-1/server-s1.csv',
      'bridge/one-server/2-clients/rep-1/client-c1-p1.csv',
      'bridge/one-server/2-clients/rep-1/client-c2-p1.csv',
      'bridge/one-server/2-clients/rep-1/server-s1.csv',
      'manifest.json',
    ]);
  });

  it('writes iperf CSV rows between 198.18.0.0/15 addresses', () => {
    for (const file of listFiles(out).filter((name) => name.endsWith('.csv'))) {
      const lines = csvLines(readFileSync(path.join(out, file), 'utf8'));
      expect(lines.length, file).toBeGreaterThanOrEqual(2);
      expect(lines.flatMap(iperfRowProblems), file).toEqual([]);
      const addresses = lines.flatMap((line) => [line.split(',')[1], line.split(',')[3]]);
      expect(addresses.filter((address) => !inBenchmarkRange(address)), file).toEqual([]);
    }
  });

  it('logs both clients on the shared server', () => {
    const rows = csvLines(readFileSync(path.join(out, 'bridge/one-server/2-clients/rep-1/server-s1.csv'), 'utf8'));
    const clients = new Set(rows.map((row) => row.split(',')[1]));

    expect(clients).toEqual(new Set(['198.18.10.2', '198.18.10.3']));
  });

  it('describes the run in its manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));

    expect(manifest.run).toBe('run-bridge');
    expect(manifest.tool).toMatch(/^iperf 2\./);
    expect(manifest.kernel).toBe(os.release());
    expect(manifest.duration_seconds).toBe(1);
    expect(manifest.repetitions).toBe(1);
    expect(manifest.client_command).toBe('iperf -c SERVER -P 1 -i 1 -p PORT -f g -t 1 -y C');
    expect(manifest.techniques).toEqual({ bridge: { emulates: 'link', how: 'veth pairs into a Linux bridge in a switch namespace' } });
    expect(manifest.failures).toEqual([]);
  });

  it('leaves no namespace behind', () => {
    expect(namespacesStartingWith(prefix)).toEqual([]);
  });

  it('refuses to overwrite the run', async () => {
    const again = await startMeasure(['--techniques', 'bridge', '--setups', 'one-server', '--configs', '1', '--duration', '1', '--out', out]).exited;

    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`run folder ${out} already exists`);
  });

  it('exits with status 2 when a tool is missing', async () => {
    const empty = path.join(tmp, 'empty-path');
    mkdirSync(empty);
    // Node itself is started by absolute path, so an empty PATH hides only ip, ss and iperf.
    const run = await startMeasure(['--techniques', 'bridge', '--configs', '1', '--setups', 'one-server', '--out', path.join(tmp, 'never')], { PATH: empty }).exited;

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('iperf not found on PATH; install it with: apt-get install iperf');
    expect(existsSync(path.join(tmp, 'never'))).toBe(false);
  });
});
