/** Splits decoded text chunks into numbered lines (1-based), accepting \n, \r\n and a lone \r. */
export async function* numberedLines(text: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let pending = '';
  let line = 0;
  let afterCarriageReturn = false;
  for await (const chunk of text) {
    let from = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const char = chunk.charCodeAt(i);
      if (char === 10 && afterCarriageReturn) {
        afterCarriageReturn = false;
        from = i + 1;
        continue;
      }
      afterCarriageReturn = char === 13;
      if (char === 10 || char === 13) {
        line += 1;
        yield { line, text: pending + chunk.slice(from, i) };
        pending = '';
        from = i + 1;
      }
    }
    pending += chunk.slice(from);
  }
  if (pending !== '') yield { line: line + 1, text: pending };
}
