import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { CommandResult, ProcessExit, Runner } from '../../scripts/measure/runner.ts';
import type { Argv } from '../../scripts/measure/types.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/measure');
export const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** How a fake iperf client behaves: write a real client log, be refused, lose its server part-way, or hang until killed. */
export type ClientBehaviour = 'ok' | 'refused' | 'reset' | 'hang';

interface FakeProcess {
  argv: Argv;
  resolve(exit: ProcessExit): void;
  files: { stdout: string; stderr: string };
}

/**
 * A runner that never touches the machine. It keeps the set of namespaces that `ip netns add`
 * and `ip netns delete` would change, and returns plausible output for `ip netns list`, `ss` and
 * `iperf -v`. It plays iperf by writing the real captured logs in test/fixtures/measure.
 * Sleeps last 1/1000 of the requested time, so timeouts can be tested quickly.
 */
export class FakeRunner implements Runner {
  readonly commands: Argv[] = [];
  readonly namespaces = new Set<string>();
  readonly killed: Array<{ pid: number; signal: NodeJS.Signals }> = [];
  readonly started: Argv[] = [];
  /** `start <pid>` and `release <pid>` in the order they happened. */
  readonly events: string[] = [];
  readonly #processes = new Map<number, FakeProcess>();
  #nextPid = 1000;

  /** Returns a failing result for a command, or undefined to let it succeed. */
  failOn: (argv: Argv) => CommandResult | undefined = () => undefined;
  clientBehaviour: (argv: Argv) => ClientBehaviour = () => 'ok';
  onStart: (argv: Argv) => void = () => {};

  get running(): number {
    return this.#processes.size;
  }

  async run(argv: Argv): Promise<CommandResult> {
    this.commands.push(argv);
    const failure = this.failOn(argv);
    if (failure) return failure;

    const line = argv.join(' ');
    if (line.startsWith('ip netns add ')) this.namespaces.add(argv[3]);
    if (line.startsWith('ip netns delete ')) this.namespaces.delete(argv[3]);
    if (line === 'ip netns list') return ok([...this.namespaces].map((name) => `${name} (id: 1)\n`).join(''));
    if (argv.includes('ss')) return ok('LISTEN 0 128 0.0.0.0:5001 0.0.0.0:*\n');
    if (line === 'iperf -v') return { exitCode: 1, signal: null, stdout: '', stderr: 'iperf version 2.1.8 (12 August 2022) pthreads\n' };
    return ok('');
  }

  start(argv: Argv, files: { stdout: string; stderr: string }, held: boolean) {
    const pid = this.#nextPid++;
    this.started.push(argv);
    this.events.push(`start ${pid}`);
    writeFileSync(files.stdout, '', { flag: 'wx' });
    writeFileSync(files.stderr, '', { flag: 'wx' });

    let resolve!: (exit: ProcessExit) => void;
    const exited = new Promise<ProcessExit>((done) => (resolve = done)).then((exit) => {
      this.#processes.delete(pid);
      return exit;
    });
    this.#processes.set(pid, { argv, resolve, files });
    this.onStart(argv);

    const play = () => {
      if (argv.includes('-c')) this.#playClient(pid, this.clientBehaviour(argv));
    };
    if (!held) play();
    const release = () => {
      this.events.push(`release ${pid}`);
      if (held) play();
    };
    return { pid, exited, release };
  }

  kill(pid: number, signal: NodeJS.Signals): void {
    this.killed.push({ pid, signal });
    const child = this.#processes.get(pid);
    if (!child) return;
    if (child.argv.includes('-s')) writeFileSync(child.files.stdout, fixture('netns-2026-12-bridge-2-clients-server-s1.csv'));
    child.resolve({ exitCode: null, signal });
  }

  sleep(ms: number, cancel?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms / 1000);
      cancel?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #playClient(pid: number, behaviour: ClientBehaviour): void {
    const child = this.#processes.get(pid)!;
    if (behaviour === 'hang') return;
    setImmediate(() => {
      if (behaviour === 'ok') writeFileSync(child.files.stdout, fixture('tcp-client.csv'));
      if (behaviour === 'refused') writeFileSync(child.files.stderr, fixture('refused-client.stderr'));
      if (behaviour === 'reset') {
        writeFileSync(child.files.stdout, fixture('reset-client.csv'));
        writeFileSync(child.files.stderr, fixture('reset-client.stderr'));
      }
      child.resolve({ exitCode: 0, signal: null });
    });
  }
}

function ok(stdout: string): CommandResult {
  return { exitCode: 0, signal: null, stdout, stderr: '' };
}
