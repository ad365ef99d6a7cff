import { compareConfigurations, configurationLabel, SETUPS, type Configuration, type Setup } from '../ingest/layout.ts';
import { summarize, type Stats } from './stats.ts';
import type { Repetition } from './throughput.ts';

/** One cell of the results: a run × technique × setup × configuration across its repetitions. */
export interface ConfigurationSummary {
  run: string;
  technique: string;
  setup: Setup;
  configurationId: string;
  configuration: Configuration;
  label: string;
  /** Repetitions behind the numbers; undefined for published numbers, whose repetitions are unknown. */
  repetitions?: number;
  perClient: Stats;
  perContainer: Stats;
  aggregate: Stats;
}

/** Combines the repetitions of each configuration into means, ranges and confidence intervals. */
export function summarizeRun(runId: string, repetitions: readonly Repetition[]): ConfigurationSummary[] {
  const groups = new Map<string, Repetition[]>();
  for (const repetition of repetitions) {
    const key = [repetition.technique, repetition.setup, repetition.configurationId].join('/');
    groups.set(key, [...(groups.get(key) ?? []), repetition]);
  }

  const summaries = [...groups.values()].map((group): ConfigurationSummary => {
    const [first] = group;
    return {
      run: runId,
      technique: first.technique,
      setup: first.setup,
      configurationId: first.configurationId,
      configuration: first.configuration,
      label: configurationLabel(first.setup, first.configuration),
      repetitions: group.length,
      perClient: summarize(group.map((r) => r.perClient)),
      perContainer: summarize(group.map((r) => r.perContainer)),
      aggregate: summarize(group.map((r) => r.aggregate)),
    };
  });
  return summaries.sort(compareSummaries);
}

/** Orders summaries by run, setup (in the study's order), technique and configuration. */
export function compareSummaries(a: ConfigurationSummary, b: ConfigurationSummary): number {
  return (
    a.run.localeCompare(b.run) ||
    SETUPS.indexOf(a.setup) - SETUPS.indexOf(b.setup) ||
    a.technique.localeCompare(b.technique) ||
    compareConfigurations(a.configuration, b.configuration)
  );
}
