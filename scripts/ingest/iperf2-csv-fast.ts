import type { IngestRecord } from './events.ts';
import type { Endpoint } from './types.ts';

/**
 * A well-formed 9-column TCP row of iperf 2.0.x or 2.1.x, read with one regular expression:
 * timestamp, `address,port` twice, transfer id, start-end, bytes, bits per second. Each field
 * must have a narrower shape than `readRow` accepts: no spaces, signs or exponents, and ports and
 * counts short enough to be exact. So a row this matches reads the same in both, and `readRow`
 * reads every other row and names its bad field.
 */
const TCP_ROW =
  /^\d{14}(?:\.\d+)?,([0-9A-Za-z:.%_-]+,\d{1,5}),([0-9A-Za-z:.%_-]+,\d{1,5}),(-?\d{1,15}),(\d{1,15}(?:\.\d*)?)-(\d{1,15}(?:\.\d*)?),(\d{1,15}),(\d{1,15}(?:\.\d+)?)$/;
const FRACTION_AT = 14;
const DOT = 46;

/** True when a row's timestamp has milliseconds, which only 2.1.x prints. */
export function hasMilliseconds(text: string): boolean {
  return text.charCodeAt(FRACTION_AT) === DOT;
}

/**
 * Reads the rows of one file that have the common shape. A log names the same few endpoints on
 * every row, so each `address,port` becomes one shared, frozen Endpoint.
 */
export class CommonTcpRows {
  private readonly endpoints = new Map<string, Endpoint>();

  /** Reads the row, or returns undefined to leave it to `readRow`. */
  read(text: string, line: number): IngestRecord | undefined {
    const match = TCP_ROW.exec(text);
    if (match === null) return undefined;
    const first = this.endpoint(match[1]);
    const second = this.endpoint(match[2]);
    const start = Number(match[4]);
    const end = Number(match[5]);
    if (first === undefined || second === undefined || end < start) return undefined;
    const id = Number(match[3]);
    return { line, id, protocol: 'tcp', first, second, start, end, bytes: Number(match[6]), bitsPerSecond: Number(match[7]), sum: id === -1 };
  }

  /** Returns the shared endpoint for `address,port`, or undefined when the port is above 65535. */
  private endpoint(addressAndPort: string): Endpoint | undefined {
    let endpoint = this.endpoints.get(addressAndPort);
    if (endpoint === undefined) {
      const comma = addressAndPort.lastIndexOf(',');
      const port = Number(addressAndPort.slice(comma + 1));
      if (port > 65535) return undefined;
      endpoint = Object.freeze({ address: addressAndPort.slice(0, comma), port });
      this.endpoints.set(addressAndPort, endpoint);
    }
    return endpoint;
  }
}
