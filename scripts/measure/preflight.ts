import { access, constants } from 'node:fs/promises';
import path from 'node:path';

import { iperfVersion } from './host.ts';
import { NAME_PREFIX, pidOfName } from './naming.ts';
import { namespacesWithPrefix } from './network.ts';
import type { Runner } from './runner.ts';
import { TECHNIQUE_INFO } from './techniques/index.ts';
import type { MeasureRequest, Technique } from './types.ts';

/** Access to the machine for preflight's checks; tests pass a fake. */
export interface HostProbe {
  runner: Runner;
  isRoot(): boolean;
  /** Returns the path of an executable on PATH, or undefined. */
  findTool(name: string): Promise<string | undefined>;
  exists(file: string): Promise<boolean>;
  /** Tells whether a process with this PID is running. */
  isAlive(pid: number): boolean;
}

export interface PreflightResult {
  /** The requested techniques that can run here. */
  techniques: Technique[];
  unavailable: Partial<Record<Technique, string>>;
  /** Reasons the run cannot start; empty when it can. */
  problems: string[];
  warnings: string[];
}

/** The Debian package that provides each program the harness runs. */
const PACKAGES: Record<string, string> = {
  ip: 'iproute2',
  ss: 'iproute2',
  iperf: 'iperf',
  iptables: 'iptables',
  sysctl: 'procps',
  'ovs-vsctl': 'openvswitch-switch',
};

/** Checks everything a run needs before it touches the machine, collecting every problem at once. */
export async function preflight(request: MeasureRequest, staging: string, probe: HostProbe): Promise<PreflightResult> {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (!probe.isRoot()) problems.push('netnotes measure must run as root, because it creates network namespaces; run it with sudo');

  const missing: string[] = [];
  for (const tool of ['ip', 'ss', 'iperf']) if (!(await probe.findTool(tool))) missing.push(tool);
  problems.push(...missing.map(missingTool));
  if (!missing.includes('iperf')) {
    const version = await iperfVersion(probe.runner);
    if (!/^iperf 2\./.test(version)) problems.push(`iperf 2 is required, but \`iperf -v\` printed "${version}"; install it with: apt-get install iperf`);
  }

  const unavailable = await findUnavailable(request.techniques, probe);
  for (const [technique, reason] of Object.entries(unavailable)) {
    const message = `technique ${technique} is unavailable: ${reason}`;
    if (request.skipUnavailable) warnings.push(`${message}; skipping it`);
    else problems.push(message);
  }
  const techniques = request.techniques.filter((technique) => !(technique in unavailable));
  if (techniques.length === 0 && request.skipUnavailable) problems.push('none of the techniques can run on this machine');

  if (await probe.exists(request.out)) problems.push(`run folder ${request.out} already exists; runs are never overwritten, so choose another --out`);
  if (await probe.exists(staging)) problems.push(`${staging} exists, left by an interrupted run; remove it before measuring again`);
  if (probe.isRoot() && !missing.includes('ip')) warnings.push(...(await findLeftovers(probe)));

  return { techniques, unavailable, problems, warnings };
}

function missingTool(tool: string): string {
  return `${tool} not found on PATH; install it with: apt-get install ${PACKAGES[tool]}`;
}

async function findUnavailable(techniques: Technique[], probe: HostProbe): Promise<Partial<Record<Technique, string>>> {
  const unavailable: Partial<Record<Technique, string>> = {};
  for (const technique of techniques) {
    const missing: string[] = [];
    for (const tool of TECHNIQUE_INFO[technique].tools) if (!(await probe.findTool(tool))) missing.push(tool);
    if (missing.length > 0) unavailable[technique] = missing.map(missingTool).join('; ');
    else if (technique === 'ovs') {
      const reason = await checkOvsDaemon(probe.runner);
      if (reason) unavailable[technique] = reason;
    }
  }
  return unavailable;
}

/** ovs-vsctl can be installed while ovs-vswitchd is stopped or the kernel lacks the openvswitch module. */
async function checkOvsDaemon(runner: Runner): Promise<string | undefined> {
  const result = await runner.run(['ovs-vsctl', '--timeout=5', 'show']);
  if (result.exitCode === 0) return undefined;
  return `ovs-vsctl cannot reach ovs-vswitchd (${result.stderr.trim() || `exit status ${result.exitCode}`}); start it with: service openvswitch-switch start`;
}

/** Finds namespaces of earlier runs whose process is gone, as a SIGKILL or a crash can leave them. */
async function findLeftovers(probe: HostProbe): Promise<string[]> {
  const result = await probe.runner.run(['ip', 'netns', 'list']);
  if (result.exitCode !== 0) return [];

  const orphans = namespacesWithPrefix(result.stdout, NAME_PREFIX).filter((name) => {
    const pid = pidOfName(name);
    return pid !== undefined && !probe.isAlive(pid);
  });
  if (orphans.length === 0) return [];
  return [`${orphans.length} namespace(s) left by an earlier run that was killed: ${orphans.join(' ')}; remove each with: ip netns delete NAME`];
}

/** Returns a probe that checks this machine. */
export function systemProbe(runner: Runner): HostProbe {
  return {
    runner,
    isRoot: () => process.getuid?.() === 0,
    findTool: async (name) => {
      for (const folder of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
        const file = path.join(folder, name);
        if (await access(file, constants.X_OK).then(() => true, () => false)) return file;
      }
      return undefined;
    },
    exists: (file) => access(file).then(() => true, () => false),
    isAlive: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  };
}
