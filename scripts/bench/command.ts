import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { createLogger } from '../log.ts';

/** Registers `bench` and its benchmarks. */
export function registerBenchCommands(program: Command): void {
  const bench = program
    .command('bench')
    .description('measure builds, ingest, the poster print and the report page against their goals; print one table and write docs/benchmarks.md')
    .option('--short', 'quick run for CI: 50 MB ingest file, table written to .cache/bench/benchmarks.md instead')
    .action(async (options: { short?: boolean }) => {
      const { runBench } = await import('./run.ts');
      await runBench({ root: process.cwd(), short: options.short === true }, createLogger({ quiet: program.opts().quiet }));
    });
  bench
    .command('ingest')
    .description('time ingest and pandas read_csv + groupby mean on a ~1 GB iperf 2 CSV of repeated real rows; print ratios')
    .option('--size-mb <n>', 'size of the generated file in MB (a small value gives a quick run)', '1024')
    .option('--runs <n>', 'runs of each reader, in alternating order; the fastest of each counts', '1')
    .action(async (options: { sizeMb: string; runs: string }) => {
      const sizeMb = Number(options.sizeMb);
      const runs = Number(options.runs);
      if (!Number.isFinite(sizeMb) || sizeMb <= 0) throw new UsageError(`--size-mb expects a positive number, got "${options.sizeMb}"`);
      if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs expects a whole number of 1 or more, got "${options.runs}"`);
      const { benchIngest } = await import('./ingest.ts');
      await benchIngest(sizeMb, runs, createLogger({ quiet: program.opts().quiet }));
    });
}
