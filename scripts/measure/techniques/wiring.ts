import type { Argv, Technique } from '../types.ts';

/** An emulated container: a namespace with one address. */
export interface Container {
  role: 'server' | 'client';
  /** 1-based: server k or client container i. */
  index: number;
  namespace: string;
  address: string;
}

export interface WiringContext {
  technique: Technique;
  /** The run's name prefix, for links that live in the host namespace. */
  prefix: string;
  /** The namespace that contains the switch, parent link or router. */
  hub: string;
  servers: Container[];
  clients: Container[];
}

/** The commands with which one technique connects the containers. */
export interface Wiring {
  /** Namespaces beyond the containers' own, created before `setup` runs. */
  namespaces: string[];
  setup: Argv[];
  /** Commands that undo what deleting the namespaces does not (state outside them). */
  teardown: Argv[];
  /** Returns where a client connects to reach server k. */
  target(server: number): { address: string; port: number };
}

/** The link name inside every container, like a container's eth0. */
export const CONTAINER_LINK = 'nn-eth0';

/** Returns the name of a container's link on the hub side: `nn-s1`, `nn-c2`. */
export function hubLink(container: Container): string {
  return `nn-${container.role === 'server' ? 's' : 'c'}${container.index}`;
}

export function allContainers(context: WiringContext): Container[] {
  return [...context.servers, ...context.clients];
}
