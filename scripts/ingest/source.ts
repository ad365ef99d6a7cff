import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

import { countRead } from './progress.ts';

/** The text encoding of a log, guessed from its byte-order mark or from its zero bytes. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const HEAD_BYTES = 64 * 1024;

export interface Head {
  text: string;
  encoding: TextEncoding;
  /** True when the head contains the whole file. */
  complete: boolean;
  binary: boolean;
}

/**
 * Reads and decodes the first 64 KiB of a file, enough to tell its format. When those are only
 * blank lines, the first 64 KiB after them are read instead, so the rows that follow still count.
 */
export async function readHead(path: string): Promise<Head> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    let { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const encoding = guessEncoding(buffer.subarray(0, bytesRead));
    const decode = (length: number) => new TextDecoder(encoding).decode(buffer.subarray(0, length));
    let text = decode(bytesRead);
    // Each block after a blank one starts at a line end or inside blank space, never inside a character.
    for (let position = bytesRead; bytesRead === HEAD_BYTES && text.trim() === ''; position += bytesRead) {
      ({ bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, position));
      text = decode(bytesRead);
    }
    return { text, encoding, complete: bytesRead < HEAD_BYTES, binary: looksBinary(text) };
  } finally {
    await handle.close();
  }
}

export function guessEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  });
  if (oddZeros > sample.length / 4) return 'utf-16le';
  if (evenZeros > sample.length / 4) return 'utf-16be';
  return 'utf-8';
}

function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  const control = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return control > Math.max(8, text.length / 100);
}

/** File and encoding a reader reads its text from. */
export interface TextSource {
  path: string;
  encoding: TextEncoding;
}

/**
 * Reads the file as chunks for csv-parse: raw bytes when it is UTF-8, because csv-parse decodes
 * them faster itself, and decoded text otherwise.
 */
export function readChunks(source: TextSource): AsyncIterable<string | Buffer> {
  if (source.encoding === 'utf-8') return fileChunks(source.path);
  return readText(source.path, source.encoding);
}

/** Reads the file's bytes 1 MiB at a time and counts them, for the progress of long reads. */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    countRead((chunk as Buffer).length);
    yield chunk as Buffer;
  }
}

/** Reads the file as decoded text chunks, 1 MiB at a time, so memory stays flat. */
export function readText(path: string, encoding: TextEncoding): AsyncGenerator<string> {
  return encoding === 'utf-8' ? readUtf8(path) : readDecoded(path, encoding);
}

async function* readDecoded(path: string, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of fileChunks(path)) {
    yield decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads UTF-8 text in chunks that end at a line end, or at a character end when 1 MiB has no
 * line end, so that no chunk splits a character. Most logs are plain ASCII, and a chunk that is
 * can be copied into a string without decoding.
 */
async function* readUtf8(path: string): AsyncGenerator<string> {
  let carried: Buffer | undefined;
  let atStart = true;
  for await (const chunk of fileChunks(path)) {
    let bytes = carried ? Buffer.concat([carried, chunk]) : chunk;
    if (atStart && bytes.length >= UTF8_BOM.length) {
      if (bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) bytes = bytes.subarray(UTF8_BOM.length);
      atStart = false;
    }
    let end = bytes.lastIndexOf(10);
    if (end < 0) end = bytes.lastIndexOf(13);
    // Without a line end, the chunk is handed out up to its last whole character, so that a line
    // longer than a chunk is never held here nor copied once per chunk.
    const cut = end >= 0 ? end + 1 : lastCharacterEnd(bytes);
    carried = cut < bytes.length ? bytes.subarray(cut) : undefined;
    if (cut > 0) yield decodeUtf8(bytes.subarray(0, cut));
  }
  if (carried) yield decodeUtf8(atStart ? withoutBom(carried) : carried);
}

/**
 * Returns the length of the longest start of `bytes` that does not end inside a UTF-8 character,
 * found by scanning back over continuation bytes (10xxxxxx) to the character's first byte.
 */
function lastCharacterEnd(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= 0 && at >= bytes.length - 4; at -= 1) {
    const byte = bytes[at];
    if (byte < 0x80) return bytes.length;
    if (byte < 0xc0) continue;
    let length = 2;
    if (byte >= 0xe0) length = 3;
    if (byte >= 0xf0) length = 4;
    return at + length <= bytes.length ? bytes.length : at;
  }
  // Four continuation bytes in a row cannot be inside one character, so cutting after them is safe.
  return bytes.length;
}

function withoutBom(bytes: Buffer): Buffer {
  return bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
}

function decodeUtf8(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
