import { configurationLabel } from '../ingest/layout.ts';
import type { PublishedCell } from '../ingest/published.ts';
import type { Stats } from './stats.ts';
import { compareSummaries, type ConfigurationSummary } from './summary.ts';

export const PUBLISHED_RUN = 'published-2014';

/**
 * Turns published cells into summaries. The 2014 study labelled every number "average per
 * container", but its containers-x-clients numbers only add up as averages per iperf client
 * (1×16 reads 1.07 and 16×16 reads 0.04), so they are read as per-client numbers there. In the
 * other two setups each container runs one client, so both readings agree.
 */
export function publishedSummaries(cells: readonly PublishedCell[], run = PUBLISHED_RUN): ConfigurationSummary[] {
  return cells
    .map((cell): ConfigurationSummary => {
      const { clientContainers, clientsPerContainer, serverContainers } = cell.configuration;
      const perClient = cell.gbps;
      return {
        run,
        technique: cell.technique,
        setup: cell.setup,
        configurationId: configurationId(cell),
        configuration: cell.configuration,
        label: configurationLabel(cell.setup, cell.configuration),
        perClient: single(perClient),
        perContainer: single(perClient * clientsPerContainer),
        aggregate: single(perClient * clientsPerContainer * clientContainers),
      };

      function configurationId(c: PublishedCell): string {
        if (c.setup === 'one-server') return `${clientContainers}-clients`;
        if (c.setup === 'n-servers') return `${serverContainers}-servers-${clientContainers}-clients`;
        return `${clientContainers}x${clientsPerContainer}`;
      }
    })
    .sort(compareSummaries);
}

function single(value: number): Stats {
  return { n: 1, mean: value, min: value, max: value };
}
