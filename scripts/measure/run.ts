import type { Logger } from '../log.ts';
import { InterruptedError } from './command.ts';
import { measure } from './measure.ts';
import { parseOptions, type MeasureOptions } from './options.ts';
import { systemProbe } from './preflight.ts';
import { createBarProgress, createLineProgress, type Progress } from './progress.ts';
import { systemRunner } from './runner.ts';

/** Closing the terminal (SIGHUP), Ctrl-C (SIGINT) and `kill` (SIGTERM) all stop a run cleanly. */
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
const STOP_SIGNALS = Object.keys(SIGNAL_NUMBERS) as Array<keyof typeof SIGNAL_NUMBERS>;

/** Runs `netnotes measure` on this machine, turning a stop signal into a clean stop with exit status 128 + its number. */
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
  for (const signalName of STOP_SIGNALS) process.on(signalName, onSignal);
  // Once the terminal is closed, writes fail with EIO; the cleanup must still run, so such errors are dropped.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreClosedTerminal);

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
    process.exitCode = 128 + (SIGNAL_NUMBERS[error.signalName as keyof typeof SIGNAL_NUMBERS] ?? 0);
  } finally {
    for (const signalName of STOP_SIGNALS) process.off(signalName, onSignal);
    for (const stream of [process.stdout, process.stderr]) stream.off('error', ignoreClosedTerminal);
  }
}

function chooseProgress(quiet: boolean): Progress {
  if (quiet) return { start() {}, begin() {}, done() {}, stop() {} };
  return process.stderr.isTTY ? createBarProgress(process.stderr) : createLineProgress(process.stderr);
}

function ignoreClosedTerminal(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EIO' && error.code !== 'EPIPE') throw error;
}
