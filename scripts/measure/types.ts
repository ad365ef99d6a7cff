/** The shapes the measurement harness plans and runs. Plain data, so plans can be printed and tested. */

export const TECHNIQUES = ['bridge', 'routed', 'macvlan', 'nat', 'ovs'] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const SETUPS = ['one-server', 'n-servers', 'containers-x-clients'] as const;
export type Setup = (typeof SETUPS)[number];

/** How many emulated containers a configuration uses and how many iperf clients run in each client container. */
export interface Configuration {
  setup: Setup;
  servers: number;
  clientContainers: number;
  clientsPerContainer: number;
}

/** The validated request from the command line. */
export interface MeasureRequest {
  techniques: Technique[];
  /** The configurations to run for every technique, in order. */
  configurations: Configuration[];
  durationSeconds: number;
  repetitions: number;
  /** The run folder to write; it must not exist yet. */
  out: string;
  /** True when the techniques are the default set, so one whose tool is missing is skipped rather than fatal. */
  skipUnavailable: boolean;
}

/** A command as an argument vector, never a shell string, so no value is ever parsed by a shell. */
export type Argv = string[];

/** An iperf process of one repetition, with the file its output goes to. */
export interface IperfProcess {
  /** `server-s1`, `client-c2-p1`: the file name without extension. */
  name: string;
  namespace: string;
  argv: Argv;
  /** True when the process waits for a line on stdin before it runs iperf (see `heldUntilReleased`). */
  held: boolean;
}

/** A network of emulated containers for one technique and configuration. */
export interface Topology {
  technique: Technique;
  /** Every namespace the topology creates, so teardown can remove them even after a partial setup. */
  namespaces: string[];
  /** Commands run in order to build the network; the first failure stops the run. */
  setup: Argv[];
  /** Commands that remove what setup created outside the namespaces (OVS bridges); run even after failures. */
  teardown: Argv[];
  servers: IperfProcess[];
  clients: IperfProcess[];
}

/** One technique × configuration: build the network once, then run the iperf processes R times. */
export interface PlanStep {
  technique: Technique;
  configuration: Configuration;
  /** `one-server/2-clients`, relative to the technique folder. */
  folder: string;
  topology: Topology;
}

export interface Plan {
  request: MeasureRequest;
  /** Prefix of every namespace and host-side link name of this run, e.g. `nn-1a2b-`. */
  prefix: string;
  steps: PlanStep[];
}
