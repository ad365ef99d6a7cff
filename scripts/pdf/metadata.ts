import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';

import type { PdfMetadata } from './print.ts';

/**
 * Rewrites Chromium's document information, which carries the print time, with the content's
 * own title, author and date, so two builds of the same content give the same bytes.
 */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  if (metadata.keywords) document.setKeywords(metadata.keywords);
  document.setCreator('netnotes');
  document.setProducer('netnotes (Chromium, pdf-lib)');
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  renumberStructureIds(document);
  return document.save({ useObjectStreams: false });
}

/**
 * Renumbers the IDs Chromium gives the elements of a tagged PDF's structure tree. They are DOM
 * node numbers ("node00000087"), offset differently on every run, and table cells refer to
 * their header cells by them. IDs are renumbered in their old order, so the ID name tree
 * stays sorted and every reference still points at the same element.
 */
function renumberStructureIds(document: PDFDocument): void {
  const objects = document.context.enumerateIndirectObjects().map(([, object]) => object);
  const ID = PDFName.of('ID');
  const old = new Set<string>();
  for (const object of objects) {
    const id = object instanceof PDFDict ? object.get(ID) : undefined;
    if (id instanceof PDFString || id instanceof PDFHexString) old.add(id.decodeText());
  }
  const ordered = [...old].sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')) || a.localeCompare(b));
  const renamed = new Map(ordered.map((id, index) => [id, `node${String(index + 1).padStart(8, '0')}`]));
  for (const object of objects) replaceStrings(object, renamed);
}

/** Replaces, in place, every string of a dictionary or array (nested ones too) found in `renamed`. */
function replaceStrings(object: PDFObject, renamed: Map<string, string>): void {
  const replacement = (value: PDFObject | undefined) => {
    if (!(value instanceof PDFString || value instanceof PDFHexString)) return undefined;
    const next = renamed.get(value.decodeText());
    return next === undefined ? undefined : PDFString.of(next);
  };
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const next = replacement(value);
      if (next) object.set(key, next);
      else replaceStrings(value, renamed);
    }
  } else if (object instanceof PDFArray) {
    object.asArray().forEach((value, index) => {
      const next = replacement(value);
      if (next) object.set(index, next);
      else replaceStrings(value, renamed);
    });
  }
}
