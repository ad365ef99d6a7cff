import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { fixture } from './helpers.ts';

const cli = new URL('../../scripts/cli.ts', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, 'ingest', ...args], { encoding: 'utf8' });

describe('netnotes ingest', () => {
  it('prints the JSON document and exits 0 when nothing was rejected', () => {
    const result = run('--json', fixture('netns/one-client'), fixture('netns/README.md'));
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { files: Array<Record<string, unknown>> };
    expect(report.files.map((f) => [String(f.path).split('/').pop(), f.status])).toEqual([
      ['client-c1-p1.csv', 'parsed'],
      ['server-s1.csv', 'parsed'],
      ['README.md', 'skipped'],
    ]);
    // client-c1-p1.csv line 6: 0.0-5.0, 9142796348 bytes, 14605257639 bit/s.
    expect(report.files[0]).toMatchObject({
      format: 'iperf2-csv',
      records: 6,
      streams: [{ gbps: 14.605257639, seconds: 5, bytes: 9142796348 }],
      errors: [],
    });
    expect(report.files[2].reason).toMatch(/not an iperf log/);
  });

  it('exits 1 and lists file:line:column when a file is rejected', () => {
    const result = run(fixture('shared/iperf3/refused.json'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/refused\.json:1:1: iperf 3 reported an error: unable to connect/);
    expect(result.stdout).toMatch(/1 file\(s\): 0 parsed, 0 skipped, 1 rejected/);
  });

  it('exits 2 on a path that does not exist', () => {
    const result = run(fixture('no-such-folder'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no such file or folder/);
  });
});
