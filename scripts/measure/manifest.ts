import { formatCommand, iperfClient, iperfServer } from './commands.ts';
import type { HostFacts } from './host.ts';
import { configurationFolder } from './naming.ts';
import type { Failure } from './repetition.ts';
import { TECHNIQUE_INFO } from './techniques/index.ts';
import type { Plan, Technique } from './types.ts';

/** The run manifest: the fields of the shipped netns-2026-12 manifest, then the exact commands and the failures. */
export interface Manifest {
  run: string;
  date: string;
  tool: string;
  kernel: string;
  cpu: string;
  memory: string;
  os: string;
  duration_seconds: number;
  repetitions: number;
  server_command: string;
  client_command: string;
  techniques: Record<string, { emulates: string; how: string }>;
  /** Techniques asked for but not run, with the reason. */
  unavailable: Record<string, string>;
  commands: StepCommands[];
  failures: Failure[];
}

/** Every command one technique × configuration ran: the network setup, then the iperf processes of each repetition. */
export interface StepCommands {
  technique: string;
  setup: string;
  configuration: string;
  network: string[];
  servers: string[];
  clients: string[];
  cleanup: string[];
}

export interface ManifestInput {
  run: string;
  /** Local calendar date the run started, `YYYY-MM-DD`. */
  date: string;
  host: HostFacts;
  plan: Plan;
  unavailable: Partial<Record<Technique, string>>;
  failures: Failure[];
}

export function buildManifest(input: ManifestInput): Manifest {
  const { plan } = input;
  const { request } = plan;
  const techniques = Object.fromEntries(
    request.techniques.map((technique) => [technique, { emulates: TECHNIQUE_INFO[technique].emulates, how: TECHNIQUE_INFO[technique].how }]),
  );

  return {
    run: input.run,
    date: input.date,
    ...input.host,
    duration_seconds: request.durationSeconds,
    repetitions: request.repetitions,
    server_command: formatCommand(iperfServer()),
    client_command: formatCommand(iperfClient('SERVER', 'PORT', request.durationSeconds)),
    techniques,
    unavailable: { ...input.unavailable },
    commands: plan.steps.map((step) => ({
      technique: step.technique,
      setup: step.configuration.setup,
      configuration: configurationFolder(step.configuration),
      network: step.topology.setup.map(formatCommand),
      servers: step.topology.servers.map((server) => formatCommand(server.argv)),
      clients: step.topology.clients.map((client) => formatCommand(client.argv)),
      cleanup: [...step.topology.teardown.map(formatCommand), `ip netns delete NAME for every namespace starting with ${plan.prefix}`],
    })),
    failures: input.failures,
  };
}
