import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';

import { debug } from '../log.ts';
import type { Argv } from './types.ts';

const trace = debug('measure');

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ProcessExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningProcess {
  pid: number;
  exited: Promise<ProcessExit>;
  /** Writes the line a held process waits for on stdin; does nothing for a process started without `held`. */
  release(): void;
}

/** The effects the harness has on the machine. The real one runs programs; tests pass a fake. */
export interface Runner {
  /** Runs a short command to completion; a non-zero exit is returned, not thrown. */
  run(argv: Argv): Promise<CommandResult>;
  /** Starts a long-running process whose stdout and stderr go straight to files; with `held`, its stdin is a pipe. */
  start(argv: Argv, files: { stdout: string; stderr: string }, held: boolean): RunningProcess;
  /** Sends a signal to one process by its PID; a process that already ended is ignored. */
  kill(pid: number, signal: NodeJS.Signals): void;
  /** Waits `ms`, or less when `cancel` aborts first. */
  sleep(ms: number, cancel?: AbortSignal): Promise<void>;
}

export const systemRunner: Runner = {
  run(argv) {
    return new Promise((resolve, reject) => {
      trace('run %s', argv.join(' '));
      const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', reject);
      child.on('close', (exitCode, signal) => {
        resolve({ exitCode, signal, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() });
      });
    });
  },

  start(argv, files, held) {
    const stdout = openSync(files.stdout, 'wx');
    const stderr = openSync(files.stderr, 'wx');
    try {
      const child = spawn(argv[0], argv.slice(1), { stdio: [held ? 'pipe' : 'ignore', stdout, stderr] });
      child.on('error', (error) => trace('%s failed: %s', argv[0], error.message));
      if (child.pid === undefined) throw new Error(`could not start ${argv[0]}: not found or not executable`);
      trace('started pid %d: %s', child.pid, argv.join(' '));
      const exited = new Promise<ProcessExit>((resolve) => {
        child.on('exit', (exitCode, signal) => {
          trace('pid %d exited with %s', child.pid, signal ?? exitCode);
          resolve({ exitCode, signal });
        });
      });
      // A held process that was stopped before its release has closed its stdin, so writes may fail.
      child.stdin?.on('error', (error) => trace('stdin of pid %d: %s', child.pid, error.message));
      return { pid: child.pid, exited, release: () => child.stdin?.end('go\n') };
    } finally {
      closeSync(stdout);
      closeSync(stderr);
    }
  },

  kill(pid, signal) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  },

  sleep(ms, cancel) {
    return setTimeout(ms, undefined, { signal: cancel }).catch((error: unknown) => {
      if ((error as Error).name !== 'AbortError') throw error;
    });
  },
};
