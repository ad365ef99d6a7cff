import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { InputError } from '../../scripts/errors.ts';
import { checkPlan } from '../../scripts/topology/check.ts';
import { loadPlan, parsePlan } from '../../scripts/topology/load.ts';

const fixtures = path.join(import.meta.dirname, '../fixtures/topology');

/** Loads and checks a fixture and returns the InputError it raised. Fails the test if none was raised. */
async function rejection(name: string): Promise<InputError> {
  try {
    checkPlan(await loadPlan(path.join(fixtures, name), name));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

/** Finds the 1-based line of the fixture marked "# expect: …" and the text after the marker. */
async function expectation(name: string): Promise<{ line: number; message: string }> {
  const lines = (await readFile(path.join(fixtures, name), 'utf8')).split('\n');
  const index = lines.findIndex((line) => line.includes('# expect: '));
  expect(index, `${name} has no "# expect:" marker`).toBeGreaterThanOrEqual(0);
  return { line: index + 1, message: lines[index].split('# expect: ')[1] };
}

describe('checkPlan', () => {
  it('accepts the valid plan', async () => {
    const loaded = await loadPlan(path.join(fixtures, 'valid.yaml'));
    expect(() => checkPlan(loaded)).not.toThrow();
    expect(loaded.plan.vms.map((vm) => vm.name)).toEqual(['vm1', 'vm2']);
  });

  it('accepts the data file the site is built from', async () => {
    const loaded = await loadPlan(path.join(import.meta.dirname, '../../data/network/virtualbox.yaml'));
    expect(() => checkPlan(loaded)).not.toThrow();
  });

  it.each([
    ['duplicate-address.yaml'],
    ['other-subnet.yaml'],
    ['broadcast-address.yaml'],
    ['invalid-address.yaml'],
    ['duplicate-host-port.yaml'],
    ['network-name-mismatch.yaml'],
    ['duplicate-slot.yaml'],
    ['duplicate-vm-name.yaml'],
    ['port-out-of-range.yaml'],
    ['missing-address.yaml'],
  ])('rejects %s at the marked line', async (name) => {
    const { line, message } = await expectation(name);
    const error = await rejection(name);

    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem.file).toBe(name);
    expect(problem.line).toBe(line);
    expect(problem.column).toBeGreaterThan(0);
    expect(problem.message).toContain(message);
  });

  it('names the first use of a duplicate host port', async () => {
    const error = await rejection('duplicate-host-port.yaml');
    expect(error.problems[0].message).toBe(
      'host port 2200/tcp of vm2 is already forwarded to vm1 on line 14; each forward needs its own host port',
    );
  });

  it('reports every problem of a plan at once', () => {
    const text = [
      'environment: { virtualbox: "7.1", host: Debian 12, guest: Ubuntu 24.04 }',
      'vms:',
      '  - name: a',
      '    adapters:',
      '      - { slot: 1, attachment: nat, interface: { then: eth0, now: enp0s3 }, forwards: [{ name: ssh, protocol: tcp, host_port: 2200, guest_port: 22 }] }',
      '      - { slot: 2, attachment: intnet, network: lab, interface: { then: eth1, now: enp0s8 }, address: 192.0.2.10/24 }',
      '  - name: b',
      '    adapters:',
      '      - { slot: 1, attachment: nat, interface: { then: eth0, now: enp0s3 }, forwards: [{ name: ssh, protocol: tcp, host_port: 2200, guest_port: 22 }] }',
      '      - { slot: 2, attachment: intnet, network: lab2, interface: { then: eth1, now: enp0s8 }, address: 192.0.2.10/24 }',
    ].join('\n');

    let error: unknown;
    try {
      checkPlan(parsePlan(text, 'inline.yaml'));
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((problem) => problem.line)).toEqual([10, 10, 9]);
    expect(problems[0].message).toContain('internal network "lab2" of b differs from "lab" of a on line 6');
    expect(problems[1].message).toContain('address 192.0.2.10 of b is already used by a on line 6');
    expect(problems[2].message).toContain('host port 2200/tcp of b is already forwarded to a');
  });

  it('reports a VM without an internal network', () => {
    const text = [
      'environment: { virtualbox: "7.1", host: Debian 12, guest: Ubuntu 24.04 }',
      'vms:',
      '  - name: a',
      '    adapters:',
      '      - { slot: 2, attachment: intnet, network: lab, interface: { then: eth1, now: enp0s8 }, address: 192.0.2.10/24 }',
      '  - name: b',
      '    adapters:',
      '      - { slot: 1, attachment: nat, interface: { then: eth0, now: enp0s3 }, forwards: [] }',
    ].join('\n');

    expect(() => checkPlan(parsePlan(text, 'inline.yaml'))).toThrow(
      'inline.yaml:8:7: b has no adapter attached to an internal network',
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => parsePlan('vms:\n  - name: a\n   adapters: [', 'broken.yaml')).toThrow(/broken\.yaml:3:\d+: invalid YAML/);
  });
});
