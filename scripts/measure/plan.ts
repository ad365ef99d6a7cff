import { configurationFolder } from './naming.ts';
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
 * Time costs of the work around iperf, in seconds. Estimates measured on a 2-vCPU virtual machine
 * (Linux 6.18); they only feed the dry run's total and the progress bar's ETA.
 */
export const OVERHEAD = {
  /** One `ip` or `iptables` command of a setup. */
  command: 0.004,
  /** Deleting one namespace at teardown. */
  namespace: 0.01,
  /** Starting the servers and waiting until they listen. */
  serverStart: 0.1,
  /** How long servers keep running after the last client ends, so they log its final rows. */
  serverGrace: 0.5,
  /** Time per client process to start and to end beyond its `-t` duration. */
  client: 0.01,
};

/** Estimates the seconds one step takes: building its network once, then every repetition. */
export function estimateStepSeconds(step: PlanStep, request: MeasureRequest): number {
  const { topology } = step;
  const network = topology.setup.length * OVERHEAD.command + topology.namespaces.length * OVERHEAD.namespace;
  const repetition = OVERHEAD.serverStart + request.durationSeconds + topology.clients.length * OVERHEAD.client + OVERHEAD.serverGrace;
  return network + request.repetitions * repetition;
}

export function estimatePlanSeconds(plan: Plan): number {
  return plan.steps.reduce((total, step) => total + estimateStepSeconds(step, plan.request), 0);
}
