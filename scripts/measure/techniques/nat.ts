import { IPERF_PORT, enableForwarding, ipIn, iptablesIn, vethPair } from '../commands.ts';
import { clientGateway, serverAddress, serverGateway } from '../addresses.ts';
import type { Argv } from '../types.ts';
import { CONTAINER_LINK, hubLink, type Container, type Wiring, type WiringContext } from './wiring.ts';

const CLIENT_BRIDGE = 'nn-brc';
const SERVER_BRIDGE = 'nn-brs';

/** Server k is published on the router's client-side address at this port plus k, as `docker run -p` would. */
export const PUBLISHED_PORT_BASE = 6000;

/**
 * Puts clients and servers on two bridges joined by a router namespace. Clients reach server k
 * through a DNAT rule on a published port of the router, the way Docker publishes a container port.
 */
export function wireNat(context: WiringContext): Wiring {
  const { hub, technique } = context;
  const publicAddress = clientGateway(technique);
  const setup: Argv[] = [
    ...addBridge(hub, CLIENT_BRIDGE, publicAddress),
    ...addBridge(hub, SERVER_BRIDGE, serverGateway(technique)),
    enableForwarding(hub),
  ];

  for (const server of context.servers) {
    const published = String(PUBLISHED_PORT_BASE + server.index);
    const destination = `${server.address}:${IPERF_PORT}`;
    setup.push(
      iptablesIn(hub, '-t', 'nat', '-A', 'PREROUTING', '-d', publicAddress, '-p', 'tcp', '--dport', published, '-j', 'DNAT', '--to-destination', destination),
    );
  }
  for (const server of context.servers) setup.push(...attach(hub, server, SERVER_BRIDGE, serverGateway(technique)));
  for (const client of context.clients) setup.push(...attach(hub, client, CLIENT_BRIDGE, publicAddress));

  return {
    namespaces: [hub],
    setup,
    teardown: [],
    target: (server) => ({ address: publicAddress, port: PUBLISHED_PORT_BASE + server }),
  };
}

function addBridge(hub: string, bridge: string, address: string): Argv[] {
  return [
    ipIn(hub, 'link', 'add', bridge, 'type', 'bridge'),
    ipIn(hub, 'addr', 'add', `${address}/24`, 'dev', bridge),
    ipIn(hub, 'link', 'set', bridge, 'up'),
  ];
}

function attach(hub: string, container: Container, bridge: string, gateway: string): Argv[] {
  const link = hubLink(container);
  return [
    vethPair(CONTAINER_LINK, container.namespace, link, hub),
    ipIn(hub, 'link', 'set', link, 'master', bridge, 'up'),
    ipIn(container.namespace, 'addr', 'add', `${container.address}/24`, 'dev', CONTAINER_LINK),
    ipIn(container.namespace, 'link', 'set', CONTAINER_LINK, 'up'),
    ipIn(container.namespace, 'route', 'add', 'default', 'via', gateway),
  ];
}
