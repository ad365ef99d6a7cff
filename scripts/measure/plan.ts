import { configurationFolder } from './naming.ts';
import { SERVER_GRACE_MS } from './repetition.ts';
import { buildTopology } from './topology.ts';
import type { MeasureRequest, Plan, PlanStep } from './types.ts';

/** Builds every technique × configuration step of a run, in the order they will run. */
export function buildPlan(request: MeasureRequest, prefix: string): Plan {
  const steps: PlanStep[] = [];
  for (const technique of request.techniques) {
    for (const configuration of request.configurations) {
      steps.push({
        technique,
        configuration,
        folder: `${configuration.setup}/${configurationFolder(configuration)}`,
        topology: buildTopology(technique, configuration, prefix, request.durationSeconds),
      });
    }
  }
  return { request, prefix, steps };
}

/**
 * Time costs of the work around iperf, in seconds, measured with DEBUG=netnotes:measure on a
 * 2-vCPU virtual machine (Linux 6.18, iperf 2.1.8). They only feed the dry run's total and the
 * progress bar's ETA, which scales them by the pace of the repetitions already done.
 */
export const OVERHEAD = {
  /** One `ip`, `iptables` or `sysctl` command of a network setup, or one namespace deleted at teardown. */
  command: 0.004,
  /** Starting the servers and seeing them listen. */
  serverStart: 0.1,
  /** How far the clients run past their `-t` duration before they exit. */
  clientOverrun: 0.15,
  /** Per client process, for starting it and for the CPU it takes from the others (about 8 s for 256 clients). */
  client: 0.03,
  /** The wait after the last client ends (the harness's own grace period) plus iperf's time to exit on SIGTERM. */
  serverStop: SERVER_GRACE_MS / 1000 + 0.5,
};

/** Estimates the seconds one step takes: building its network once, then every repetition. */
export function estimateStepSeconds(step: PlanStep, request: MeasureRequest): number {
  const { topology } = step;
  const network = (topology.setup.length + topology.namespaces.length) * OVERHEAD.command;
  const clients = OVERHEAD.clientOverrun + topology.clients.length * OVERHEAD.client;
  const repetition = OVERHEAD.serverStart + request.durationSeconds + clients + OVERHEAD.serverStop;
  return network + request.repetitions * repetition;
}

export function estimatePlanSeconds(plan: Plan): number {
  return plan.steps.reduce((total, step) => total + estimateStepSeconds(step, plan.request), 0);
}
