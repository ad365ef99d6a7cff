import { describe, expect, it } from 'vitest';

import { summarize } from '../../scripts/analyze/stats.ts';

describe('summarize', () => {
  it('gives no interval for a single repetition', () => {
    const stats = summarize([14.6]);
    expect(stats).toEqual({ n: 1, mean: 14.6, min: 14.6, max: 14.6 });
    expect(stats.ci95).toBeUndefined();
  });

  it('uses the t quantile with n - 1 degrees of freedom', () => {
    // Two values 1 and 3: mean 2, sd √2, t(0.975, 1) = 12.7062047361747, half-width 12.7062 · √2 / √2.
    const stats = summarize([1, 3]);
    expect(stats.mean).toBe(2);
    expect(stats.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(stats.ci95!.low).toBeCloseTo(2 - 12.7062047361747, 9);
    expect(stats.ci95!.high).toBeCloseTo(2 + 12.7062047361747, 9);
  });

  it('rejects an empty list rather than returning 0', () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});
