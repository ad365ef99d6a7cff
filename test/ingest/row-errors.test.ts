import { describe, expect, it } from 'vitest';

import { readDecimal } from '../../scripts/ingest/numbers.ts';

// A bad field can be megabytes long: a line of garbage can be up to 16 Mi characters.

describe('numbers in a long bad field', () => {
  it('rejects 60k digits quickly', () => {
    // A regular expression that can split a run of digits in many ways takes time quadratic in
    // its length: 2 s for these 60 001 characters (2 cores), and by estimate two days for 16 Mi of them.
    const started = performance.now();
    expect(readDecimal(`${'9'.repeat(60_000)}x`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(300);
  });
});
