import type { Command } from 'commander';

import { createLogger } from '../log.ts';
import type { MeasureOptions } from './options.ts';

/** Raised through the run on SIGHUP, SIGINT (Ctrl-C) or SIGTERM, once everything the run started is removed. */
export class InterruptedError extends Error {
  readonly signalName: NodeJS.Signals;

  constructor(signalName: NodeJS.Signals) {
    super(`interrupted by ${signalName}`);
    this.name = 'InterruptedError';
    this.signalName = signalName;
  }
}

/** Registers `measure`. */
export function registerMeasureCommand(program: Command): void {
  program
    .command('measure')
    .description('measure a new run: emulate containers as network namespaces and run the study\'s iperf setups between them (needs root)')
    .option('--techniques <list>', 'comma-separated: bridge,routed,macvlan,nat,ovs (default: all; ovs only where ovs-vsctl works)')
    .option('--setups <list>', 'comma-separated: one-server,n-servers,containers-x-clients (default: all)')
    .option('--configs <list>', 'client counts for one-server and n-servers (1,2,4) and MxK for containers-x-clients (1x4,4x1); default: the study\'s')
    .option('--duration <seconds>', 'length of each iperf test in seconds (iperf -t)', '5')
    .option('--repetitions <count>', 'how many times each configuration is measured', '3')
    .option('--out <dir>', 'run folder to create; it must not exist (default: data/runs/netns-YYYY-MM-DD-HHMM)')
    .option('--dry-run', 'print the plan and its expected duration, and change nothing')
    .action(async (options: MeasureOptions & { dryRun?: boolean }) => {
      const log = createLogger({ quiet: program.opts().quiet });
      const { runMeasureCommand } = await import('./run.ts');
      await runMeasureCommand(options, Boolean(options.dryRun), log, Boolean(program.opts().quiet));
    });
}
