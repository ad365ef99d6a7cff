import type { Readable, Writable } from 'node:stream';

import type { ConnectionTransport } from 'puppeteer-core';

/**
 * Carries DevTools protocol messages over the two pipes Chromium opens with
 * --remote-debugging-pipe: it reads commands from file descriptor 3 and writes replies and
 * events to descriptor 4. Each message is one JSON text followed by a NUL byte.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  readonly #toBrowser: Writable;
  #partial: Buffer[] = [];
  #closed = false;

  constructor(toBrowser: Writable, fromBrowser: Readable) {
    this.#toBrowser = toBrowser;
    fromBrowser.on('data', (chunk: Buffer) => this.#receive(chunk));
    fromBrowser.on('close', () => this.#markClosed());
    // A write after Chromium exited fails with EPIPE; the close above reports the end instead.
    fromBrowser.on('error', () => this.#markClosed());
    toBrowser.on('error', () => this.#markClosed());
  }

  send(message: string): void {
    if (this.#closed) return;
    this.#toBrowser.write(`${message}\0`);
  }

  close(): void {
    this.#markClosed();
  }

  #receive(chunk: Buffer): void {
    let end = chunk.indexOf(0);
    if (end === -1) {
      this.#partial.push(chunk);
      return;
    }
    let start = 0;
    while (end !== -1) {
      const message = Buffer.concat([...this.#partial, chunk.subarray(start, end)]).toString('utf8');
      this.#partial = [];
      // Delivered on a later turn, so a handler that throws cannot break the stream's reading.
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) this.#partial.push(chunk.subarray(start));
  }

  #markClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    setImmediate(() => this.onclose?.());
  }
}
