import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

import { PipeTransport } from './pipe-transport.ts';

/** How much of Chromium's stderr is kept for the message of a failed start. */
const STDERR_TAIL_BYTES = 4096;
/** How long kill() waits for the processes of the group to disappear. */
const KILL_WAIT_MS = 5000;

/**
 * One Chromium process in its own process group, so that stopping it by its PID also stops the
 * renderer, GPU and zygote processes it forked.
 */
export class ChromiumProcess {
  readonly transport: PipeTransport;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #stderr = '';
  #spawnError?: Error;

  constructor(executable: string, args: string[]) {
    this.#child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true });
    this.#exited = new Promise((resolve) => {
      this.#child.once('exit', () => resolve());
      this.#child.once('error', (error) => {
        this.#spawnError = error;
        resolve();
      });
    });
    this.#child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-STDERR_TAIL_BYTES);
    });
    this.transport = new PipeTransport(this.#child.stdio[3] as Writable, this.#child.stdio[4] as Readable);
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Settles like `work`, unless Chromium exits first or `timeoutMs` passes; both reject with its stderr. */
  async whileRunning<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
    const timer = new AbortController();
    const exited = this.#exited.then(() => Promise.reject(this.#startError()));
    const timedOut = sleep(timeoutMs, undefined, { signal: timer.signal }).then(() =>
      Promise.reject(this.#startError(`did not respond on its DevTools pipe within ${timeoutMs / 1000} s`)),
    );
    // The losers of the race below may reject later; those rejections are expected.
    for (const promise of [work, exited, timedOut]) promise.catch(() => undefined);
    try {
      return await Promise.race([work, exited, timedOut]);
    } catch (error) {
      // Puppeteer can receive the closed pipe before Node receives the exit, whose status is the better message.
      const hasExited = await Promise.race([this.#exited.then(() => true), sleep(1000, false)]);
      throw hasExited ? this.#startError() : error;
    } finally {
      timer.abort();
    }
  }

  #startError(reason = this.#spawnError?.message ?? `exited with ${this.#child.exitCode ?? this.#child.signalCode}`): Error {
    const stderr = this.#stderr.trim();
    return new Error(`Chromium failed to start: ${reason}${stderr ? `\n${stderr}` : ''}`);
  }

  /**
   * Sends SIGKILL to the process group (its ID is Chromium's PID) and waits until no process of
   * the group runs. That takes about 30 ms, against 100 to 170 ms for Browser.close.
   */
  async kill(): Promise<void> {
    const pid = this.#child.pid;
    this.transport.close();
    if (pid === undefined) return;
    signalGroup(pid, 'SIGKILL');
    await this.#exited;
    const deadline = performance.now() + KILL_WAIT_MS;
    while (await hasRunningMember(pid)) {
      if (performance.now() > deadline) throw new Error(`Chromium's processes (group ${pid}) were still running ${KILL_WAIT_MS / 1000} s after SIGKILL`);
      await sleep(10);
    }
  }
}

function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Tells whether a process of group `pgid` has not yet ended. Killed renderers stay zombies until
 * init reaps them, which took 1 to 25 s on the 2-core test machine. Zombies count as ended here,
 * whereas kill(-pgid, 0) would count them as running.
 */
async function hasRunningMember(pgid: number): Promise<boolean> {
  const entries = await readdir('/proc').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  // Without /proc (macOS), signal 0 checks whether the group still has a process, zombies included.
  // NOTE: this path has only been type-checked; the tests run on Linux.
  if (!entries) return groupExists(pgid);
  for (const entry of entries.filter((name) => /^\d+$/.test(name))) {
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The fields after the command name (in brackets, and it may contain spaces) are state, ppid, pgrp and so on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
  }
  return false;
}
