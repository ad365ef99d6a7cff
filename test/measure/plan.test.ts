import { describe, expect, it } from 'vitest';

import { clientName, configurationFolder, pidOfName, runPrefix } from '../../scripts/measure/naming.ts';
import { buildPlan, estimatePlanSeconds } from '../../scripts/measure/plan.ts';
import { buildTopology, serverFor } from '../../scripts/measure/topology.ts';
import { TECHNIQUES, type Configuration, type MeasureRequest } from '../../scripts/measure/types.ts';
import { inBenchmarkRange } from './iperf-csv.ts';

const PREFIX = runPrefix(4194303);
const oneServer = (clients: number): Configuration => ({ setup: 'one-server', servers: 1, clientContainers: clients, clientsPerContainer: 1 });
const nServers = (n: number): Configuration => ({ setup: 'n-servers', servers: n, clientContainers: n, clientsPerContainer: 1 });
const containers = (m: number, k: number): Configuration => ({ setup: 'containers-x-clients', servers: 1, clientContainers: m, clientsPerContainer: k });

function request(overrides: Partial<MeasureRequest> = {}): MeasureRequest {
  return {
    techniques: ['bridge'],
    configurations: [oneServer(2)],
    durationSeconds: 5,
    repetitions: 3,
    out: '/tmp/run',
    skipUnavailable: false,
    ...overrides,
  };
}

describe('naming', () => {
  it('names configuration folders as the dataset does', () => {
    expect(configurationFolder(oneServer(4))).toBe('4-clients');
    expect(configurationFolder(nServers(20))).toBe('20-servers-20-clients');
    expect(configurationFolder(containers(16, 1))).toBe('16x1');
  });

  it('reads the pid back from a run prefix', () => {
    expect(pidOfName(`${runPrefix(60227)}sw`)).toBe(60227);
    expect(pidOfName('other-sw')).toBeUndefined();
  });

  it('keeps the longest prefix short enough for link names', () => {
    // Linux link names hold at most 15 bytes; OVS host links are the prefix plus e.g. "c253".
    expect(`${PREFIX}c253`.length).toBeLessThanOrEqual(15);
  });
});

describe('serverFor', () => {
  it('sends client i to server ((i - 1) mod N) + 1', () => {
    expect([1, 2, 3, 4, 5].map((i) => serverFor(i, 2))).toEqual([1, 2, 1, 2, 1]);
    expect([1, 20].map((i) => serverFor(i, 20))).toEqual([1, 20]);
    expect(serverFor(7, 1)).toBe(1);
  });
});

