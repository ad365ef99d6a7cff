import { InputError, type Problem } from '../errors.ts';
import type { YamlSource } from '../site/yamlSource.ts';
import { isNetworkOrBroadcast, networkOf, parseInterface } from './ipv4.ts';
import type { LoadedPlan } from './load.ts';
import type { InternalAdapter, NatAdapter, NetworkPlan, SourcePath } from './types.ts';

/** Where each kind of adapter sits in the plan, with the path of its entry in the data file. */
interface Located<T> {
  vm: string;
  adapter: T;
  path: SourcePath;
}

/**
 * Checks that the plan can work: VM names and adapter slots unique, every VM on the same internal
 * network, addresses valid, unique and in one subnet, NAT host ports unique. Throws one InputError
 * with every problem found.
 */
export function checkPlan({ plan, source }: LoadedPlan): void {
  const problems = [
    ...uniqueVmNames(plan, source),
    ...uniqueSlots(plan, source),
    ...sameInternalNetwork(plan, source),
    ...addressProblems(internalAdapters(plan), source),
    ...uniqueHostPorts(natAdapters(plan), source),
  ];
  if (problems.length > 0) throw new InputError(`the network plan in ${source.file} cannot work:`, problems);
}

export function internalAdapters(plan: NetworkPlan): Array<Located<InternalAdapter>> {
  return plan.vms.flatMap((vm, v) =>
    vm.adapters.flatMap((adapter, a) =>
      adapter.attachment === 'intnet' ? [{ vm: vm.name, adapter, path: ['vms', v, 'adapters', a] }] : [],
    ),
  );
}

function natAdapters(plan: NetworkPlan): Array<Located<NatAdapter>> {
  return plan.vms.flatMap((vm, v) =>
    vm.adapters.flatMap((adapter, a) =>
      adapter.attachment === 'nat' ? [{ vm: vm.name, adapter, path: ['vms', v, 'adapters', a] }] : [],
    ),
  );
}

function uniqueVmNames(plan: NetworkPlan, source: YamlSource): Problem[] {
  const seen = new Map<string, number>();
  return plan.vms.flatMap((vm, v) => {
    const first = seen.get(vm.name);
    if (first === undefined) {
      seen.set(vm.name, source.positionOf(['vms', v, 'name']).line);
      return [];
    }
    return [source.problemAt(['vms', v, 'name'], `VM name "${vm.name}" is already used on line ${first}`)];
  });
}

function uniqueSlots(plan: NetworkPlan, source: YamlSource): Problem[] {
  return plan.vms.flatMap((vm, v) => {
    const seen = new Map<number, number>();
    return vm.adapters.flatMap((adapter, a) => {
      const path = ['vms', v, 'adapters', a, 'slot'];
      const first = seen.get(adapter.slot);
      if (first === undefined) {
        seen.set(adapter.slot, source.positionOf(path).line);
        return [];
      }
      return [source.problemAt(path, `${vm.name} already has adapter ${adapter.slot} on line ${first}`)];
    });
  });
}

function sameInternalNetwork(plan: NetworkPlan, source: YamlSource): Problem[] {
  const adapters = internalAdapters(plan);
  const problems = plan.vms.flatMap((vm, v) =>
    adapters.some((located) => located.vm === vm.name)
      ? []
      : [source.problemAt(['vms', v, 'adapters'], `${vm.name} has no adapter attached to an internal network`)],
  );

  const [reference, ...others] = adapters;
  for (const located of others) {
    if (located.adapter.network === reference.adapter.network) continue;
    const line = source.positionOf([...reference.path, 'network']).line;
    problems.push(
      source.problemAt(
        [...located.path, 'network'],
        `internal network "${located.adapter.network}" of ${located.vm} differs from "${reference.adapter.network}" ` +
          `of ${reference.vm} on line ${line}; VirtualBox connects only adapters with the same network name`,
      ),
    );
  }
  return problems;
}

function addressProblems(adapters: Array<Located<InternalAdapter>>, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Located<InternalAdapter>>();
  let subnet: { network: string; owner: Located<InternalAdapter> } | undefined;

  for (const located of adapters) {
    const path = [...located.path, 'address'];
    const text = located.adapter.address;
    const parsed = parseInterface(text);
    if (!parsed) {
      problems.push(source.problemAt(path, `address "${text}" of ${located.vm} is not an IPv4 address with prefix, e.g. 10.0.1.3/24`));
      continue;
    }
    if (isNetworkOrBroadcast(parsed)) {
      problems.push(source.problemAt(path, `address ${text} of ${located.vm} is the network or broadcast address of ${networkOf(parsed)}`));
    }

    const first = seen.get(parsed.address);
    if (first) {
      const line = source.positionOf([...first.path, 'address']).line;
      problems.push(source.problemAt(path, `address ${parsed.address} of ${located.vm} is already used by ${first.vm} on line ${line}`));
    } else {
      seen.set(parsed.address, located);
    }

    const network = networkOf(parsed);
    if (!subnet) {
      subnet = { network, owner: located };
    } else if (network !== subnet.network) {
      const line = source.positionOf([...subnet.owner.path, 'address']).line;
      problems.push(
        source.problemAt(path, `address ${text} of ${located.vm} is in ${network}, not in ${subnet.network} like ${subnet.owner.vm} on line ${line}`),
      );
    }
  }
  return problems;
}

function uniqueHostPorts(adapters: Array<Located<NatAdapter>>, source: YamlSource): Problem[] {
  const seen = new Map<string, { vm: string; line: number }>();
  return adapters.flatMap((located) =>
    located.adapter.forwards.flatMap((forward, f) => {
      const path = [...located.path, 'forwards', f, 'host_port'];
      const key = `${forward.host_port}/${forward.protocol}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { vm: located.vm, line: source.positionOf(path).line });
        return [];
      }
      return [
        source.problemAt(
          path,
          `host port ${key} of ${located.vm} is already forwarded to ${first.vm} on line ${first.line}; each forward needs its own host port`,
        ),
      ];
    }),
  );
}
