/**
 * Child process of `netnotes bench ingest`. It folds one log through the streaming event iterator
 * into a per-stream mean of bits per second, as the pandas side does with groupby. Then it prints
 * a JSON line with the counts and its own peak resident memory.
 */
import { openLog } from '../ingest/index.ts';
import { StreamGroups } from '../ingest/stream-groups.ts';

const path = process.argv[2];
const opened = await openLog(path);
if ('skip' in opened) throw new Error(`${path} was skipped: ${opened.skip}`);

const streams = new StreamGroups(() => ({ sum: 0, count: 0 }));
let records = 0;
let errors = 0;
for await (const batch of opened.batches) {
  for (const event of batch) {
    if (event.kind === 'error') errors += 1;
    if (event.kind !== 'record') continue;
    records += 1;
    const group = streams.of(event.record);
    group.sum += event.record.bitsPerSecond;
    group.count += 1;
  }
}
const groups = streams.groups();
const means = groups.map((group) => group.sum / group.count);
const meanOfMeans = means.reduce((total, mean) => total + mean, 0) / means.length;
process.stdout.write(`${JSON.stringify({ records, errors, groups: groups.length, meanOfMeans, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
