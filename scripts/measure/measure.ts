import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { UsageError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { formatPlan } from './dry-run.ts';
import { executePlan } from './execute.ts';
import { readHostFacts } from './host.ts';
import { buildManifest } from './manifest.ts';
import { localDate, runPrefix } from './naming.ts';
import { removeNetwork } from './network.ts';
import { buildPlan, estimatePlanSeconds } from './plan.ts';
import { preflight, type HostProbe } from './preflight.ts';
import { formatSeconds, type Progress } from './progress.ts';
import type { Failure } from './repetition.ts';
import type { Runner } from './runner.ts';
import type { MeasureRequest } from './types.ts';

export interface MeasureEffects {
  runner: Runner;
  probe: HostProbe;
  log: Logger;
  progress: Progress;
  /** Output function for the plan that `--dry-run` prints. */
  print(line: string): void;
  now(): Date;
  /** This process's id, which names the run's namespaces. */
  pid: number;
  signal: AbortSignal;
}

/**
 * Measures a run: checks the machine, then runs the plan into a hidden staging folder beside the
 * run folder. The staging folder is renamed into place once the manifest is written, so a failed
 * or interrupted run leaves neither a half-written run nor any of its namespaces.
 */
export async function measure(request: MeasureRequest, dryRun: boolean, effects: MeasureEffects): Promise<Failure[]> {
  const { log } = effects;
  const staging = path.join(path.dirname(request.out), `.${path.basename(request.out)}.partial`);
  const check = await preflight(request, staging, effects.probe);
  for (const warning of check.warnings) log.warn(warning);
  const plan = buildPlan({ ...request, techniques: check.techniques }, runPrefix(effects.pid));

  if (dryRun) {
    for (const line of formatPlan(plan)) effects.print(line);
    for (const problem of check.problems) log.warn(`a real run would stop: ${problem}`);
    return [];
  }
  if (check.problems.length > 0) throw new UsageError(check.problems.join('\nerror: '));

  const started = effects.now();
  const host = await readHostFacts(effects.runner);
  await mkdir(path.dirname(request.out), { recursive: true });
  await mkdir(staging);
  log.step('measuring', `${plan.steps.length} configuration(s) × ${request.repetitions} repetition(s) into ${request.out}, about ${formatSeconds(estimatePlanSeconds(plan))}`);
  log.info(`namespaces and host links of this run start with ${plan.prefix}`);

  try {
    const failures = await executePlan({ plan, runner: effects.runner, folder: staging, progress: effects.progress, signal: effects.signal, log });
    const manifest = buildManifest({ run: path.basename(request.out), date: localDate(started), host, plan, unavailable: check.unavailable, failures });
    await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(staging, request.out);
    reportFailures(failures, log);
    log.step('measured', `${plan.steps.length} configuration(s) into ${request.out}`, effects.now().getTime() - started.getTime());
    return failures;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    log.info(`removed the incomplete run folder ${staging}`);
    throw effects.signal.aborted ? effects.signal.reason : error;
  } finally {
    await removeNetwork(effects.runner, undefined, plan.prefix, log);
  }
}

function reportFailures(failures: Failure[], log: Logger): void {
  for (const failure of failures) {
    const where = `${failure.technique}/${failure.setup}/${failure.configuration}/rep-${failure.repetition}/${failure.process}`;
    const stderr = failure.stderr.trim() ? `: ${failure.stderr.trim().split('\n')[0]}` : '';
    log.warn(`${where} failed (${failure.reason})${stderr}`);
  }
  if (failures.length > 0) log.warn(`${failures.length} iperf process(es) failed; the manifest lists each with its stderr`);
}
