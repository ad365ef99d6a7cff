import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { PipeTransport } from '../../scripts/pdf/pipe-transport.ts';

// The DevTools pipe protocol: each message is JSON followed by a NUL byte, in chunks of any size.

function connect() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const transport = new PipeTransport(toBrowser, fromBrowser);
  const received: string[] = [];
  transport.onmessage = (message) => received.push(message);
  return { toBrowser, fromBrowser, transport, received };
}

describe('PipeTransport', () => {
  it('ends each sent message with NUL', () => {
    const { toBrowser, transport } = connect();
    transport.send('{"id":1,"method":"Browser.getVersion"}');
    expect(toBrowser.read().toString()).toBe('{"id":1,"method":"Browser.getVersion"}\0');
  });

  it('joins messages split across chunks', async () => {
    const { fromBrowser, received } = connect();
    const bytes = Buffer.from('{"id":1,"result":{"product":"Chrome/156 – headless"}}\0{"id":2,"result":{}}\0');
    // Splits inside the three bytes of the en dash too.
    const dash = bytes.indexOf(0xe2);
    for (const [start, end] of [[0, dash + 1], [dash + 1, dash + 2], [dash + 2, 60], [60, bytes.length]]) fromBrowser.write(bytes.subarray(start, end));
    await nextTurn();
    await nextTurn();
    expect(received).toEqual(['{"id":1,"result":{"product":"Chrome/156 – headless"}}', '{"id":2,"result":{}}']);
  });

  it('reports the end of the pipe once', async () => {
    const { fromBrowser, transport } = connect();
    let closed = 0;
    transport.onclose = () => (closed += 1);
    fromBrowser.destroy();
    transport.close();
    await nextTurn();
    await nextTurn();
    expect(closed).toBe(1);
  });
});
