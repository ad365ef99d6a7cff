/**
 * Edits one object of a PDF in place, for files with one classic cross-reference table and no
 * incremental updates, the layout Chromium's PDF writer (Skia) produces. Any other layout is
 * rejected with an error rather than rewritten wrongly.
 */

/** One `xref` section: where it starts and where each object begins. */
interface CrossReference {
  /** Byte offset of the `xref` keyword. */
  start: number;
  /** Byte offset of each in-use object, by object number. */
  offsets: Map<number, number>;
  /** Byte offset of the 10-digit offset field of each in-use object's entry. */
  fields: Map<number, number>;
}

const ENTRY_LENGTH = 20;

/** Returns a copy of `pdf` in which object `number`'s value is `value`, with the cross-reference table updated. */
export function replaceObject(pdf: Buffer, number: number, value: string): Buffer {
  const xref = readCrossReference(pdf);
  const offset = xref.offsets.get(number);
  if (offset === undefined) throw new Error(`the PDF has no object ${number} in its cross-reference table`);

  const header = `${number} 0 obj`;
  if (pdf.toString('latin1', offset, offset + header.length) !== header) throw new Error(`object ${number} is not at byte ${offset}, where the cross-reference table points`);
  const endKeyword = pdf.indexOf('endobj', offset, 'latin1');
  if (endKeyword === -1 || endKeyword > xref.start) throw new Error(`object ${number} has no endobj`);

  const replacement = Buffer.from(`${header}\n${value}\n`, 'latin1');
  const shift = replacement.length - (endKeyword - offset);
  const result = Buffer.concat([pdf.subarray(0, offset), replacement, pdf.subarray(endKeyword)]);

  for (const [other, otherOffset] of xref.offsets) {
    if (otherOffset > offset) writeDigits(result, xref.fields.get(other)! + shift, otherOffset + shift, 10);
  }
  return withStartXref(result, xref.start + shift);
}

function readCrossReference(pdf: Buffer): CrossReference {
  const tail = pdf.toString('latin1', Math.max(0, pdf.length - 64));
  const startMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startMatch) throw new Error('the PDF does not end with startxref and %%EOF');
  const start = Number(startMatch[1]);
  if (pdf.toString('latin1', start, start + 4) !== 'xref') throw new Error(`the PDF has no classic cross-reference table at byte ${start}`);
  if (pdf.indexOf('startxref', 0, 'latin1') !== pdf.lastIndexOf('startxref', undefined, 'latin1')) {
    throw new Error('the PDF has incremental updates, which netnotes does not rewrite');
  }

  const offsets = new Map<number, number>();
  const fields = new Map<number, number>();
  let position = skipLine(pdf, start);
  for (;;) {
    const line = pdf.toString('latin1', position, pdf.indexOf('\n', position, 'latin1')).trim();
    const section = /^(\d+) (\d+)$/.exec(line);
    if (!section) break;
    position = skipLine(pdf, position);
    const [first, count] = [Number(section[1]), Number(section[2])];
    for (let index = 0; index < count; index += 1, position += ENTRY_LENGTH) {
      const entry = pdf.toString('latin1', position, position + ENTRY_LENGTH);
      if (!/^\d{10} \d{5} [nf][ \r\n]{2}$/.test(entry)) throw new Error(`invalid cross-reference entry at byte ${position}: ${JSON.stringify(entry)}`);
      if (entry[17] !== 'n') continue;
      offsets.set(first + index, Number(entry.slice(0, 10)));
      fields.set(first + index, position);
    }
  }
  return { start, offsets, fields };
}

function skipLine(pdf: Buffer, position: number): number {
  return pdf.indexOf('\n', position, 'latin1') + 1;
}

function writeDigits(pdf: Buffer, at: number, value: number, width: number): void {
  pdf.write(String(value).padStart(width, '0'), at, width, 'latin1');
}

/** Rewrites the number after the last `startxref`, which may change its length. */
function withStartXref(pdf: Buffer, start: number): Buffer {
  const keyword = pdf.lastIndexOf('startxref', undefined, 'latin1');
  const tail = pdf.toString('latin1', keyword).replace(/^startxref\s+\d+/, `startxref\n${start}`);
  return Buffer.concat([pdf.subarray(0, keyword), Buffer.from(tail, 'latin1')]);
}
