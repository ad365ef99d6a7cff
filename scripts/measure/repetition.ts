import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { IPERF_PORT, formatCommand, inNamespace } from './commands.ts';
import { configurationFolder } from './naming.ts';
import { raceTimeout, type ProcessTable, type TrackedProcess } from './processes.ts';
import type { Runner } from './runner.ts';
import type { IperfProcess, PlanStep } from './types.ts';

/** A client or server that did not produce a usable log, as the manifest lists it. */
export interface Failure {
  technique: string;
  setup: string;
  configuration: string;
  repetition: number;
  process: string;
  command: string;
  exit_code: number | null;
  signal: string | null;
  reason: string;
  stderr: string;
}

export interface RepetitionContext {
  runner: Runner;
  processes: ProcessTable;
  step: PlanStep;
  repetition: number;
  /** The `rep-<n>` folder to write the logs into. */
  folder: string;
  durationSeconds: number;
  signal: AbortSignal;
}

/** How long the servers keep running after the last client ends, so they log its final rows (as the shipped run did). */
export const SERVER_GRACE_MS = 500;
/**
 * Gap between releasing two clients. iperf 2.1.8's server aborted (glibc heap corruption, or a
 * pthread priority assertion) in 3 of 3 runs of 256 clients released in one synchronous loop.
 * It did not abort in any of 12 runs with this gap (bridge and nat, 16x16, `-t 1`, 2 vCPUs).
 */
export const RELEASE_GAP_MS = 1;
const STOP_GRACE_MS = 3000;
const LISTEN_POLL_MS = 50;
const LISTEN_TIMEOUT_MS = 5000;

/** Runs the servers, then all clients at once, then stops the servers. Returns the processes that failed. */
export async function runRepetition(context: RepetitionContext): Promise<Failure[]> {
  const { processes, step, folder } = context;
  await mkdir(folder, { recursive: true });

  const servers = step.topology.servers.map((server) => startLogged(processes, server, folder));
  let clients: TrackedProcess[] = [];
  let timedOut = new Set<TrackedProcess>();
  try {
    for (const [index, server] of servers.entries()) await waitUntilListening(context, step.topology.servers[index], server);
    clients = step.topology.clients.map((client) => startLogged(processes, client, folder));
    for (const client of clients) {
      client.release();
      await context.runner.sleep(RELEASE_GAP_MS);
    }
    timedOut = await waitForClients(context, clients);
    context.signal.throwIfAborted();
    await context.runner.sleep(SERVER_GRACE_MS);
  } finally {
    await processes.stop([...servers, ...clients], STOP_GRACE_MS);
  }

  const failures = [
    ...(await checkServers(context, servers)),
    ...(await checkClients(context, clients, timedOut)),
  ];
  await removeEmptyStderr(folder, [...step.topology.servers, ...step.topology.clients]);
  return failures;
}

function startLogged(processes: ProcessTable, iperf: IperfProcess, folder: string): TrackedProcess {
  const files = { stdout: path.join(folder, `${iperf.name}.csv`), stderr: path.join(folder, `${iperf.name}.stderr`) };
  return processes.start(iperf.argv, files, iperf.held);
}

/** Polls the server's namespace until a socket listens on the iperf port, so no client is refused for starting early. */
async function waitUntilListening(context: RepetitionContext, iperf: IperfProcess, server: TrackedProcess): Promise<void> {
  const probe = inNamespace(iperf.namespace, ['ss', '-Hltn', 'sport', '=', `:${IPERF_PORT}`]);
  for (let waited = 0; waited < LISTEN_TIMEOUT_MS; waited += LISTEN_POLL_MS) {
    context.signal.throwIfAborted();
    if (server.exit) {
      const stderr = await readText(path.join(context.folder, `${iperf.name}.stderr`));
      throw new Error(`iperf server ${iperf.name} in ${iperf.namespace} ended at start: ${stderr.trim() || 'no output on stderr'}`);
    }
    const result = await context.runner.run(probe);
    if (result.exitCode === 0 && result.stdout.trim() !== '') return;
    await context.runner.sleep(LISTEN_POLL_MS);
  }
  throw new Error(`iperf server ${iperf.name} in ${iperf.namespace} was not listening on port ${IPERF_PORT} after ${LISTEN_TIMEOUT_MS / 1000} s`);
}

/** Waits for every client. A client still running at twice its duration plus 10 s is stopped and returned as timed out. */
async function waitForClients(context: RepetitionContext, clients: TrackedProcess[]): Promise<Set<TrackedProcess>> {
  const limitMs = (2 * context.durationSeconds + 10) * 1000;
  const allExited = Promise.all(clients.map((client) => client.exited));
  if (await raceTimeout(context.runner, allExited, limitMs)) return new Set();

  const late = new Set(clients.filter((client) => client.exit === undefined));
  await context.processes.stop([...late], STOP_GRACE_MS);
  return late;
}

async function checkServers(context: RepetitionContext, servers: TrackedProcess[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const [index, server] of servers.entries()) {
    const iperf = context.step.topology.servers[index];
    // The harness stops servers with SIGTERM, so any other end means the server died during the test.
    const stoppedByUs = server.exit?.signal === 'SIGTERM' || server.exit?.exitCode === 0;
    if (!stoppedByUs) failures.push(await failure(context, iperf, server, 'server ended before the clients finished'));
  }
  return failures;
}

async function checkClients(context: RepetitionContext, clients: TrackedProcess[], timedOut: Set<TrackedProcess>): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const [index, client] of clients.entries()) {
    const iperf = context.step.topology.clients[index];
    const reason = await clientProblem(context, iperf, client, timedOut.has(client));
    if (reason) failures.push(await failure(context, iperf, client, reason));
  }
  return failures;
}

async function clientProblem(context: RepetitionContext, iperf: IperfProcess, client: TrackedProcess, late: boolean): Promise<string | undefined> {
  if (late) return `still running after ${2 * context.durationSeconds + 10} s; stopped`;
  if (client.exit?.signal) return `ended by signal ${client.exit.signal}`;
  if (client.exit?.exitCode !== 0) return `exit status ${client.exit?.exitCode}`;
  // iperf 2 exits with status 0 when the connection is refused, so only the empty log marks the failure.
  const log = await readText(path.join(context.folder, `${iperf.name}.csv`));
  if (log.trim() === '') return 'wrote no CSV rows';
  // A client can write rows and still fail part-way (e.g. "tcp write failed: Connection reset by peer").
  const stderr = await readText(path.join(context.folder, `${iperf.name}.stderr`));
  if (stderr.trim() !== '') return 'wrote to stderr';
  return undefined;
}

async function failure(context: RepetitionContext, iperf: IperfProcess, child: TrackedProcess, reason: string): Promise<Failure> {
  const { step } = context;
  return {
    technique: step.technique,
    setup: step.configuration.setup,
    configuration: configurationFolder(step.configuration),
    repetition: context.repetition,
    process: iperf.name,
    command: formatCommand(iperf.argv),
    exit_code: child.exit?.exitCode ?? null,
    signal: child.exit?.signal ?? null,
    reason,
    stderr: await readText(path.join(context.folder, `${iperf.name}.stderr`)),
  };
}

/** Deletes the `.stderr` files iperf left empty, so one exists only where a process complained. */
async function removeEmptyStderr(folder: string, processes: IperfProcess[]): Promise<void> {
  for (const iperf of processes) {
    const file = path.join(folder, `${iperf.name}.stderr`);
    const info = await stat(file).catch(() => undefined);
    if (info && info.size === 0) await rm(file);
  }
}

async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '');
}
