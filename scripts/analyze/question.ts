import type { Stats } from './stats.ts';
import type { ConfigurationSummary } from './summary.ts';

/** The 2014 study's question: do the same clients give more throughput spread over containers than packed into one? */
export interface SpreadComparison {
  technique: string;
  clients: number;
  /** All clients in one container (1×K). */
  packed: Stats;
  /** One client in each of K containers (K×1). */
  spread: Stats;
  /** spread.mean / packed.mean, for aggregate throughput. */
  ratio: number;
  /** True when the 95 % intervals of the two do not overlap; undefined when either has no interval. */
  separated?: boolean;
}

/** Compares 1×K with K×1 aggregate throughput for each technique of a run, for every K measured both ways. */
export function compareSpread(summaries: readonly ConfigurationSummary[]): SpreadComparison[] {
  const cells = summaries.filter((s) => s.setup === 'containers-x-clients');
  const comparisons: SpreadComparison[] = [];
  for (const packed of cells) {
    const { clientContainers, clientsPerContainer } = packed.configuration;
    if (clientContainers !== 1 || clientsPerContainer === 1) continue;
    const spread = cells.find(
      (s) =>
        s.technique === packed.technique &&
        s.configuration.clientContainers === clientsPerContainer &&
        s.configuration.clientsPerContainer === 1,
    );
    if (!spread) continue;
    comparisons.push({
      technique: packed.technique,
      clients: clientsPerContainer,
      packed: packed.aggregate,
      spread: spread.aggregate,
      ratio: spread.aggregate.mean / packed.aggregate.mean,
      separated: separated(packed.aggregate, spread.aggregate),
    });
  }
  return comparisons;
}

function separated(a: Stats, b: Stats): boolean | undefined {
  if (!a.ci95 || !b.ci95) return undefined;
  return a.ci95.high < b.ci95.low || b.ci95.high < a.ci95.low;
}

/** How the comparisons came out, counted by whether the 95 % intervals separate the two layouts. */
export interface SpreadVerdict {
  spreadHigher: number;
  packedHigher: number;
  /** Intervals overlap (or are missing): the data cannot tell the layouts apart. */
  undecided: number;
}

export function spreadVerdict(comparisons: readonly SpreadComparison[]): SpreadVerdict {
  const verdict: SpreadVerdict = { spreadHigher: 0, packedHigher: 0, undecided: 0 };
  for (const comparison of comparisons) {
    if (!comparison.separated) verdict.undecided += 1;
    else if (comparison.ratio > 1) verdict.spreadHigher += 1;
    else verdict.packedHigher += 1;
  }
  return verdict;
}
