import { IPERF_PORT, ipIn } from '../commands.ts';
import { serverAddress } from '../addresses.ts';
import type { Argv } from '../types.ts';
import { CONTAINER_LINK, allContainers, type Container, type Wiring, type WiringContext } from './wiring.ts';

/**
 * Connects every container by a veth pair to an Open vSwitch bridge. ovs-vswitchd only manages
 * links of the host namespace, so the bridge and the host ends live there, named with the run's
 * prefix. Deleting a container namespace removes its veth pair, and teardown deletes the bridge.
 * NOTE: never run on the machine this was written on (no ovs-vsctl, no openvswitch kernel module).
 */
export function wireOvs(context: WiringContext): Wiring {
  const bridge = `${context.prefix}br`;
  const setup: Argv[] = [['ovs-vsctl', 'add-br', bridge], ['ip', 'link', 'set', bridge, 'up']];

  for (const container of allContainers(context)) {
    const link = hostLink(context.prefix, container);
    setup.push(
      ['ip', 'link', 'add', CONTAINER_LINK, 'netns', container.namespace, 'type', 'veth', 'peer', 'name', link],
      ['ip', 'link', 'set', link, 'up'],
      ['ovs-vsctl', 'add-port', bridge, link],
      ipIn(container.namespace, 'addr', 'add', `${container.address}/24`, 'dev', CONTAINER_LINK),
      ipIn(container.namespace, 'link', 'set', CONTAINER_LINK, 'up'),
    );
  }

  return {
    namespaces: [],
    setup,
    teardown: [['ovs-vsctl', '--if-exists', 'del-br', bridge]],
    target: (server) => ({ address: serverAddress(context.technique, server), port: IPERF_PORT }),
  };
}

/** Returns a host-namespace link name such as `nn-1a2b-c16`, at most 15 bytes as Linux requires. */
function hostLink(prefix: string, container: Container): string {
  return `${prefix}${container.role === 'server' ? 's' : 'c'}${container.index}`;
}