describe('buildTopology', () => {
  it.each(TECHNIQUES)('%s uses only 198.18.0.0/15 addresses', (technique) => {
    const topology = buildTopology(technique, nServers(4), PREFIX, 5);
    const words = [...topology.setup, ...topology.clients.map((c) => c.argv)].flat();
    const addresses = words.flatMap((word) => word.match(/\b\d+\.\d+\.\d+\.\d+\b/g) ?? []);

    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((address) => !inBenchmarkRange(address))).toEqual([]);
  });

  it.each(TECHNIQUES)('%s names every namespace with the run prefix', (technique) => {
    const topology = buildTopology(technique, containers(2, 2), PREFIX, 5);
    const added = topology.setup.filter((argv) => argv.join(' ').startsWith('ip netns add')).map((argv) => argv[3]);

    expect(added).toEqual(topology.namespaces);
    expect(topology.namespaces.filter((name) => !name.startsWith(PREFIX))).toEqual([]);
  });

  it.each(TECHNIQUES)('%s creates only prefixed links', (technique) => {
    const topology = buildTopology(technique, nServers(3), PREFIX, 5);
    const created = topology.setup.flatMap((argv) => {
      const names: string[] = [];
      argv.forEach((word, index) => {
        if ((word === 'add' && argv[index - 1] === 'link') || word === 'name' || word === 'add-br') names.push(argv[index + 1]);
      });
      return names;
    });

    expect(created.length).toBeGreaterThan(0);
    expect(created.filter((name) => !name.startsWith('nn-'))).toEqual([]);
    expect(created.filter((name) => name.length > 15)).toEqual([]);
  });

  it('runs the study client command in each client namespace', () => {
    const topology = buildTopology('bridge', oneServer(2), PREFIX, 7);
    const hold = ['sh', '-c', 'read -r go && exec "$@"', 'sh'];
    const iperf = ['iperf', '-c', '198.18.10.1', '-P', '1', '-i', '1', '-p', '5001', '-f', 'g', '-t', '7', '-y', 'C'];

    expect(topology.clients.map((client) => client.argv)).toEqual([
      ['ip', 'netns', 'exec', `${PREFIX}c1`, ...hold, ...iperf],
      ['ip', 'netns', 'exec', `${PREFIX}c2`, ...hold, ...iperf],
    ]);
    expect(topology.clients.map((client) => client.held)).toEqual([true, true]);
    expect(topology.servers.map((server) => server.argv)).toEqual([
      ['ip', 'netns', 'exec', `${PREFIX}s1`, 'iperf', '-s', '-p', '5001', '-y', 'C', '-i', '1'],
    ]);
  });

  it('numbers bridge clients after the servers', () => {
    const topology = buildTopology('bridge', nServers(2), PREFIX, 5);
    const addresses = topology.setup.filter((argv) => argv.includes('addr')).map((argv) => argv[5]);

    expect(addresses).toEqual(['198.18.10.1/24', '198.18.10.2/24', '198.18.10.3/24', '198.18.10.4/24']);
  });

  it('starts K clients per container for MxK', () => {
    const topology = buildTopology('macvlan', containers(2, 3), PREFIX, 5);

    expect(topology.clients.map((client) => client.name)).toEqual([
      clientName(1, 1), clientName(1, 2), clientName(1, 3), clientName(2, 1), clientName(2, 2), clientName(2, 3),
    ]);
    expect(new Set(topology.clients.map((client) => client.namespace))).toEqual(new Set([`${PREFIX}c1`, `${PREFIX}c2`]));
  });

  it('sends nat clients to published ports forwarded to each server', () => {
    const topology = buildTopology('nat', nServers(2), PREFIX, 5);
    const rules = topology.setup.filter((argv) => argv.includes('DNAT')).map((argv) => argv.slice(5).join(' '));

    expect(rules).toEqual([
      '-t nat -A PREROUTING -d 198.18.12.254 -p tcp --dport 6001 -j DNAT --to-destination 198.18.13.1:5001',
      '-t nat -A PREROUTING -d 198.18.12.254 -p tcp --dport 6002 -j DNAT --to-destination 198.18.13.2:5001',
    ]);
    expect(topology.clients.map((client) => client.argv.slice(10, 11).concat(client.argv.slice(15, 17)))).toEqual([
      ['198.18.12.254', '-p', '6001'],
      ['198.18.12.254', '-p', '6002'],
    ]);
  });

  it('routes without NAT behind a FORWARD chain that drops by default', () => {
    const topology = buildTopology('routed', oneServer(1), PREFIX, 5);
    const commands = topology.setup.map((argv) => argv.join(' '));

    expect(commands).toContain(`ip netns exec ${PREFIX}sw iptables -P FORWARD DROP`);
    expect(commands.some((command) => command.includes('DNAT'))).toBe(false);
    expect(topology.clients[0].argv).toContain('198.18.15.1');
  });

  it('builds macvlan links in bridge mode on one parent', () => {
    const topology = buildTopology('macvlan', oneServer(2), PREFIX, 5);
    const macvlans = topology.setup.filter((argv) => argv.includes('macvlan'));

    expect(macvlans).toHaveLength(3);
    for (const argv of macvlans) expect(argv.join(' ')).toMatch(/link nn-parent type macvlan mode bridge$/);
  });

  it('deletes the OVS bridge at teardown', () => {
    const topology = buildTopology('ovs', oneServer(1), PREFIX, 5);

    expect(topology.teardown).toEqual([['ovs-vsctl', '--if-exists', 'del-br', `${PREFIX}br`]]);
    expect(topology.namespaces).toEqual([`${PREFIX}s1`, `${PREFIX}c1`]);
  });
});

describe('buildPlan', () => {
  it('orders steps by technique, then configuration', () => {
    const plan = buildPlan(request({ techniques: ['bridge', 'nat'], configurations: [oneServer(1), containers(1, 4)] }), PREFIX);

    expect(plan.steps.map((step) => `${step.technique} ${step.folder}`)).toEqual([
      'bridge one-server/1-clients',
      'bridge containers-x-clients/1x4',
      'nat one-server/1-clients',
      'nat containers-x-clients/1x4',
    ]);
  });

  it('estimates at least the iperf time of every repetition', () => {
    const plan = buildPlan(request({ configurations: [oneServer(1), oneServer(2)], durationSeconds: 5, repetitions: 3 }), PREFIX);
    const seconds = estimatePlanSeconds(plan);

    expect(seconds).toBeGreaterThan(2 * 3 * 5);
    expect(seconds).toBeLessThan(2 * 3 * 5 * 2);
  });
});
