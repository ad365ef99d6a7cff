import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runPrefix } from '../../scripts/measure/naming.ts';
import { namespacesStartingWith, requireRootAndIperf, startMeasure, waitFor } from './root.ts';

let tmp: string;
beforeAll(() => {
  requireRootAndIperf();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'netnotes-measure-kill-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('netnotes measure interrupted', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('cleans up after %s mid-run', async (signal, status) => {
    const out = path.join(tmp, `run-${signal}`);
    const child = startMeasure(
      ['--techniques', 'nat', '--setups', 'n-servers', '--configs', '2', '--duration', '5', '--repetitions', '2', '--out', out],
      { DEBUG: 'netnotes:measure' },
    );
    const prefix = runPrefix(child.pid);

    // Interrupt once both clients run, when the run has the most to clean up.
    await waitFor('both iperf clients to start', () => (child.stderr().match(/started pid \d+: .* iperf -c /g) ?? []).length === 2, 20_000);
    expect(namespacesStartingWith(prefix)).toHaveLength(5);
    child.kill(signal);
    const result = await child.exited;

    expect(result.code).toBe(status);
    expect(result.stderr).toContain(`interrupted by ${signal}`);
    expect(namespacesStartingWith(prefix)).toEqual([]);
    const pids = [...result.stderr.matchAll(/started pid (\d+)/g)].map((match) => Number(match[1]));
    expect(pids).toHaveLength(4);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((name) => name.includes(signal))).toEqual([]);
  });
});
