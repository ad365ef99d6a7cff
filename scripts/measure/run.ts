import type { Logger } from '../log.ts';
import { InterruptedError } from './command.ts';
import { measure } from './measure.ts';
import { parseOptions, type MeasureOptions } from './options.ts';
import { systemProbe } from './preflight.ts';
import { createBarProgress, createLineProgress, type Progress } from './progress.ts';
import { systemRunner } from './runner.ts';

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };

/** Runs `netnotes measure` on this machine, turning Ctrl-C and SIGTERM into a clean stop with exit status 128 + signal. */
export async function runMeasureCommand(options: MeasureOptions, dryRun: boolean, log: Logger, quiet: boolean): Promise<void> {
  const request = parseOptions(options, process.cwd(), new Date());
  const controller = new AbortController();
  const onSignal = (signalName: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      log.warn('still stopping iperf and removing namespaces; a SIGKILL now would leave them behind');
      return;
    }
    log.warn(`${signalName} received: stopping iperf and removing this run's namespaces`);
    controller.abort(new InterruptedError(signalName));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const effects = {
      runner: systemRunner,
      probe: systemProbe(systemRunner),
      log,
      progress: chooseProgress(quiet),
      print: (line: string) => void process.stdout.write(`${line}\n`),
      now: () => new Date(),
      pid: process.pid,
      signal: controller.signal,
    };
    await measure(request, dryRun, effects);
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    log.error(`${error.message}; no run was written and no namespace of this run is left`);
    process.exitCode = 128 + (SIGNAL_NUMBERS[error.signalName] ?? 0);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function chooseProgress(quiet: boolean): Progress {
  if (quiet) return { start() {}, begin() {}, done() {}, stop() {} };
  return process.stderr.isTTY ? createBarProgress(process.stderr) : createLineProgress(process.stderr);
}
