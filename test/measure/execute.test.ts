import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createMemoryLogger } from '../../scripts/log.ts';
import { executePlan } from '../../scripts/measure/execute.ts';
import { runPrefix } from '../../scripts/measure/naming.ts';
import { CommandFailedError } from '../../scripts/measure/network.ts';
import { buildPlan } from '../../scripts/measure/plan.ts';
import type { Progress } from '../../scripts/measure/progress.ts';
import type { Configuration, MeasureRequest } from '../../scripts/measure/types.ts';
import { FakeRunner, fixture } from './fake-runner.ts';

const PREFIX = runPrefix(12345);
const twoClients: Configuration = { setup: 'one-server', servers: 1, clientContainers: 2, clientsPerContainer: 1 };

function plan(overrides: Partial<MeasureRequest> = {}) {
  const request: MeasureRequest = {
    techniques: ['bridge'],
    configurations: [twoClients],
    durationSeconds: 5,
    repetitions: 2,
    out: '/unused',
    skipUnavailable: false,
    ...overrides,
  };
  return buildPlan(request, PREFIX);
}

function recordingProgress(): Progress & { labels: string[]; stopped: boolean } {
  const progress = {
    labels: [] as string[],
    stopped: false,
    start() {},
    begin: (label: string) => void progress.labels.push(label),
    done() {},
    stop: () => void (progress.stopped = true),
  };
  return progress;
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'netnotes-measure-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('executePlan', () => {
  it('writes logs in the dataset layout', async () => {
    const runner = new FakeRunner();
    const progress = recordingProgress();

    const failures = await executePlan({ plan: plan(), runner, folder, progress, signal: new AbortController().signal, log: createMemoryLogger() });

    expect(failures).toEqual([]);
    for (const rep of ['rep-1', 'rep-2']) {
      const files = readdirSync(path.join(folder, 'bridge/one-server/2-clients', rep)).sort();
      expect(files).toEqual(['client-c1-p1.csv', 'client-c2-p1.csv', 'server-s1.csv']);
    }
    expect(readFileSync(path.join(folder, 'bridge/one-server/2-clients/rep-1/client-c1-p1.csv'), 'utf8')).toBe(fixture('tcp-client.csv'));
    expect(progress.labels).toEqual(['bridge one-server/2-clients rep-1', 'bridge one-server/2-clients rep-2']);
    expect(progress.stopped).toBe(true);
  });

  it('releases clients once all are started', async () => {
    const runner = new FakeRunner();

    await executePlan({ plan: plan({ repetitions: 1 }), runner, folder, progress: recordingProgress(), signal: new AbortController().signal, log: createMemoryLogger() });

    // pid 1000 is the server; 1001 and 1002 are the clients.
    expect(runner.events).toEqual(['start 1000', 'start 1001', 'start 1002', 'release 1001', 'release 1002']);
  });

  it('removes every namespace it created', async () => {
    const runner = new FakeRunner();

    await executePlan({ plan: plan(), runner, folder, progress: recordingProgress(), signal: new AbortController().signal, log: createMemoryLogger() });

    const added = runner.commands.filter((argv) => argv.join(' ').startsWith('ip netns add')).map((argv) => argv[3]);
    expect(added).toEqual([`${PREFIX}sw`, `${PREFIX}s1`, `${PREFIX}c1`, `${PREFIX}c2`]);
    expect([...runner.namespaces]).toEqual([]);
    expect(runner.running).toBe(0);
  });

  it('records a refused client with its stderr', async () => {
    const runner = new FakeRunner();
    runner.clientBehaviour = (argv) => (argv.includes(`${PREFIX}c2`) ? 'refused' : 'ok');

    const failures = await executePlan({ plan: plan({ repetitions: 1 }), runner, folder, progress: recordingProgress(), signal: new AbortController().signal, log: createMemoryLogger() });

    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      technique: 'bridge',
      setup: 'one-server',
      configuration: '2-clients',
      repetition: 1,
      process: 'client-c2-p1',
      reason: 'wrote no CSV rows',
      stderr: fixture('refused-client.stderr'),
    });
    expect(failures[0].command).toBe(`ip netns exec ${PREFIX}c2 sh -c 'read -r go && exec "$@"' sh iperf -c 198.18.10.1 -P 1 -i 1 -p 5001 -f g -t 5 -y C`);
    const rep = path.join(folder, 'bridge/one-server/2-clients/rep-1');
    expect(readdirSync(rep).sort()).toEqual(['client-c1-p1.csv', 'client-c2-p1.csv', 'client-c2-p1.stderr', 'server-s1.csv']);
  });

  it('records a client reset part-way', async () => {
    const runner = new FakeRunner();
    runner.clientBehaviour = (argv) => (argv.includes(`${PREFIX}c1`) ? 'reset' : 'ok');

    const failures = await executePlan({ plan: plan({ repetitions: 1 }), runner, folder, progress: recordingProgress(), signal: new AbortController().signal, log: createMemoryLogger() });

    expect(failures.map((failure) => [failure.process, failure.reason, failure.exit_code])).toEqual([['client-c1-p1', 'wrote to stderr', 0]]);
    expect(failures[0].stderr).toBe(fixture('reset-client.stderr'));
  });

  it('stops a client that runs far past its duration', async () => {
    const runner = new FakeRunner();
    runner.clientBehaviour = (argv) => (argv.includes(`${PREFIX}c1`) ? 'hang' : 'ok');

    const failures = await executePlan({ plan: plan({ repetitions: 1 }), runner, folder, progress: recordingProgress(), signal: new AbortController().signal, log: createMemoryLogger() });

    expect(failures.map((failure) => [failure.process, failure.reason])).toEqual([['client-c1-p1', 'still running after 20 s; stopped']]);
    expect(runner.running).toBe(0);
  });

  it('cleans up after a failed setup command', async () => {
    const runner = new FakeRunner();
    runner.failOn = (argv) =>
      argv.join(' ') === `ip -n ${PREFIX}c1 addr add 198.18.10.2/24 dev nn-eth0`
        ? { exitCode: 2, signal: null, stdout: '', stderr: 'RTNETLINK answers: File exists\n' }
        : undefined;

    const run = executePlan({ plan: plan(), runner, folder, progress: recordingProgress(), signal: new AbortController().signal, log: createMemoryLogger() });

    await expect(run).rejects.toThrow(CommandFailedError);
    await expect(run).rejects.toThrow('RTNETLINK answers: File exists');
    expect([...runner.namespaces]).toEqual([]);
    expect(runner.started).toEqual([]);
  });

  it('stops iperf and removes namespaces when aborted', async () => {
    const runner = new FakeRunner();
    const controller = new AbortController();
    const reason = new Error('interrupted by SIGTERM');
    runner.clientBehaviour = () => 'hang';
    runner.onStart = (argv) => {
      if (argv.includes(`${PREFIX}c2`)) setImmediate(() => controller.abort(reason));
    };

    // With -t 3600 the client timeout would fire only after 7.2 s of fake time, so a quick end proves the abort stopped them.
    const started = Date.now();
    const run = executePlan({ plan: plan({ durationSeconds: 3600 }), runner, folder, progress: recordingProgress(), signal: controller.signal, log: createMemoryLogger() });

    await expect(run).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(runner.running).toBe(0);
    expect(runner.killed.map((kill) => kill.signal)).toContain('SIGTERM');
    expect([...runner.namespaces]).toEqual([]);
    expect(existsSync(path.join(folder, 'bridge/one-server/2-clients/rep-2'))).toBe(false);
  });
});
