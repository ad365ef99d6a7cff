/**
 * Human-readable lines that iperf itself prints around or inside its CSV and JSON output
 * (banners of `-r`/`-d` without `-L`, warnings, connection failures). They are counted, not read.
 */
const IPERF_TEXT = [
  /^-{20,}$/,
  /^(Client connecting to|Server listening on|TCP window size|UDP buffer size|Sending \d+ byte|Receiving \d+ byte|Read buffer size|Write buffer size)/,
  /^Waiting for server threads to complete/,
  /^\S[^,]* failed: /, // e.g. "listener bind failed: Address already in use"
  /^\[\s*(\d+|ID|SUM)\]/,
  /^(warning|WARNING|iperf3?: )/,
];

export function isIperfText(line: string): boolean {
  const trimmed = line.trim();
  return IPERF_TEXT.some((pattern) => pattern.test(trimmed));
}
