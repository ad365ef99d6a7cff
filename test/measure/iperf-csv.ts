/**
 * Checks that a line has the shape of an iperf 2 TCP CSV row (`-y C`): timestamp, source address
 * and port, destination address and port, transfer id, interval `start-end`, bytes, bits per second.
 * Returns what is wrong, or an empty list.
 */
export function iperfRowProblems(line: string): string[] {
  const fields = line.split(',');
  if (fields.length !== 9) return [`expected 9 fields, found ${fields.length}`];

  const [timestamp, source, sourcePort, destination, destinationPort, id, interval, bytes, bitsPerSecond] = fields;
  const checks: Array<[boolean, string]> = [
    [/^\d{14}$/.test(timestamp), `timestamp "${timestamp}" is not YYYYMMDDhhmmss`],
    [isIPv4(source), `source "${source}" is not an IPv4 address`],
    [isPort(sourcePort), `source port "${sourcePort}" is not a port`],
    [isIPv4(destination), `destination "${destination}" is not an IPv4 address`],
    [isPort(destinationPort), `destination port "${destinationPort}" is not a port`],
    [/^\d+$/.test(id), `transfer id "${id}" is not a whole number`],
    [/^\d+\.\d-\d+\.\d$/.test(interval), `interval "${interval}" is not start-end in seconds`],
    [/^\d+$/.test(bytes), `bytes "${bytes}" is not a whole number`],
    [/^\d+$/.test(bitsPerSecond) && Number(bitsPerSecond) > 0, `bits per second "${bitsPerSecond}" is not positive`],
  ];
  return checks.filter(([ok]) => !ok).map(([, message]) => message);
}

export function csvLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

function isPort(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) > 0 && Number(value) < 65536;
}

/** Tells whether an IPv4 address lies in 198.18.0.0/15 (198.18.0.0 to 198.19.255.255). */
export function inBenchmarkRange(address: string): boolean {
  const [first, second] = address.split('.').map(Number);
  return first === 198 && (second === 18 || second === 19);
}
