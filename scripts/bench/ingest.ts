import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { UsageError } from '../errors.ts';
import type { Logger } from '../log.ts';

/** Real captured rows: a server file of sixteen interleaved clients from the netns run. */
const SOURCE = fileURLToPath(new URL('../../test/fixtures/ingest/netns/sixteen-clients/server-s1.csv', import.meta.url));
const WORKER = fileURLToPath(new URL('./ingest-worker.ts', import.meta.url));
const PANDAS = fileURLToPath(new URL('./pandas-worker.py', import.meta.url));

export interface Measured {
  seconds: number;
  records: number;
  groups: number;
  meanOfMeans: number;
  maxRssKiB: number;
}

/** The size of the generated file and the fastest run of each reader, for `netnotes bench`'s table. */
export interface IngestBench {
  bytes: number;
  ours: Measured;
  pandas: Measured;
}

/**
 * Builds a file of about `sizeMb` MB, times our ingest and pandas on it `runs` times each (in
 * alternating order, keeping the fastest run of each), prints the ratios and deletes the file.
 */
export async function benchIngest(sizeMb: number, runs: number, log: Logger): Promise<IngestBench> {
  const python = findPandasPython();
  const folder = await mkdtemp(join(tmpdir(), 'netnotes-bench-'));
  try {
    const file = join(folder, 'repeated.csv');
    await writeRepeated(file, sizeMb * 1e6);
    const bytes = (await stat(file)).size;
    log.step('built', `${(bytes / 1e6).toFixed(0)} MB of repeated real iperf 2 rows`);

    let ours: Measured | undefined;
    let pandas: Measured | undefined;
    for (let run = 0; run < runs; run += 1) {
      const measureOurs = async () => {
        const measured = await measure(process.execPath, ['--import', 'tsx', WORKER, file]);
        log.step('ingested', `${measured.records} rows with netnotes (run ${run + 1})`, measured.seconds * 1000);
        ours = fastest(ours, measured);
      };
      const measurePandas = async () => {
        const measured = await measure(python, [PANDAS, file]);
        log.step('read', `${measured.records} rows with pandas (run ${run + 1})`, measured.seconds * 1000);
        pandas = fastest(pandas, measured);
      };
      if (run % 2 === 0) {
        await measureOurs();
        await measurePandas();
      } else {
        await measurePandas();
        await measureOurs();
      }
    }
    if (!ours || !pandas) throw new UsageError('--runs must be at least 1');

    if (ours.records !== pandas.records || ours.groups !== pandas.groups || Math.abs(ours.meanOfMeans / pandas.meanOfMeans - 1) > 1e-9) {
      throw new Error(`the two readers disagree: ours ${JSON.stringify(ours)}, pandas ${JSON.stringify(pandas)}`);
    }
    for (const line of table(bytes, ours, pandas)) process.stdout.write(`${line}\n`);
    return { bytes, ours, pandas };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Keeps the faster of two runs, with the larger peak RSS of the two. */
function fastest(best: Measured | undefined, next: Measured): Measured {
  if (!best) return next;
  const winner = next.seconds < best.seconds ? next : best;
  return { ...winner, maxRssKiB: Math.max(best.maxRssKiB, next.maxRssKiB) };
}

function table(bytes: number, ours: Measured, pandas: Measured): string[] {
  const mb = bytes / 1e6;
  const row = (name: string, m: Measured) =>
    `${name.padEnd(9)} ${m.seconds.toFixed(2).padStart(8)} s ${(mb / m.seconds).toFixed(1).padStart(8)} MB/s ${(m.maxRssKiB / 1024).toFixed(0).padStart(8)} MiB peak RSS`;
  return [
    `file: ${mb.toFixed(0)} MB, ${ours.records} rows, ${ours.groups} streams (groupby mean of bits per second agrees)`,
    row('netnotes', ours),
    row('pandas', pandas),
    `time ratio (netnotes / pandas): ${(ours.seconds / pandas.seconds).toFixed(2)}`,
    `peak RSS ratio (netnotes / pandas): ${(ours.maxRssKiB / pandas.maxRssKiB).toFixed(2)}`,
  ];
}

async function writeRepeated(path: string, targetBytes: number): Promise<void> {
  const rows = (await readFile(SOURCE, 'utf8')).trimEnd();
  const block = Buffer.from(`${Array.from({ length: 64 }, () => rows).join('\n')}\n`);
  const out = createWriteStream(path);
  let written = 0;
  while (written < targetBytes) {
    if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    written += block.length;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Runs one child, timing it from spawn to exit; the child reports its own counts and peak RSS. */
function measure(command: string, args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      resolve({ seconds, ...(JSON.parse(output.trim().split('\n').pop()!) as Omit<Measured, 'seconds'>) });
    });
  });
}

function findPandasPython(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pandas'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  throw new UsageError('pandas is needed for this comparison: apt-get install python3-pandas');
}
