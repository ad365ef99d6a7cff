import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { IngestEvent } from '../../scripts/ingest/events.ts';
import { CommonTcpRows } from '../../scripts/ingest/iperf2-csv-fast.ts';
import { CLASSIC_LAYOUT, readRow } from '../../scripts/ingest/iperf2-csv-row.ts';
import { fixture } from './helpers.ts';

// The quick reader of common TCP rows must read every row it accepts exactly as the field-by-field
// reader does, and leave every other row to it. Checked on every real row and on thousands of
// one-character changes to them.

function csvFixtures(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return csvFixtures(path);
    return name.endsWith('.csv') ? [path] : [];
  });
}

const rows = csvFixtures(fixture('')).flatMap((path) => readFileSync(path, 'utf8').split(/\r\n|\r|\n/));
const tcpRows = rows.filter((row) => row.split(',').length === 9 && /^\d/.test(row));

/** Reads a 9-column row field by field, as the reader does with any row the quick reader leaves. */
function slowRead(row: string): IngestEvent[] {
  const out: IngestEvent[] = [];
  readRow(row.split(','), 7, CLASSIC_LAYOUT, 9, new Set(), out);
  return out.filter((event) => event.kind !== 'hint');
}

const REPLACEMENTS = ['0', '9', '-', '+', ' ', '.', 'e', 'a', ':', ',', '"', '\t'];

/** Lists the row with each one of its characters replaced, deleted or doubled. */
function oneCharacterChanges(row: string): string[] {
  const changed: string[] = [];
  for (let at = 0; at < row.length; at += 1) {
    for (const character of REPLACEMENTS) changed.push(row.slice(0, at) + character + row.slice(at + 1));
    changed.push(row.slice(0, at) + row.slice(at + 1));
    changed.push(row.slice(0, at + 1) + row.slice(at));
  }
  return changed;
}

describe('reading common TCP rows', () => {
  it('reads real TCP rows identically', () => {
    expect(tcpRows.length).toBeGreaterThan(150);
    const reader = new CommonTcpRows();
    for (const row of tcpRows) {
      const record = reader.read(row, 7);
      expect(record, row).toBeDefined();
      expect([{ kind: 'record', record }], row).toEqual(slowRead(row));
    }
  });

  it('leaves changed rows it would misread', () => {
    const reader = new CommonTcpRows();
    const samples = tcpRows.filter((_, index) => index % 5 === 0);
    let accepted = 0;
    let left = 0;
    for (const row of samples.flatMap(oneCharacterChanges)) {
      const record = reader.read(row, 7);
      if (record === undefined) {
        left += 1;
        continue;
      }
      accepted += 1;
      expect([{ kind: 'record', record }], JSON.stringify(row)).toEqual(slowRead(row));
    }
    // Both kinds must occur, or the loop above proves nothing.
    expect(accepted).toBeGreaterThan(1000);
    expect(left).toBeGreaterThan(1000);
  });

  it('shares endpoint objects between rows', () => {
    const reader = new CommonTcpRows();
    const [a, b] = [reader.read(tcpRows[0], 1), reader.read(tcpRows[0], 2)];
    expect(a?.first).toBe(b?.first);
    expect(Object.isFrozen(a?.first)).toBe(true);
  });

  it('leaves a port above 65535', () => {
    const row = tcpRows[0].split(',');
    row[2] = '65536';
    expect(new CommonTcpRows().read(row.join(','), 1)).toBeUndefined();
    expect(slowRead(row.join(','))[0]).toMatchObject({ kind: 'error', error: { message: expect.stringContaining('port') } });
  });
});
