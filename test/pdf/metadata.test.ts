import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';

import { withMetadata } from '../../scripts/pdf/metadata.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/pdf');
const setContentPrint = readFileSync(path.join(FIXTURES, 'table-set-content.pdf'));
const gotoPrint = readFileSync(path.join(FIXTURES, 'table-goto.pdf'));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'netnotes-pdf-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const metadata = {
  title: 'Throughput (by "technique") \\ <b>é</b> 网络',
  author: 'Jane Doe',
  subject: 'Aggregate Gbit/s',
  keywords: ['docker', 'iperf'],
  date: new Date('2026-12-01T00:00:00Z'),
};

function structureIds(pdf: Uint8Array): string[] {
  return [...Buffer.from(pdf).toString('latin1').matchAll(/\/ID \((node\d+)\)/g)].map((match) => match[1]);
}

function headerReferences(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/Headers \[([^\]]*)\]/g)].flatMap((match) => [...match[1].matchAll(/\((node\d+)\)/g)].map((id) => id[1]));
}

/** Returns every in-use cross-reference entry whose offset does not hold "N 0 obj". */
function misplacedObjects(pdf: Uint8Array): number[] {
  const bytes = Buffer.from(pdf);
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(bytes.toString('latin1', bytes.length - 64))![1]);
  const table = bytes.toString('latin1', start, bytes.indexOf('trailer', start, 'latin1'));
  const [, first] = /^xref\s+(\d+) \d+/.exec(table)!;
  const entries = [...table.matchAll(/(\d{10}) (\d{5}) ([nf])/g)];
  return entries.flatMap((entry, index) => {
    const number = Number(first) + index;
    if (entry[3] !== 'n') return [];
    const offset = Number(entry[1]);
    return bytes.toString('latin1', offset, offset + `${number} 0 obj`.length) === `${number} 0 obj` ? [] : [number];
  });
}

describe('withMetadata', () => {
  it('makes two prints byte-identical', async () => {
    expect(setContentPrint.equals(gotoPrint)).toBe(false);
    expect(structureIds(setContentPrint)).not.toEqual(structureIds(gotoPrint));

    const first = Buffer.from(await withMetadata(setContentPrint, metadata));
    const second = Buffer.from(await withMetadata(gotoPrint, metadata));
    expect(first.equals(second)).toBe(true);
  });

  it('renumbers IDs from 1 keeping references', async () => {
    const rewritten = await withMetadata(gotoPrint, metadata);
    const ids = structureIds(rewritten);
    expect(ids[0]).toBe('node00000001');
    expect([...ids].sort()).toEqual(ids.map((_, index) => `node${String(index + 1).padStart(8, '0')}`));
    expect(headerReferences(rewritten).length).toBeGreaterThan(0);
    for (const reference of headerReferences(rewritten)) expect(ids).toContain(reference);
  });

  it('keeps every cross-reference offset right', async () => {
    const rewritten = await withMetadata(gotoPrint, metadata);
    expect(misplacedObjects(gotoPrint)).toEqual([]);
    expect(misplacedObjects(rewritten)).toEqual([]);
  });

  it('writes the document information', async () => {
    const document = await PDFDocument.load(await withMetadata(gotoPrint, metadata), { updateMetadata: false });
    expect(document.getTitle()).toBe(metadata.title);
    expect(document.getAuthor()).toBe('Jane Doe');
    expect(document.getSubject()).toBe('Aggregate Gbit/s');
    expect(document.getKeywords()).toBe('docker iperf');
    expect(document.getCreator()).toBe('netnotes');
    expect(document.getCreationDate()?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(document.getModificationDate()?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('leaves a PDF poppler reads without errors', async () => {
    const file = path.join(scratch, 'rewritten.pdf');
    writeFileSync(file, await withMetadata(gotoPrint, metadata));
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/^Title: +Throughput \(by "technique"\) \\ <b>é<\/b> 网络$/m);
    expect(info.stdout).toMatch(/^Tagged: +yes$/m);
    expect(info.stdout).toMatch(/^Pages: +1$/m);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('macvlan');
  });
});
