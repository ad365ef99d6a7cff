import type { Argv } from './types.ts';

/** iperf 2's well-known port; every server listens on it. */
export const IPERF_PORT = 5001;

export function addNamespace(namespace: string): Argv {
  return ['ip', 'netns', 'add', namespace];
}

export function deleteNamespace(namespace: string): Argv {
  return ['ip', 'netns', 'delete', namespace];
}

/** Runs a program inside a namespace; `ip netns exec` replaces itself with the program, so its PID is the program's. */
export function inNamespace(namespace: string, argv: Argv): Argv {
  return ['ip', 'netns', 'exec', namespace, ...argv];
}

/** Runs `ip` against a namespace's network stack. */
export function ipIn(namespace: string, ...args: string[]): Argv {
  return ['ip', '-n', namespace, ...args];
}

/** Creates a veth pair with each end already in its namespace, so no link ever appears in the host namespace. */
export function vethPair(name: string, namespace: string, peer: string, peerNamespace: string): Argv {
  return ['ip', 'link', 'add', name, 'netns', namespace, 'type', 'veth', 'peer', 'name', peer, 'netns', peerNamespace];
}

export function enableForwarding(namespace: string): Argv {
  return inNamespace(namespace, ['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
}

export function iptablesIn(namespace: string, ...args: string[]): Argv {
  return inNamespace(namespace, ['iptables', ...args]);
}

/** Returns the study's server command plus `-y C`. With `-i 1` the server logs each second of every client. */
export function iperfServer(): Argv {
  return ['iperf', '-s', '-p', String(IPERF_PORT), '-y', 'C', '-i', '1'];
}

/** Returns the study's client command plus `-y C` for CSV output, in the shipped run's argument order. */
export function iperfClient(address: string, port: number | string, durationSeconds: number): Argv {
  return ['iperf', '-c', address, '-P', '1', '-i', '1', '-p', String(port), '-f', 'g', '-t', String(durationSeconds), '-y', 'C'];
}

/**
 * Wraps a command so it waits for one line on stdin before `exec` replaces the shell with it,
 * keeping the PID. Starting hundreds of clients one by one takes seconds, during which the
 * first ones would already send; held clients are all started, then released together. A
 * shell whose stdin closes without that line (the harness died) exits without running the command.
 */
export function heldUntilReleased(argv: Argv): Argv {
  return ['sh', '-c', 'read -r go && exec "$@"', 'sh', ...argv];
}

/** Formats a command for the manifest and messages, quoting any argument a POSIX shell would split or expand. */
export function formatCommand(argv: Argv): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`)).join(' ');
}
