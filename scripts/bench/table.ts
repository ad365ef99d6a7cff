import type { IngestBench } from './ingest.ts';
import type { Machine } from './machine.ts';
import type { BuildTimes } from './builds.ts';
import type { PosterTimes } from './poster.ts';
import type { PageWeight } from './weight.ts';

export interface BenchResults {
  builds: BuildTimes;
  ingest: IngestBench;
  poster: PosterTimes;
  weight: PageWeight;
}

export interface Row {
  measure: string;
  reference: string;
  value: string;
  goal: string;
  met: boolean;
}

const ratio = (value: number) => value.toFixed(2);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Computes each goal's ratio against its reference measured in the same run. */
export function benchRows({ builds, ingest, poster, weight }: BenchResults): Row[] {
  const noChange = builds.noChangeMs / builds.coldMs;
  const newRun = builds.newRunMs / builds.coldMs;
  const ingestTime = ingest.ours.seconds / ingest.pandas.seconds;
  const ingestMemory = ingest.ours.maxRssKiB / ingest.pandas.maxRssKiB;
  const posterRatio = poster.oursMs / poster.chromiumMs;
  return [
    { measure: 'no-change rebuild', reference: `cold build (${seconds(builds.coldMs)})`, value: `${ratio(noChange)} (${seconds(builds.noChangeMs)})`, goal: '≤ 0.10', met: noChange <= 0.1 },
    { measure: 'rebuild after one new run', reference: `cold build (${seconds(builds.coldMs)})`, value: `${ratio(newRun)} (${seconds(builds.newRunMs)})`, goal: '≤ 0.25', met: newRun <= 0.25 },
    {
      measure: `ingest of ${(ingest.bytes / 1e6).toFixed(0)} MB iperf 2 CSV, time`,
      reference: `pandas read_csv + groupby (${ingest.pandas.seconds.toFixed(1)} s)`,
      value: `${ratio(ingestTime)} (${ingest.ours.seconds.toFixed(1)} s)`,
      goal: '≤ 1.0',
      met: ingestTime <= 1,
    },
    {
      measure: 'ingest, peak RSS',
      reference: `pandas (${(ingest.pandas.maxRssKiB / 1024).toFixed(0)} MiB)`,
      value: `${ratio(ingestMemory)} (${(ingest.ours.maxRssKiB / 1024).toFixed(0)} MiB)`,
      goal: '≤ 0.2',
      met: ingestMemory <= 0.2,
    },
    { measure: 'poster PDF render', reference: `chromium --headless --print-to-pdf (${seconds(poster.chromiumMs)})`, value: `${ratio(posterRatio)} (${seconds(poster.oursMs)})`, goal: '≤ 1.3', met: posterRatio <= 1.3 },
    { measure: 'report page weight (HTML+CSS+SVG)', reference: '—', value: kb(weight.bytes), goal: '≤ 300 KB', met: weight.bytes <= 300 * 1024 },
    { measure: 'report page required JS', reference: `${kb(weight.scriptBytes)} loaded`, value: kb(weight.requiredScriptBytes), goal: '0 KB', met: weight.requiredScriptBytes === 0 },
  ];
}

/** Formats the rows as a Markdown table with a met/missed column. */
export function markdownTable(rows: Row[]): string {
  const lines = ['| measure | reference | measured | goal | result |', '|---|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${row.measure} | ${row.reference} | ${row.value} | ${row.goal} | ${row.met ? 'met' : '**missed**'} |`);
  return lines.join('\n');
}

export function machineLines(machine: Machine): string[] {
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- memory: ${machine.memoryGiB} GiB`,
    `- Node ${machine.node}, ${machine.chromium}`,
    `- ${machine.os}`,
  ];
}
