import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { createLogger } from '../log.ts';

/** Registers `bench` and its benchmarks. */
export function registerBenchCommands(program: Command): void {
  const bench = program.command('bench').description('measure the pipeline against reference tools');
  bench
    .command('ingest')
    .description('time ingest and pandas read_csv + groupby mean on a ~1 GB iperf 2 CSV of repeated real rows; print ratios')
    .option('--size-mb <n>', 'size of the generated file in MB (a small value gives a quick run)', '1024')
    .action(async (options: { sizeMb: string }) => {
      const sizeMb = Number(options.sizeMb);
      if (!Number.isFinite(sizeMb) || sizeMb <= 0) throw new UsageError(`--size-mb expects a positive number, got "${options.sizeMb}"`);
      const { benchIngest } = await import('./ingest.ts');
      await benchIngest(sizeMb, createLogger({ quiet: program.opts().quiet }));
    });
}
