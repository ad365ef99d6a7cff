import { IPERF_PORT, ipIn } from '../commands.ts';
import { serverAddress } from '../addresses.ts';
import type { Argv } from '../types.ts';
import { CONTAINER_LINK, allContainers, hubLink, type Wiring, type WiringContext } from './wiring.ts';

const PARENT = 'nn-parent';

/**
 * Gives every container a macvlan interface in bridge mode on one parent link, pipework's macvlan mode.
 * The parent is one end of a veth pair in the hub namespace rather than a dummy interface, because
 * some kernels are built without the dummy driver (the Linux 6.18 build this was written on rejects `type dummy`).
 * Macvlan in bridge mode switches between its siblings without sending frames out of the
 * parent, so the parent's type does not matter.
 */
export function wireMacvlan(context: WiringContext): Wiring {
  const { hub } = context;
  const setup: Argv[] = [
    ipIn(hub, 'link', 'add', PARENT, 'type', 'veth', 'peer', 'name', 'nn-parent-peer'),
    ipIn(hub, 'link', 'set', 'nn-parent-peer', 'up'),
    ipIn(hub, 'link', 'set', PARENT, 'up'),
  ];

  for (const container of allContainers(context)) {
    const link = hubLink(container);
    setup.push(
      ipIn(hub, 'link', 'add', link, 'link', PARENT, 'type', 'macvlan', 'mode', 'bridge'),
      ipIn(hub, 'link', 'set', link, 'netns', container.namespace),
      ipIn(container.namespace, 'link', 'set', link, 'name', CONTAINER_LINK),
      ipIn(container.namespace, 'addr', 'add', `${container.address}/24`, 'dev', CONTAINER_LINK),
      ipIn(container.namespace, 'link', 'set', CONTAINER_LINK, 'up'),
    );
  }

  return {
    namespaces: [hub],
    setup,
    teardown: [],
    target: (server) => ({ address: serverAddress(context.technique, server), port: IPERF_PORT }),
  };
}
