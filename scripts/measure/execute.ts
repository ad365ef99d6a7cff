import path from 'node:path';

import type { Logger } from '../log.ts';
import { repetitionFolder } from './naming.ts';
import { buildNetwork, removeNetwork } from './network.ts';
import { estimatePlanSeconds, estimateStepSeconds } from './plan.ts';
import { ProcessTable } from './processes.ts';
import type { Progress } from './progress.ts';
import { runRepetition, type Failure } from './repetition.ts';
import type { Runner } from './runner.ts';
import type { Plan, PlanStep } from './types.ts';

export interface ExecuteContext {
  plan: Plan;
  runner: Runner;
  /** The folder the technique folders go into. */
  folder: string;
  progress: Progress;
  /** Aborted on SIGHUP, SIGINT or SIGTERM: the run stops processes, removes its namespaces and raises the abort reason. */
  signal: AbortSignal;
  log: Logger;
}

const STOP_GRACE_MS = 3000;

/** Runs every step of a plan, removing each step's network and processes whether it succeeds, fails or is interrupted. */
export async function executePlan(context: ExecuteContext): Promise<Failure[]> {
  const { plan, progress, signal } = context;
  const processes = new ProcessTable(context.runner);
  const stopEverything = () => void processes.stopAll(STOP_GRACE_MS);
  signal.addEventListener('abort', stopEverything);
  progress.start(plan.steps.length * plan.request.repetitions, estimatePlanSeconds(plan));

  const failures: Failure[] = [];
  try {
    for (const step of plan.steps) failures.push(...(await runStep(context, processes, step)));
  } finally {
    signal.removeEventListener('abort', stopEverything);
    progress.stop();
  }
  return failures;
}

async function runStep(context: ExecuteContext, processes: ProcessTable, step: PlanStep): Promise<Failure[]> {
  const { plan, signal } = context;
  const { repetitions, durationSeconds } = plan.request;
  const estimate = estimateStepSeconds(step, plan.request) / repetitions;
  const failures: Failure[] = [];

  try {
    signal.throwIfAborted();
    await buildNetwork(context.runner, step.topology, signal);

    for (let repetition = 1; repetition <= repetitions; repetition += 1) {
      signal.throwIfAborted();
      context.progress.begin(`${step.technique} ${step.folder} ${repetitionFolder(repetition)}`);
      const folder = path.join(context.folder, step.technique, step.folder, repetitionFolder(repetition));
      const repetitionContext = { runner: context.runner, processes, step, repetition, folder, durationSeconds, signal };
      failures.push(...(await runRepetition(repetitionContext)));
      context.progress.done(estimate);
    }
  } finally {
    await processes.stopAll(STOP_GRACE_MS);
    await removeNetwork(context.runner, step.topology, plan.prefix, context.log);
  }
  return failures;
}
