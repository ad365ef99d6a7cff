import type { Layout } from './iperf2-csv-row.ts';

/**
 * Column names of the header row that iperf 2.2.x writes, with the spellings accepted for each.
 * NOTE: no 2.2.x capture was available, so these aliases are an estimate built from the documented
 * names (istart, iend, speed and so on). Names are compared without case or punctuation.
 */
const NAMES: Record<string, string[]> = {
  timestamp: ['time', 'timestamp'],
  firstAddress: ['srcaddress', 'srcaddr', 'srcip', 'sourceaddress', 'localaddress', 'localaddr'],
  firstPort: ['srcport', 'sourceport', 'localport'],
  secondAddress: ['dstaddress', 'dstaddr', 'dstip', 'destinationaddress', 'remoteaddress', 'remoteaddr'],
  secondPort: ['dstport', 'destinationport', 'remoteport'],
  id: ['transferid', 'id'],
  span: ['interval'],
  start: ['istart', 'start', 'intervalstart'],
  end: ['iend', 'end', 'intervalend'],
  bytes: ['bytes', 'transfer', 'totallen'],
  bitsPerSecond: ['speed', 'bandwidth', 'bitspersecond', 'bps', 'throughput'],
  jitter: ['jitter', 'jitterms'],
  lost: ['lost', 'errors', 'cnterror', 'lostdatagrams'],
  datagrams: ['datagrams', 'total', 'cntdatagrams', 'totaldatagrams'],
  lossPercent: ['loss', 'losspercent', 'lostpercent'],
  outOfOrder: ['outoforder', 'ooo', 'cntoutoforder'],
};

const REQUIRED = ['timestamp', 'firstAddress', 'firstPort', 'secondAddress', 'secondPort', 'id', 'bytes', 'bitsPerSecond'];

const normalise = (name: string) => name.trim().toLowerCase().replace(/[^a-z]/g, '');

/** True when a row reads like a header: it names the interval columns rather than holding numbers. */
export function isHeaderRow(fields: string[]): boolean {
  const names = new Set(fields.map(normalise));
  return (names.has('istart') || names.has('transferid') || names.has('srcaddress')) && !/^\d/.test(fields[0].trim());
}

/** Maps a header row to a layout, or names the columns it lacks. */
export function layoutFromHeader(fields: string[]): Layout | { missing: string[] } {
  const positions = new Map<string, number>();
  fields.forEach((field, index) => {
    const name = normalise(field);
    for (const [key, aliases] of Object.entries(NAMES)) {
      if (aliases.includes(name) && !positions.has(key)) positions.set(key, index);
    }
  });
  const hasSpan = positions.has('span') || (positions.has('start') && positions.has('end'));
  const missing = REQUIRED.filter((key) => !positions.has(key));
  if (!hasSpan) missing.push('istart and iend');
  if (missing.length > 0) return { missing };

  const at = (key: string) => positions.get(key)!;
  const layout: Layout = {
    timestamp: at('timestamp'), firstAddress: at('firstAddress'), firstPort: at('firstPort'),
    secondAddress: at('secondAddress'), secondPort: at('secondPort'), id: at('id'),
    bytes: at('bytes'), bitsPerSecond: at('bitsPerSecond'),
  };
  if (positions.has('start') && positions.has('end')) {
    layout.start = at('start');
    layout.end = at('end');
  } else {
    layout.span = at('span');
  }
  const udpKeys = ['jitter', 'lost', 'datagrams', 'lossPercent', 'outOfOrder'];
  if (udpKeys.every((key) => positions.has(key))) {
    layout.udp = { jitter: at('jitter'), lost: at('lost'), datagrams: at('datagrams'), lossPercent: at('lossPercent'), outOfOrder: at('outOfOrder') };
  }
  return layout;
}
