import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { UsageError } from '../../scripts/errors.ts';
import { createMemoryLogger } from '../../scripts/log.ts';
import { measure, type MeasureEffects } from '../../scripts/measure/measure.ts';
import { runPrefix } from '../../scripts/measure/naming.ts';
import { systemProbe } from '../../scripts/measure/preflight.ts';
import type { MeasureRequest } from '../../scripts/measure/types.ts';
import { FakeRunner, fixture } from './fake-runner.ts';

const PID = 4242;
const PREFIX = runPrefix(PID);

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'netnotes-measure-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function setup(overrides: Partial<MeasureRequest> = {}) {
  const runner = new FakeRunner();
  const printed: string[] = [];
  const log = createMemoryLogger();
  const real = systemProbe(runner);
  const effects: MeasureEffects = {
    runner,
    // The real probe's file checks, with root and every tool faked present so no root is needed.
    probe: { ...real, isRoot: () => true, findTool: async (name) => (name === 'ovs-vsctl' ? undefined : `/usr/sbin/${name}`) },
    log,
    progress: { start() {}, begin() {}, done() {}, stop() {} },
    print: (line) => void printed.push(line),
    now: () => new Date(2026, 11, 4, 15, 10),
    pid: PID,
    signal: new AbortController().signal,
  };
  const request: MeasureRequest = {
    techniques: ['bridge', 'ovs'],
    configurations: [
      { setup: 'one-server', servers: 1, clientContainers: 1, clientsPerContainer: 1 },
      { setup: 'containers-x-clients', servers: 1, clientContainers: 1, clientsPerContainer: 2 },
    ],
    durationSeconds: 5,
    repetitions: 1,
    out: path.join(root, 'runs/netns-test'),
    skipUnavailable: true,
    ...overrides,
  };
  return { runner, printed, log, effects, request };
}

describe('measure', () => {
  it('writes a manifest with the shipped run fields', async () => {
    const { effects, request } = setup();

    await measure(request, false, effects);

    const manifest = JSON.parse(readFileSync(path.join(request.out, 'manifest.json'), 'utf8'));
    const shipped = JSON.parse(fixture('netns-2026-12-manifest.json'));
    for (const key of Object.keys(shipped)) expect(manifest, key).toHaveProperty(key);
    expect(manifest.run).toBe('netns-test');
    expect(manifest.date).toBe('2026-12-04');
    expect(manifest.tool).toBe('iperf 2.1.8 (12 August 2022) pthreads');
    expect(manifest.server_command).toBe(shipped.server_command);
    expect(manifest.client_command).toBe(shipped.client_command);
    expect(Object.keys(manifest.techniques)).toEqual(['bridge']);
    expect(manifest.techniques.bridge.emulates).toBe(shipped.techniques.bridge.emulates);
    expect(manifest.unavailable.ovs).toContain('ovs-vsctl not found');
    expect(manifest.failures).toEqual([]);
  });

  it('records the exact commands of each configuration', async () => {
    const { effects, request } = setup();

    await measure(request, false, effects);

    const manifest = JSON.parse(readFileSync(path.join(request.out, 'manifest.json'), 'utf8'));
    expect(manifest.commands.map((step: { configuration: string }) => step.configuration)).toEqual(['1-clients', '1x2']);
    expect(manifest.commands[1].clients).toEqual([
      `ip netns exec ${PREFIX}c1 sh -c 'read -r go && exec "$@"' sh iperf -c 198.18.10.1 -P 1 -i 1 -p 5001 -f g -t 5 -y C`,
      `ip netns exec ${PREFIX}c1 sh -c 'read -r go && exec "$@"' sh iperf -c 198.18.10.1 -P 1 -i 1 -p 5001 -f g -t 5 -y C`,
    ]);
    expect(manifest.commands[1].network).toContain(`ip -n ${PREFIX}sw link add nn-br0 type bridge`);
  });

  it('leaves only the run folder behind', async () => {
    const { effects, request, runner } = setup();

    await measure(request, false, effects);

    expect(readdirSync(path.dirname(request.out))).toEqual(['netns-test']);
    expect(readdirSync(request.out).sort()).toEqual(['bridge', 'manifest.json']);
    expect([...runner.namespaces]).toEqual([]);
  });

  it('removes the staging folder when a run fails', async () => {
    const { effects, request, runner } = setup();
    runner.failOn = (argv) => (argv.includes('bridge') ? { exitCode: 2, signal: null, stdout: '', stderr: 'Error: Unknown device type.\n' } : undefined);

    await expect(measure(request, false, effects)).rejects.toThrow('Unknown device type');

    expect(readdirSync(path.dirname(request.out))).toEqual([]);
    expect([...runner.namespaces]).toEqual([]);
  });

  it('refuses to overwrite an existing run', async () => {
    const { effects, request } = setup();
    await measure(request, false, effects);

    const again = setup({ out: request.out });
    const run = measure(again.request, false, again.effects);

    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow('already exists');
  });

  it('prints the plan on a dry run and changes nothing', async () => {
    const { effects, request, runner, printed } = setup();

    await measure(request, true, effects);

    expect(printed[0]).toBe(`plan: 1 technique(s) × 2 configuration(s) × 1 repetition(s) of 5 s into ${request.out}`);
    expect(printed.slice(1, 4).map((line) => line.split(/\s+/).slice(0, 4).join(' '))).toEqual([
      'technique configuration containers clients',
      'bridge one-server/1-clients 2 1',
      'bridge containers-x-clients/1x2 2 2',
    ]);
    expect(printed.at(-1)).toMatch(/^expected duration: about \d+ s$/);
    expect(existsSync(path.dirname(request.out))).toBe(false);
    expect(runner.started).toEqual([]);
    expect(runner.commands.filter((argv) => argv.join(' ').startsWith('ip netns add'))).toEqual([]);
  });
});
