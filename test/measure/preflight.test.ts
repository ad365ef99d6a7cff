import { describe, expect, it } from 'vitest';

import { runPrefix } from '../../scripts/measure/naming.ts';
import { preflight, type HostProbe } from '../../scripts/measure/preflight.ts';
import type { MeasureRequest } from '../../scripts/measure/types.ts';
import { FakeRunner } from './fake-runner.ts';

const ALL_TOOLS = ['ip', 'ss', 'iperf', 'iptables', 'sysctl'];

function probe(overrides: Partial<HostProbe> & { tools?: string[]; existing?: string[] } = {}): HostProbe {
  const tools = overrides.tools ?? ALL_TOOLS;
  const existing = overrides.existing ?? [];
  return {
    runner: overrides.runner ?? new FakeRunner(),
    isRoot: overrides.isRoot ?? (() => true),
    findTool: async (name) => (tools.includes(name) ? `/usr/sbin/${name}` : undefined),
    exists: async (file) => existing.includes(file),
    isAlive: overrides.isAlive ?? (() => true),
  };
}

function request(overrides: Partial<MeasureRequest> = {}): MeasureRequest {
  return { techniques: ['bridge', 'nat', 'ovs'], configurations: [], durationSeconds: 1, repetitions: 1, out: '/runs/new', skipUnavailable: true, ...overrides };
}

describe('preflight', () => {
  it('passes on a ready machine without ovs-vsctl', async () => {
    const result = await preflight(request(), '/runs/.new.partial', probe());

    expect(result.problems).toEqual([]);
    expect(result.techniques).toEqual(['bridge', 'nat']);
    expect(result.unavailable.ovs).toBe('ovs-vsctl not found on PATH; install it with: apt-get install openvswitch-switch');
    expect(result.warnings).toEqual([`technique ovs is unavailable: ${result.unavailable.ovs}; skipping it`]);
  });

  it('rejects an unavailable technique that was asked for by name', async () => {
    const result = await preflight(request({ techniques: ['ovs'], skipUnavailable: false }), '/runs/.new.partial', probe());

    expect(result.problems).toEqual(['technique ovs is unavailable: ovs-vsctl not found on PATH; install it with: apt-get install openvswitch-switch']);
  });

  it('reports a missing root and missing tools together', async () => {
    const result = await preflight(request(), '/runs/.new.partial', probe({ isRoot: () => false, tools: ['ip', 'ss'] }));

    expect(result.problems).toContain('netnotes measure must run as root, because it creates network namespaces; run it with sudo');
    expect(result.problems).toContain('iperf not found on PATH; install it with: apt-get install iperf');
  });

  it('rejects iperf 3 under the iperf name', async () => {
    const runner = new FakeRunner();
    const run = runner.run.bind(runner);
    runner.run = async (argv) => (argv.join(' ') === 'iperf -v' ? { exitCode: 0, signal: null, stdout: 'iperf 3.12 (cJSON 1.7.15)\n', stderr: '' } : run(argv));

    const result = await preflight(request(), '/runs/.new.partial', probe({ runner }));

    expect(result.problems).toEqual(['iperf 2 is required, but `iperf -v` printed "iperf 3.12 (cJSON 1.7.15)"; install it with: apt-get install iperf']);
  });

  it('refuses to overwrite an existing run', async () => {
    const result = await preflight(request(), '/runs/.new.partial', probe({ existing: ['/runs/new'] }));

    expect(result.problems).toEqual(['run folder /runs/new already exists; runs are never overwritten, so choose another --out']);
  });

  it('warns about namespaces of a killed run', async () => {
    const runner = new FakeRunner();
    runner.namespaces.add(`${runPrefix(777)}sw`);
    runner.namespaces.add(`${runPrefix(888)}sw`);

    const result = await preflight(request({ techniques: ['bridge'] }), '/runs/.new.partial', probe({ runner, isAlive: (pid) => pid === 888 }));

    expect(result.warnings).toEqual([`1 namespace(s) left by an earlier run that was killed: ${runPrefix(777)}sw; remove each with: ip netns delete NAME`]);
  });
});
