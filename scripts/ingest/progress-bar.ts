import { stat } from 'node:fs/promises';

import cliProgress from 'cli-progress';

import { readSoFar } from './progress.ts';

/** Below this many bytes a read is over before a bar would help. */
const MIN_BYTES = 32 * 1024 * 1024;
const MB = 1e6;

/**
 * Shows a bar of the megabytes read so far on a terminal, when the files add up to enough to
 * take a while. Returns the function that removes the bar.
 */
export async function showReadProgress(files: string[], stream: NodeJS.WriteStream = process.stderr): Promise<() => void> {
  if (!stream.isTTY) return () => {};
  const sizes = await Promise.all(files.map(async (file) => (await stat(file).catch(() => undefined))?.size ?? 0));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total < MIN_BYTES) return () => {};

  const bar = new cliProgress.SingleBar(
    { stream, format: 'reading {bar} {value} of {total} MB', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const start = readSoFar();
  const megabytes = () => Math.min(total, readSoFar() - start) / MB;
  bar.start(Math.round(total / MB), 0);
  const ticker = setInterval(() => bar.update(Math.round(megabytes())), 250);
  ticker.unref();
  return () => {
    clearInterval(ticker);
    bar.stop();
  };
}
