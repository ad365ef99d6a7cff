/**
 * Human-readable lines that iperf itself prints around or inside its CSV and JSON output
 * (banners of `-r`/`-d` without `-L`, warnings, connection failures). They are counted, not read.
 */
const IPERF_TEXT = [
  /^(Client connecting to|Server listening on|TCP window size|UDP buffer size|Sending \d+ byte|Receiving \d+ byte|Read buffer size|Write buffer size)/,
  /^Waiting for server threads to complete/,
  /^\S[^,]* failed: /, // e.g. "listener bind failed: Address already in use"
  /^\[\s*(\d+|ID|SUM)\]/,
  /^(warning|WARNING|iperf3?: )/,
];

export function isIperfText(line: string): boolean {
  const trimmed = line.trim();
  return isRule(trimmed) || IPERF_TEXT.some((pattern) => pattern.test(trimmed));
}

/**
 * True for a rule of 20 or more dashes. Tested without /^-{20,}$/, whose backtracking overflows
 * the stack on a line of about 8 million dashes.
 */
function isRule(text: string): boolean {
  return text.length >= 20 && !/[^-]/.test(text);
}
