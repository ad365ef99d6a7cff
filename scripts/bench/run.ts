import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { isEnoent } from '../errors.ts';
import type { Logger } from '../log.ts';
import { REPORT_PAGE } from '../pdf/report.ts';
import { timeBuilds } from './builds.ts';
import { benchIngest } from './ingest.ts';
import { describeMachine } from './machine.ts';
import { timePosterPrint } from './poster.ts';
import { benchRows, machineLines, markdownTable } from './table.ts';
import { weighPage } from './weight.ts';

export interface BenchOptions {
  root: string;
  /** A quick run for CI: a 50 MB ingest file, one run per reader; the table goes to .cache/bench/. */
  short: boolean;
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Measures every goal in one run, prints the table and writes it with the machine's description. */
export async function runBench(options: BenchOptions, log: Logger): Promise<string> {
  const machine = describeMachine();
  const { times: builds, copy } = await timeBuilds(options.root, log);
  try {
    const siteDir = path.join(copy.root, '_site');
    const poster = await timePosterPrint(siteDir);
    log.step('printed', 'the poster with netnotes and with chromium --print-to-pdf');
    const weight = await weighPage(siteDir, REPORT_PAGE);
    const ingest = await benchIngest(options.short ? 50 : 1024, options.short ? 1 : 2, log);

    const table = markdownTable(benchRows({ builds, ingest, poster, weight }));
    process.stdout.write(`${table}\n`);
    const section = [START, `Measured ${options.short ? 'in short mode (50 MB ingest file) ' : ''}on:`, '', ...machineLines(machine), '', table, END].join('\n');
    const file = path.join(options.root, options.short ? '.cache/bench/benchmarks.md' : 'docs/benchmarks.md');
    await writeSection(file, section);
    log.step('wrote', path.relative(options.root, file));
    return table;
  } finally {
    await copy.remove();
  }
}

/** Replaces the measured section of the page, keeping the text around it. */
async function writeSection(file: string, section: string): Promise<void> {
  let page = `# Benchmarks\n\n${START}\n${END}\n`;
  try {
    page = await readFile(file, 'utf8');
  } catch (error) {
    if (!isEnoent(error)) throw error;
  }
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  const updated = start >= 0 && end > start ? `${page.slice(0, start)}${section}${page.slice(end + END.length)}` : `${page.trimEnd()}\n\n${section}\n`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, updated);
}
