import { readFile } from 'node:fs/promises';
import os from 'node:os';

import type { Runner } from './runner.ts';

/** Facts about the machine a run was measured on, as the run manifest records them. */
export interface HostFacts {
  /** e.g. `iperf 2.1.8 (12 August 2022) pthreads`. */
  tool: string;
  kernel: string;
  cpu: string;
  memory: string;
  os: string;
}

/** Reads the iperf version from `iperf -v`, which iperf 2 prints on stderr, e.g. `iperf version 2.1.8 (12 August 2022) pthreads`. */
export async function iperfVersion(runner: Runner): Promise<string> {
  const result = await runner.run(['iperf', '-v']);
  return `${result.stdout}${result.stderr}`.trim().replace(/^iperf version /, 'iperf ');
}

export async function readHostFacts(runner: Runner): Promise<HostFacts> {
  const cpus = os.cpus();
  return {
    tool: await iperfVersion(runner),
    kernel: os.release(),
    cpu: `${cpus[0]?.model.trim() ?? 'unknown model'}, ${cpus.length} CPUs`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: await osName(),
  };
}

/** Returns PRETTY_NAME from /etc/os-release (e.g. `Debian GNU/Linux 12 (bookworm)`), or the kernel's name without one. */
async function osName(): Promise<string> {
  const text = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const match = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text);
  return match ? match[1] : `${os.type()} (no /etc/os-release)`;
}
