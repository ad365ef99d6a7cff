/** A path to a value in the data file, e.g. ['vms', 0, 'adapters', 1, 'address']. */
export type SourcePath = Array<string | number>;

/** Interface names a guest gives an adapter: with the old kernel naming and with predictable names. */
export interface InterfaceNames {
  /** Ubuntu 14.04 and other guests of that time, e.g. eth1. */
  then: string;
  /** Current systemd-based guests, e.g. enp0s8. */
  now: string;
}

/** A NAT port forward: host_port on the host's loopback and other interfaces reaches guest_port in the VM. */
export interface PortForward {
  name: string;
  protocol: 'tcp' | 'udp';
  host_port: number;
  guest_port: number;
}

export interface NatAdapter {
  slot: number;
  attachment: 'nat';
  interface: InterfaceNames;
  forwards: PortForward[];
}

export interface InternalAdapter {
  slot: number;
  attachment: 'intnet';
  /** The internal network's name; VirtualBox connects adapters whose names are equal. */
  network: string;
  interface: InterfaceNames;
  /** Static IPv4 address with prefix length, e.g. 10.0.1.3/24. */
  address: string;
}

export type Adapter = NatAdapter | InternalAdapter;

export interface Vm {
  name: string;
  adapters: Adapter[];
}

/** The network plan of the VirtualBox guide, as written in data/network/virtualbox.yaml. */
export interface NetworkPlan {
  environment: { virtualbox: string; host: string; guest: string };
  vms: Vm[];
}
