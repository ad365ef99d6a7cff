import type { Technique } from './types.ts';

/**
 * Every address the harness assigns lies in 198.18.0.0/15, the range RFC 2544 sets aside for
 * benchmarking, so no run can collide with a real network. Each technique gets its own /24s,
 * matching the shipped netns-2026-12 run where both have the technique.
 */
const SUBNETS: Record<Technique, { clients: string; servers: string }> = {
  bridge: { clients: '198.18.10', servers: '198.18.10' },
  macvlan: { clients: '198.18.11', servers: '198.18.11' },
  nat: { clients: '198.18.12', servers: '198.18.13' },
  routed: { clients: '198.18.14', servers: '198.18.15' },
  ovs: { clients: '198.18.16', servers: '198.18.16' },
};

/** Host number of the router or gateway in every subnet; containers use 1 to 253. */
export const GATEWAY_HOST = 254;
export const MAX_HOSTS = 253;

export function sharesSubnet(technique: Technique): boolean {
  return SUBNETS[technique].clients === SUBNETS[technique].servers;
}

/** Checks that the containers fit their subnets; a shared subnet numbers the clients after the servers. */
export function fitsSubnets(technique: Technique, servers: number, clientContainers: number): boolean {
  if (sharesSubnet(technique)) return servers + clientContainers <= MAX_HOSTS;
  return servers <= MAX_HOSTS && clientContainers <= MAX_HOSTS;
}

/** Returns the address of server k (1-based). */
export function serverAddress(technique: Technique, server: number): string {
  return `${SUBNETS[technique].servers}.${server}`;
}

/** Returns the address of client container i (1-based); in a shared subnet it comes after every server. */
export function clientAddress(technique: Technique, container: number, servers: number): string {
  const host = sharesSubnet(technique) ? servers + container : container;
  return `${SUBNETS[technique].clients}.${host}`;
}

export function clientGateway(technique: Technique): string {
  return `${SUBNETS[technique].clients}.${GATEWAY_HOST}`;
}

export function serverGateway(technique: Technique): string {
  return `${SUBNETS[technique].servers}.${GATEWAY_HOST}`;
}

export function clientSubnet(technique: Technique): string {
  return `${SUBNETS[technique].clients}.0/24`;
}

export function serverSubnet(technique: Technique): string {
  return `${SUBNETS[technique].servers}.0/24`;
}
