import { describe, expect, it } from 'vitest';

import { fixture } from './fake-runner.ts';
import { csvLines, iperfRowProblems } from './iperf-csv.ts';

// The root tests judge the harness's logs with this checker, so it must accept what iperf really writes.
describe('iperfRowProblems', () => {
  it.each(['tcp-client.csv', 'tcp-server.csv', 'tcp-t1-client.csv', 'netns-2026-12-bridge-2-clients-server-s1.csv'])('accepts every row of %s', (name) => {
    const lines = csvLines(fixture(name));

    expect(lines.length).toBeGreaterThan(1);
    expect(lines.flatMap(iperfRowProblems)).toEqual([]);
  });

  it('names what is wrong in a malformed row', () => {
    expect(iperfRowProblems('20261204153321,127.0.0.1,53504,127.0.0.1,15001,1,0.0-1.0,2375548988')).toEqual(['expected 9 fields, found 8']);
    expect(iperfRowProblems('2026-12-04,127.0.0.1,53504,127.0.0.1,15001,1,0.0-1.0,2375548988,0')).toEqual([
      'timestamp "2026-12-04" is not YYYYMMDDhhmmss',
      'bits per second "0" is not positive',
    ]);
  });
});
