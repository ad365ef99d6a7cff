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
  // Pieces of the line that no line end has closed yet.
  let pending: string[] = [];
  let next = 1;
  let afterCarriageReturn = false;
  for await (const chunk of text) {
    const completesCrLf = afterCarriageReturn && pending.length === 0 && chunk.startsWith('\n');
    const rest: string = completesCrLf ? chunk.slice(1) : chunk;
    // The \n has closed the line that the \r ended, so a further \n is a line end of its own.
    if (completesCrLf) afterCarriageReturn = false;
    if (rest === '') continue;
    afterCarriageReturn = rest.endsWith('\r');
    // A chunk without a line end only lengthens the open line. Setting it aside, instead of
    // splitting the whole line again at every chunk, keeps a long line's cost linear in its length.
    if (!rest.includes('\n') && !rest.includes('\r')) {
      pending.push(rest);
      continue;
    }
    const joined = pending.length === 0 ? rest : pending.join('') + rest;
    // Most logs end lines with \n alone, and a plain split is several times faster than a regex.
    const lines = joined.includes('\r') ? joined.split(ANY_LINE_END) : joined.split('\n');
    const open = lines.pop()!;
    pending = open === '' ? [] : [open];
    if (lines.length === 0) continue;
    yield { first: next, lines };
    next += lines.length;
  }
  if (pending.length > 0) yield { first: next, lines: [pending.join('')] };
}

/** Splits decoded text chunks into numbered lines (1-based), accepting \n, \r\n and a lone \r. */
export async function* numberedLines(text: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  for await (const { first, lines } of lineBatches(text)) {
    for (let i = 0; i < lines.length; i += 1) yield { line: first + i, text: lines[i] };
  }
}
