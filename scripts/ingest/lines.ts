/** Lines split from one decoded chunk; `first` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  first: number;
  lines: string[];
}

const ANY_LINE_END = /\r\n|\r|\n/;

/**
 * Maximum characters kept of one line that spans chunks: 16 Mi, far beyond any iperf line. A much
 * longer line would exceed the longest string V8 can build (2^29 - 24 characters on 64-bit).
 */
export const MAX_LINE_CHARS = 16 * 1024 * 1024;

/** Marks where a line longer than the maximum was cut. No number, address or timestamp reader accepts it. */
export const CUT_MARK = '\ufffd';

/**
 * Splits decoded text chunks into lines, one batch per chunk, accepting \n, \r\n and a lone \r.
 * Text after the last line end of a chunk waits for the next one. When a chunk ends in \r, a \n
 * that starts the next chunk belongs to the same line end. A line that spans chunks and is longer
 * than `maxLine` characters keeps its first `maxLine` characters followed by `CUT_MARK`, so it
 * still counts as a line and is reported as a bad one.
 */
export async function* lineBatches(text: AsyncIterable<string>, maxLine = MAX_LINE_CHARS): AsyncGenerator<LineBatch> {
  const open = new OpenLine(maxLine);
  let next = 1;
  let afterCarriageReturn = false;
  for await (const chunk of text) {
    const completesCrLf = afterCarriageReturn && open.empty && chunk.startsWith('\n');
    const rest: string = completesCrLf ? chunk.slice(1) : chunk;
    // The \n has closed the line that the \r ended, so a further \n is a line end of its own.
    if (completesCrLf) afterCarriageReturn = false;
    if (rest === '') continue;
    afterCarriageReturn = rest.endsWith('\r');
    // A chunk without a line end only lengthens the open line. Setting it aside, instead of
    // splitting the whole line again at every chunk, keeps a long line's cost linear in its length.
    if (!rest.includes('\n') && !rest.includes('\r')) {
      open.add(rest);
      continue;
    }
    const cut = open.cut;
    const joined = open.empty ? rest : open.take() + rest;
    // Most logs end lines with \n alone, and a plain split is several times faster than a regex.
    const lines = joined.includes('\r') ? joined.split(ANY_LINE_END) : joined.split('\n');
    if (cut) lines[0] = lines[0].slice(0, maxLine) + CUT_MARK;
    open.add(lines.pop()!);
    if (lines.length === 0) continue;
    yield { first: next, lines };
    next += lines.length;
  }
  if (!open.empty) {
    const cut = open.cut;
    yield { first: next, lines: [open.take() + (cut ? CUT_MARK : '')] };
  }
}

/** The pieces of a line that no line end has closed yet, up to `max` characters in all. */
class OpenLine {
  private pieces: string[] = [];
  private length = 0;
  /** True once text past the maximum was dropped. */
  cut = false;

  constructor(private readonly max: number) {}

  get empty(): boolean {
    return this.pieces.length === 0;
  }

  add(piece: string): void {
    const room = this.max - this.length;
    const stored = piece.length > room ? piece.slice(0, room) : piece;
    if (stored.length < piece.length) this.cut = true;
    if (stored === '') return;
    this.pieces.push(stored);
    this.length += stored.length;
  }

  /** Returns the kept text and starts a new line. */
  take(): string {
    const text = this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    this.cut = false;
    return text;
  }
}

/** Splits decoded text chunks into numbered lines (1-based), accepting \n, \r\n and a lone \r. */
export async function* numberedLines(text: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  for await (const { first, lines } of lineBatches(text)) {
    for (let i = 0; i < lines.length; i += 1) yield { line: first + i, text: lines[i] };
  }
}
