import type { Technique } from '../types.ts';
import { wireBridge } from './bridge.ts';
import { wireMacvlan } from './macvlan.ts';
import { wireNat } from './nat.ts';
import { wireOvs } from './ovs.ts';
import { wireRouted } from './routed.ts';
import type { Wiring, WiringContext } from './wiring.ts';

export interface TechniqueInfo {
  /** The 2014 study's technique that this one emulates: link, pipework, iptables or ovs. */
  emulates: string;
  how: string;
  /** Programs the technique runs besides ip and iperf. */
  tools: string[];
  wire(context: WiringContext): Wiring;
}

export const TECHNIQUE_INFO: Record<Technique, TechniqueInfo> = {
  bridge: {
    emulates: 'link',
    how: 'veth pairs into a Linux bridge in a switch namespace',
    tools: [],
    wire: wireBridge,
  },
  routed: {
    emulates: 'iptables',
    how: 'veth pairs routed through a router namespace whose iptables FORWARD chain admits client-to-server traffic',
    tools: ['iptables', 'sysctl'],
    wire: wireRouted,
  },
  macvlan: {
    emulates: 'pipework',
    how: 'macvlan interfaces in bridge mode on one parent link (a veth end in a switch namespace)',
    tools: [],
    wire: wireMacvlan,
  },
  nat: {
    emulates: 'iptables',
    how: "router namespace with DNAT to each server's port",
    tools: ['iptables', 'sysctl'],
    wire: wireNat,
  },
  ovs: {
    emulates: 'ovs',
    how: 'veth pairs into an Open vSwitch bridge in the host namespace',
    tools: ['ovs-vsctl'],
    wire: wireOvs,
  },
};
