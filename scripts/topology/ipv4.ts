/** An IPv4 interface address with its prefix length, e.g. 10.0.1.3/24. */
export interface Ipv4Interface {
  address: string;
  prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/p" and returns undefined for anything else, including octets above 255. */
export function parseInterface(text: string): Ipv4Interface | undefined {
  const match = CIDR.exec(text);
  if (!match) return undefined;

  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  return { address: octets.join('.'), prefix };
}

export function toNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

export function fromNumber(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function maskNumber(prefix: number): number {
  return prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix);
}

/** Converts a prefix length to a dotted netmask, e.g. 24 → 255.255.255.0. */
export function netmask(prefix: number): string {
  return fromNumber(maskNumber(prefix));
}

/** Returns the network an interface is in, as "a.b.c.d/p" with the host bits cleared. */
export function networkOf({ address, prefix }: Ipv4Interface): string {
  const host = toNumber(address) % 2 ** (32 - prefix);
  return `${fromNumber(toNumber(address) - host)}/${prefix}`;
}

/** Checks whether the address is the network or broadcast address of its subnet. Prefixes above /30 have neither. */
export function isNetworkOrBroadcast({ address, prefix }: Ipv4Interface): boolean {
  if (prefix > 30) return false;
  const size = 2 ** (32 - prefix);
  const host = toNumber(address) % size;
  return host === 0 || host === size - 1;
}
