import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { fixture, tempFile } from './helpers.ts';

// The progress bar is drawn only on a terminal. `script` runs the command on a pseudo-terminal.
const cli = new URL('../../scripts/cli.ts', import.meta.url).pathname;

async function largeLog(): Promise<string> {
  const rows = readFileSync(fixture('netns/sixteen-clients/server-s1.csv'), 'utf8').trimEnd();
  const block = `${Array.from({ length: 64 }, () => rows).join('\n')}\n`;
  return tempFile('server-s1.csv', block.repeat(Math.ceil(40e6 / block.length)));
}

describe('ingest progress', () => {
  it('shows megabytes read on a terminal', async () => {
    const path = await largeLog();
    const command = `${process.execPath} --import tsx ${cli} ingest ${path}`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/reading .* of 40 MB/);
    expect(result.stdout).toMatch(/1 file\(s\): 1 parsed, 0 skipped, 0 rejected/);
  });

  it('stays silent in a pipe', async () => {
    const path = await largeLog();
    const result = spawnSync(process.execPath, ['--import', 'tsx', cli, 'ingest', path], { encoding: 'utf8', timeout: 60_000 });

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
