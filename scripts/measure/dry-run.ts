import { estimatePlanSeconds, estimateStepSeconds } from './plan.ts';
import { formatSeconds } from './progress.ts';
import type { Plan } from './types.ts';

/** Formats the plan as the table `--dry-run` prints: one row per technique × configuration, then the total. */
export function formatPlan(plan: Plan): string[] {
  const { request } = plan;
  const header = ['technique', 'configuration', 'containers', 'clients', 'estimate'];
  const rows = plan.steps.map((step) => [
    step.technique,
    step.folder,
    String(step.configuration.servers + step.configuration.clientContainers),
    String(step.topology.clients.length),
    formatSeconds(estimateStepSeconds(step, request)),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();

  return [
    `plan: ${request.techniques.length} technique(s) × ${request.configurations.length} configuration(s) × ` +
      `${request.repetitions} repetition(s) of ${request.durationSeconds} s into ${request.out}`,
    format(header),
    ...rows.map(format),
    `expected duration: about ${formatSeconds(estimatePlanSeconds(plan))}`,
  ];
}
