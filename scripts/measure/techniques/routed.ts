import { IPERF_PORT, enableForwarding, ipIn, iptablesIn, vethPair } from '../commands.ts';
import { clientGateway, clientSubnet, serverAddress, serverGateway, serverSubnet } from '../addresses.ts';
import type { Argv } from '../types.ts';
import { CONTAINER_LINK, allContainers, hubLink, type Container, type Wiring, type WiringContext } from './wiring.ts';

/**
 * Routes every container's /32 through a router namespace over its own veth pair, with no bridge
 * and no NAT: container addresses are routable, and each packet crosses the router's iptables
 * FORWARD chain, which drops everything but client-to-server iperf connections.
 */
export function wireRouted(context: WiringContext): Wiring {
  const { hub, technique } = context;
  const clients = clientSubnet(technique);
  const servers = serverSubnet(technique);
  const setup: Argv[] = [
    enableForwarding(hub),
    iptablesIn(hub, '-P', 'FORWARD', 'DROP'),
    iptablesIn(hub, '-A', 'FORWARD', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT'),
    iptablesIn(hub, '-A', 'FORWARD', '-s', clients, '-d', servers, '-p', 'tcp', '--dport', String(IPERF_PORT), '-j', 'ACCEPT'),
  ];

  for (const container of allContainers(context)) {
    const gateway = container.role === 'server' ? serverGateway(technique) : clientGateway(technique);
    setup.push(...routeContainer(hub, container, gateway));
  }

  return {
    namespaces: [hub],
    setup,
    teardown: [],
    target: (server) => ({ address: serverAddress(technique, server), port: IPERF_PORT }),
  };
}

/** Every router-side link has the same gateway /32, so each container reaches its gateway over its own link. */
function routeContainer(hub: string, container: Container, gateway: string): Argv[] {
  const link = hubLink(container);
  const namespace = container.namespace;
  return [
    vethPair(CONTAINER_LINK, namespace, link, hub),
    ipIn(hub, 'addr', 'add', `${gateway}/32`, 'dev', link),
    ipIn(hub, 'link', 'set', link, 'up'),
    ipIn(hub, 'route', 'add', `${container.address}/32`, 'dev', link),
    ipIn(namespace, 'addr', 'add', `${container.address}/32`, 'dev', CONTAINER_LINK),
    ipIn(namespace, 'link', 'set', CONTAINER_LINK, 'up'),
    ipIn(namespace, 'route', 'add', gateway, 'dev', CONTAINER_LINK, 'scope', 'link'),
    ipIn(namespace, 'route', 'add', 'default', 'via', gateway, 'dev', CONTAINER_LINK),
  ];
}
