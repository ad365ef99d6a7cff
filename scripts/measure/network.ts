import type { Logger } from '../log.ts';
import { deleteNamespace, formatCommand } from './commands.ts';
import type { CommandResult, Runner } from './runner.ts';
import type { Argv, Topology } from './types.ts';

/** Raised when a command that builds the network fails; the run stops and everything is removed. */
export class CommandFailedError extends Error {
  constructor(argv: Argv, result: CommandResult) {
    const status = result.signal ? `signal ${result.signal}` : `exit status ${result.exitCode}`;
    const detail = result.stderr.trim() || 'no output on stderr';
    super(`command failed with ${status}: ${formatCommand(argv)}\n  ${detail}`);
    this.name = 'CommandFailedError';
  }
}

export async function runChecked(runner: Runner, argv: Argv): Promise<CommandResult> {
  const result = await runner.run(argv);
  if (result.exitCode !== 0) throw new CommandFailedError(argv, result);
  return result;
}

/** Runs a topology's setup commands in order, checking for an interrupt between commands. */
export async function buildNetwork(runner: Runner, topology: Topology, signal: AbortSignal): Promise<void> {
  for (const argv of topology.setup) {
    signal.throwIfAborted();
    await runChecked(runner, argv);
  }
}

/**
 * Removes what a topology created: first its teardown commands, then every namespace whose name
 * starts with the run's prefix. Listing the namespaces rather than trusting the plan also removes
 * those of a setup that failed half-way. Failures are logged, not raised, so cleanup goes on.
 */
export async function removeNetwork(runner: Runner, topology: Topology | undefined, prefix: string, log: Logger): Promise<void> {
  for (const argv of topology?.teardown ?? []) {
    const result = await runner.run(argv);
    if (result.exitCode !== 0) log.warn(`cleanup command failed: ${formatCommand(argv)}: ${result.stderr.trim()}`);
  }

  for (const namespace of await listNamespaces(runner, prefix, log)) {
    const result = await runner.run(deleteNamespace(namespace));
    if (result.exitCode !== 0) log.warn(`could not delete namespace ${namespace}: ${result.stderr.trim()}`);
  }
}

/** Returns the names of the namespaces that start with `prefix`. */
export async function listNamespaces(runner: Runner, prefix: string, log: Logger): Promise<string[]> {
  const result = await runner.run(['ip', 'netns', 'list']);
  if (result.exitCode !== 0) {
    log.warn(`could not list namespaces: ${result.stderr.trim()}`);
    return [];
  }
  return namespacesWithPrefix(result.stdout, prefix);
}

/** Reads `ip netns list` output, whose lines look like `nn-1a2b-sw (id: 3)` or just `nn-1a2b-sw`. */
export function namespacesWithPrefix(listing: string, prefix: string): string[] {
  return listing
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter((name) => name.startsWith(prefix));
}
