import path from 'node:path';

import { checkPlan } from '../topology/check.ts';
import { drawTopology } from '../topology/diagram.ts';
import { netmask, networkOf, parseInterface } from '../topology/ipv4.ts';
import { loadPlan } from '../topology/load.ts';
import type { InternalAdapter, NatAdapter, NetworkPlan, PortForward } from '../topology/types.ts';
import type { SiteContext } from './data.ts';

export const NETWORK_FILE = 'data/network/virtualbox.yaml';

/** One VM as the guide shows it: its first NAT adapter, its internal adapter and its SSH forward. */
export interface GuideVm {
  name: string;
  nat?: NatAdapter;
  /** The forward to guest port 22, which `ssh -p <host_port> user@localhost` uses. */
  ssh?: PortForward;
  internal: InternalAdapter & { ip: string; prefix: number; netmask: string };
}

/** The VirtualBox guide's data: the checked plan, values derived from it, and its diagram as SVG. */
export interface NetworkData {
  file: string;
  environment: NetworkPlan['environment'];
  vms: GuideVm[];
  /** Name of the internal network every VM joins. */
  internalNetwork: string;
  /** The subnet of the internal addresses, e.g. 10.0.1.0/24. */
  subnet: string;
  diagram: string;
}

/** Loads data/network/virtualbox.yaml, checks the plan and draws its diagram. */
export async function loadNetwork(context: SiteContext): Promise<NetworkData> {
  const started = performance.now();
  const loaded = await loadPlan(path.join(context.root, NETWORK_FILE), NETWORK_FILE);
  checkPlan(loaded);

  const data = toGuideData(loaded.plan);
  context.log.step('drew', `network diagram of ${data.vms.length} VMs from ${NETWORK_FILE}`, performance.now() - started);
  return data;
}

/** Derives what the page shows from a plan that passed checkPlan. */
export function toGuideData(plan: NetworkPlan, diagram = drawTopology(plan)): NetworkData {
  const vms = plan.vms.map((vm): GuideVm => {
    const nat = vm.adapters.find((adapter): adapter is NatAdapter => adapter.attachment === 'nat');
    const internal = vm.adapters.find((adapter): adapter is InternalAdapter => adapter.attachment === 'intnet');
    // checkPlan has rejected VMs without an internal adapter and addresses that do not parse.
    const parsed = parseInterface(internal!.address)!;
    return {
      name: vm.name,
      nat,
      ssh: nat?.forwards.find((forward) => forward.guest_port === 22 && forward.protocol === 'tcp'),
      internal: { ...internal!, ip: parsed.address, prefix: parsed.prefix, netmask: netmask(parsed.prefix) },
    };
  });

  const first = vms[0].internal;
  return {
    file: NETWORK_FILE,
    environment: plan.environment,
    vms,
    internalNetwork: first.network,
    subnet: networkOf({ address: first.ip, prefix: first.prefix }),
    diagram,
  };
}
