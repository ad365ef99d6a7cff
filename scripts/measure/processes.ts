import type { ProcessExit, Runner, RunningProcess } from './runner.ts';
import type { Argv } from './types.ts';

/** A started iperf process, with how it ended once it has. */
export interface TrackedProcess extends RunningProcess {
  argv: Argv;
  exit?: ProcessExit;
}

/**
 * Keeps every process the harness started until it exits, so an interrupted or failed run can
 * stop exactly those processes, each by its own PID.
 */
export class ProcessTable {
  readonly #runner: Runner;
  readonly #live = new Set<TrackedProcess>();

  constructor(runner: Runner) {
    this.#runner = runner;
  }

  start(argv: Argv, files: { stdout: string; stderr: string }, held: boolean): TrackedProcess {
    const started = this.#runner.start(argv, files, held);
    const tracked: TrackedProcess = { ...started, argv };
    this.#live.add(tracked);
    tracked.exited = started.exited.then((exit) => {
      tracked.exit = exit;
      this.#live.delete(tracked);
      return exit;
    });
    return tracked;
  }

  get size(): number {
    return this.#live.size;
  }

  /** Sends SIGTERM to the given processes, then SIGKILL to any still running after `graceMs`. */
  async stop(processes: TrackedProcess[], graceMs: number): Promise<void> {
    const running = processes.filter((child) => this.#live.has(child));
    for (const child of running) this.#runner.kill(child.pid, 'SIGTERM');

    const ended = Promise.all(running.map((child) => child.exited)).then(() => true);
    if (await raceTimeout(this.#runner, ended, graceMs)) return;

    for (const child of running) if (this.#live.has(child)) this.#runner.kill(child.pid, 'SIGKILL');
    await ended;
  }

  /** Stops every process still running. */
  stopAll(graceMs: number): Promise<void> {
    return this.stop([...this.#live], graceMs);
  }
}

/** Resolves to true when `work` settles within `ms`, false otherwise; the timer is cancelled either way. */
export async function raceTimeout(runner: Runner, work: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([work.then(() => true), runner.sleep(ms, timer.signal).then(() => false)]);
  } finally {
    timer.abort();
  }
}
