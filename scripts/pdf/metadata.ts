import type { PdfMetadata } from './print.ts';
import { replaceObject } from './pdf-objects.ts';

/**
 * Rewrites Chromium's document information, which carries the print time, with the content's
 * own title, author and date, and renumbers the structure IDs, so two builds of the same
 * content give the same bytes. Works on the bytes of Chromium's PDF without parsing it whole:
 * that took pdf-lib 0.2 to 0.4 s per print.
 */
export function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Uint8Array {
  const renumbered = renumberStructureIds(Buffer.from(pdf));
  const infoNumber = infoObjectNumber(renumbered);
  return replaceObject(renumbered, infoNumber, infoDictionary(metadata));
}

/** Returns the object number of the document information dictionary, named in the trailer. */
function infoObjectNumber(pdf: Buffer): number {
  const at = pdf.lastIndexOf('trailer');
  if (at === -1) throw new Error('the PDF Chromium printed has no classic cross-reference table: it has no trailer');
  const trailer = pdf.toString('latin1', at);
  const match = /\/Info (\d+) 0 R/.exec(trailer);
  if (!match) throw new Error('the PDF Chromium printed has no /Info entry in its trailer');
  return Number(match[1]);
}

function infoDictionary(metadata: PdfMetadata): string {
  const date = pdfDate(metadata.date);
  const entries = [
    `/Title ${textString(metadata.title)}`,
    `/Author ${textString(metadata.author)}`,
    ...(metadata.subject ? [`/Subject ${textString(metadata.subject)}`] : []),
    ...(metadata.keywords ? [`/Keywords ${textString(metadata.keywords.join(' '))}`] : []),
    `/Creator ${textString('netnotes')}`,
    `/Producer ${textString('netnotes (Chromium)')}`,
    `/CreationDate (${date})`,
    `/ModDate (${date})`,
  ];
  return `<<${entries.join('\n')}>>`;
}

/**
 * Encodes text as a UTF-16BE hex string with a byte order mark, the PDF text string form that
 * can contain any character and needs no escaping, so data strings cannot end the string early.
 */
function textString(text: string): string {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return `<${bytes.toString('hex').toUpperCase()}>`;
}

/** Formats a date as a PDF date in UTC, e.g. D:20261201000000Z. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/**
 * Renumbers the IDs Chromium gives the elements of a tagged PDF's structure tree. They are DOM
 * node numbers ("node00000087"), offset differently on every run, and table cells refer to
 * their header cells by them. IDs are renumbered in their old order, so the ID name tree stays
 * sorted and every reference still points at the same element. Each new ID has the length of
 * the old one, so no byte offset in the file moves.
 */
export function renumberStructureIds(pdf: Buffer): Buffer {
  // latin1 maps each byte to one character, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const ids = new Set<string>();
  for (const match of text.matchAll(/\/ID \((node(\d+))\)/g)) ids.add(match[1]);
  if (ids.size === 0) return pdf;

  const ordered = [...ids].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)) || (a < b ? -1 : 1));
  const renamed = new Map<string, string>();
  ordered.forEach((id, index) => {
    const next = `node${String(index + 1).padStart(id.length - 4, '0')}`;
    if (next.length !== id.length) throw new Error(`cannot renumber structure ID ${id} to ${next} without changing its length`);
    renamed.set(id, next);
  });
  // Every literal string equal to an ID is a reference to it: /ID itself, and /Headers of table cells.
  const replaced = text.replace(/\((node\d+)\)/g, (whole, id: string) => {
    const next = renamed.get(id);
    return next === undefined ? whole : `(${next})`;
  });
  return Buffer.from(replaced, 'latin1');
}
