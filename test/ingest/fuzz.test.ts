import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ingestFile } from '../../scripts/ingest/index.ts';
import { guessEncoding } from '../../scripts/ingest/source.ts';
import type { IngestedFile, Interval } from '../../scripts/ingest/types.ts';
import { fixture } from './helpers.ts';

// Mutates every real fixture in many ways and checks what must hold for any input: no crash,
// exactly one state per file, and every number kept is a number written in the file.
const CASES = 520;
const SEED = 20261204;

function listFixtures(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFixtures(path) : [path];
  });
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (text: string, pick: (n: number) => number) => string | Buffer;
const lines = (text: string) => text.split('\n');
const onLine = (text: string, pick: (n: number) => number, change: (line: string) => string) => {
  const all = lines(text);
  const index = pick(all.length);
  all[index] = change(all[index]);
  return all.join('\n');
};

const MUTATIONS: Record<string, Mutation> = {
  truncate: (text, pick) => text.slice(0, pick(text.length + 1)),
  dropColumn: (text, pick) => onLine(text, pick, (line) => line.split(',').filter((_, i, all) => i !== pick(all.length)).join(',')),
  duplicateColumn: (text, pick) => onLine(text, pick, (line) => {
    const fields = line.split(',');
    const i = pick(fields.length);
    fields.splice(i, 0, fields[i]);
    return fields.join(',');
  }),
  flipDigit: (text, pick) => {
    const digits = [...text.matchAll(/\d/g)];
    if (digits.length === 0) return text;
    const at = digits[pick(digits.length)].index!;
    return text.slice(0, at) + String((Number(text[at]) + 1 + pick(9)) % 10) + text.slice(at + 1);
  },
  garbageLine: (text, pick) => {
    const all = lines(text);
    const garbage = ['@@@@', 'nan,nan,nan', '12,,,,', '{"oops":', '\u0000\u0001\u0002', '[  1] 0.0-x sec', 'ÿþ,é,ü', '20261204151039,,'];
    all.splice(pick(all.length + 1), 0, garbage[pick(garbage.length)]);
    return all.join('\n');
  },
  duplicateLine: (text, pick) => {
    const all = lines(text);
    const i = pick(all.length);
    all.splice(i, 0, all[i]);
    return all.join('\n');
  },
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  carriageReturns: (text) => text.replace(/\n/g, '\r'),
  utf16le: (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  utf16beNoBom: (text) => Buffer.from(text, 'utf16le').swap16(),
  bom: (text) => `\ufeff${text}`,
  nanValue: (text, pick) => {
    const numbers = [...text.matchAll(/\d+\.\d+|\d{3,}/g)];
    if (numbers.length === 0) return text;
    const match = numbers[pick(numbers.length)];
    return text.slice(0, match.index!) + (pick(2) ? 'nan' : '-nan') + text.slice(match.index! + match[0].length);
  },
};

/** Collects every number written in the text, without its sign, since `1.0-2.0` is two numbers. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)].map((m) => Number(m[0]));
}

/** Checks that a kept value is written in the file, or for text reports is a written number times a unit. */
function fromFile(value: number, written: number[], scaled: boolean): boolean {
  const units = scaled ? [1, 1e3, 1e6, 1e9, 1e12, 1024, 1024 ** 2, 1024 ** 3, 1024 ** 4] : [1];
  return units.some((unit) => written.some((n) => Math.abs(n * unit - value) <= Math.max(1e-9 * Math.abs(value), scaled ? 0.5 : 0)));
}

function intervalsOf(file: IngestedFile): Interval[] {
  const streams = file.sum ? [...file.streams, file.sum] : file.streams;
  return streams.flatMap((s) => [...s.intervals, ...(s.summary ? [s.summary] : []), ...(s.otherSummaries ?? [])]);
}

describe('fuzzing ingest with mutated real fixtures', () => {
  const sources = listFixtures(fixture('')).filter((path) => statSync(path).size < 200_000);
  const folder = mkdtemp(join(tmpdir(), 'netnotes-fuzz-'));
  afterAll(async () => rm(await folder, { recursive: true, force: true }));

  it(`survives ${CASES} cases, accounts for every file and invents no number`, async () => {
    const next = random(SEED);
    const pick = (n: number) => Math.floor(next() * n);
    const names = Object.keys(MUTATIONS);
    const failures: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < CASES; i += 1) {
      const source = sources[i % sources.length];
      const mutation = names[pick(names.length)];
      const mutated = MUTATIONS[mutation](readFileSync(source, 'utf8'), pick);
      const path = join(await folder, `case-${i}`);
      await writeFile(path, mutated);
      const label = `case ${i} (${mutation} of ${source.split('/ingest/').pop()})`;
      let file: IngestedFile;
      try {
        file = await ingestFile(path);
      } catch (error) {
        failures.push(`${label}: threw ${String(error)}`);
        continue;
      }
      seen.add(file.status);
      const lean = await ingestFile(path, { intervals: false });
      const summaries = (f: IngestedFile) => [...f.streams, ...(f.sum ? [f.sum] : [])].map((stream) => stream.summary);
      if (JSON.stringify(summaries(lean)) !== JSON.stringify(summaries(file))) failures.push(`${label}: other whole-test rows without intervals`);
      const bytes = Buffer.isBuffer(mutated) ? mutated : Buffer.from(mutated);
      const text = new TextDecoder(guessEncoding(bytes)).decode(bytes);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      if (file.status === 'parsed' && file.records === 0) failures.push(`${label}: parsed with no records`);
      if (file.status !== 'parsed' && !file.reason) failures.push(`${label}: ${file.status} without a reason`);
      if (file.status === 'rejected' && file.errors.length === 0) failures.push(`${label}: rejected without a located error`);
      for (const error of file.errors) {
        if (error.line < 1 || error.line > lineCount || error.column < 1) failures.push(`${label}: error outside the file at ${error.line}:${error.column}`);
      }
      const written = numbersIn(text);
      const scaled = file.format === 'iperf2-text';
      for (const interval of intervalsOf(file)) {
        const values = [interval.bytes, interval.bitsPerSecond, interval.start, interval.end, ...Object.values(interval.udp ?? {})];
        for (const value of values) {
          if (!Number.isFinite(value)) failures.push(`${label}: kept a non-finite value on line ${interval.line}`);
          else if (!fromFile(Math.abs(value), written, scaled)) failures.push(`${label}: ${value} on line ${interval.line} is not in the file`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual(['parsed', 'rejected', 'skipped']);
  });
});
