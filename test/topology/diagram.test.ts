import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../scripts/topology/check.ts';
import { drawTopology } from '../../scripts/topology/diagram.ts';
import { loadPlan, parsePlan } from '../../scripts/topology/load.ts';
import { netmask, networkOf, parseInterface } from '../../scripts/topology/ipv4.ts';

const dataFile = path.join(import.meta.dirname, '../../data/network/virtualbox.yaml');

describe('drawTopology', () => {
  it('contains every address and host port of the data file', async () => {
    const text = await readFile(dataFile, 'utf8');
    const loaded = await loadPlan(dataFile);
    checkPlan(loaded);
    const svg = drawTopology(loaded.plan);

    // Read the values from the raw text, so a value the loader dropped would still be looked for.
    const addresses = text.match(/\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b/g) ?? [];
    const hostPorts = [...text.matchAll(/host_port: (\d+)/g)].map((match) => match[1]);
    expect(addresses.length).toBeGreaterThanOrEqual(2);
    expect(hostPorts.length).toBeGreaterThanOrEqual(2);

    for (const address of addresses) expect(svg).toContain(address);
    for (const port of hostPorts) expect(svg).toContain(`host port ${port} `);
    expect(svg).toContain('internal network &quot;network-name&quot; · 10.0.1.0/24');
  });

  it('draws the host, a NAT engine per VM, each VM and the internal network', async () => {
    const loaded = await loadPlan(dataFile);
    const svg = drawTopology(loaded.plan);

    expect(svg.match(/<g class="host">/g)).toHaveLength(1);
    expect(svg.match(/<g class="nat">/g)).toHaveLength(loaded.plan.vms.length);
    expect(svg.match(/<g class="vm">/g)).toHaveLength(loaded.plan.vms.length);
    expect(svg.match(/<g class="intnet">/g)).toHaveLength(1);
    for (const vm of loaded.plan.vms) expect(svg).toContain(`>${vm.name}</text>`);
    expect(svg).toContain('eth1 / enp0s8');
    expect(svg).toContain('font-family="Liberation Sans, sans-serif"');
  });

  it('escapes text from the data file', () => {
    const loaded = parsePlan(
      [
        'environment: { virtualbox: "7.1", host: "Mac <Sonoma> & co", guest: Ubuntu }',
        'vms:',
        '  - name: a',
        '    adapters:',
        '      - { slot: 2, attachment: intnet, network: lab, interface: { then: eth1, now: enp0s8 }, address: 192.0.2.10/24 }',
      ].join('\n'),
      'inline.yaml',
    );
    const svg = drawTopology(loaded.plan);
    expect(svg).toContain('Mac &lt;Sonoma&gt; &amp; co');
    expect(svg).not.toContain('<Sonoma>');
  });

  it('sizes boxes to the measured text', () => {
    const loaded = parsePlan(
      [
        'environment: { virtualbox: "7.1", host: Debian, guest: Ubuntu }',
        'vms:',
        '  - name: a',
        '    adapters:',
        '      - { slot: 2, attachment: intnet, network: lab, interface: { then: eth1, now: enp0s8 }, address: 192.0.2.10/24 }',
      ].join('\n'),
      'inline.yaml',
    );
    const narrow = drawTopology(loaded.plan, (text) => text.length * 5);
    const wide = drawTopology(loaded.plan, (text) => text.length * 10);
    const width = (svg: string) => Number(/ width="([\d.]+)"/.exec(svg)?.[1]);
    expect(width(wide)).toBeGreaterThan(width(narrow));
  });
});

describe('ipv4', () => {
  it('derives network and netmask', () => {
    const parsed = parseInterface('10.0.1.5/24');
    expect(parsed).toEqual({ address: '10.0.1.5', prefix: 24 });
    expect(networkOf(parsed!)).toBe('10.0.1.0/24');
    expect(netmask(24)).toBe('255.255.255.0');
    expect(netmask(20)).toBe('255.255.240.0');
    expect(networkOf({ address: '172.16.37.200', prefix: 20 })).toBe('172.16.32.0/20');
  });

  it('rejects malformed addresses', () => {
    expect(parseInterface('10.0.1.256/24')).toBeUndefined();
    expect(parseInterface('10.0.1.5/33')).toBeUndefined();
    expect(parseInterface('10.0.1.5')).toBeUndefined();
    expect(parseInterface('10.0.1/24')).toBeUndefined();
  });
});
