import { IPERF_PORT, ipIn, vethPair } from '../commands.ts';
import { serverAddress } from '../addresses.ts';
import type { Argv } from '../types.ts';
import { CONTAINER_LINK, allContainers, hubLink, type Wiring, type WiringContext } from './wiring.ts';

const BRIDGE = 'nn-br0';

/** Connects every container by a veth pair to one Linux bridge in the hub namespace, as docker0 does. */
export function wireBridge(context: WiringContext): Wiring {
  const { hub } = context;
  const setup: Argv[] = [ipIn(hub, 'link', 'add', BRIDGE, 'type', 'bridge'), ipIn(hub, 'link', 'set', BRIDGE, 'up')];

  for (const container of allContainers(context)) {
    const link = hubLink(container);
    setup.push(
      vethPair(CONTAINER_LINK, container.namespace, link, hub),
      ipIn(hub, 'link', 'set', link, 'master', BRIDGE, 'up'),
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
