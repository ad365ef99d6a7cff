import { createRequire } from 'node:module';

// The t quantile package takes a tenth of a second to load. It is required on first use, so a
// rebuild that reuses every run's analysis never loads it.
const require = createRequire(import.meta.url);
let tQuantile: ((p: number, v: number) => number) | undefined;

/** Mean, spread and 95 % confidence interval of one quantity across repetitions. */
export interface Stats {
  n: number;
  mean: number;
  min: number;
  max: number;
  /** Sample standard deviation; absent for a single value. */
  sd?: number;
  /**
   * Two-sided 95 % confidence interval of the mean (Student t with n − 1 degrees of freedom).
   * It is absent for a single repetition, where no interval can be computed.
   */
  ci95?: { low: number; high: number };
}

/** Summarizes values measured once per repetition. Throws on an empty list: a mean of nothing is no number. */
export function summarize(values: readonly number[]): Stats {
  if (values.length === 0) throw new RangeError('summarize() needs at least one value');
  const n = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const stats: Stats = { n, mean, min: Math.min(...values), max: Math.max(...values) };
  if (n < 2) return stats;

  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  tQuantile ??= require('@stdlib/stats-base-dists-t-quantile') as (p: number, v: number) => number;
  const halfWidth = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return { ...stats, sd, ci95: { low: mean - halfWidth, high: mean + halfWidth } };
}
