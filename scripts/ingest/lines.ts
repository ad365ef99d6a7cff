/** Lines split from one decoded chunk; `first` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  first: number;
  lines: string[];
}

const ANY_LINE_END = /\r\n|\r|\n/;

/**
 * Splits decoded text chunks into lines, one batch per chunk, accepting \n, \r\n and a lone \r.
 * Text after the last line end of a chunk waits for the next one. When a chunk ends in \r, a \n
 * that starts the next chunk belongs to the same line end.
 */
export async function* lineBatches(text: AsyncIterable<string>): AsyncGenerator<LineBatch> {
  let pending = '';
  let next = 1;
  let afterCarriageReturn = false;
  for await (const chunk of text) {
    const completesCrLf = afterCarriageReturn && pending === '' && chunk.startsWith('\n');
    const rest: string = completesCrLf ? chunk.slice(1) : chunk;
    // The \n has closed the line that the \r ended, so a further \n is a line end of its own.
    if (completesCrLf) afterCarriageReturn = false;
    const joined: string = pending + rest;
    if (joined === '') continue;
    afterCarriageReturn = joined.endsWith('\r');
    // Most logs end lines with \n alone, and a plain split is several times faster than a regex.
    const lines = joined.includes('\r') ? joined.split(ANY_LINE_END) : joined.split('\n');
    pending = lines.pop()!;
    if (lines.length === 0) continue;
    yield { first: next, lines };
    next += lines.length;
  }
  if (pending !== '') yield { first: next, lines: [pending] };
}

/** Splits decoded text chunks into numbered lines (1-based), accepting \n, \r\n and a lone \r. */
export async function* numberedLines(text: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  for await (const { first, lines } of lineBatches(text)) {
    for (let i = 0; i < lines.length; i += 1) yield { line: first + i, text: lines[i] };
  }
}
