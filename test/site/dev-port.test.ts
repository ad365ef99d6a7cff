import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ROOT } from './temp-project.ts';

function dev(port: string) {
  const cli = path.join(ROOT, 'scripts/netnotes.js');
  return spawnSync(process.execPath, [cli, 'dev', '--port', port], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
}

// Each value is rejected before the server starts, so no test here listens on a port.
describe('dev --port', () => {
  for (const port of ['abc', '0x50', '1e3', '80.0']) {
    it(`rejects ${port} naming the value`, () => {
      const result = dev(port);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`error: invalid --port ${port}: expected an integer from 1 to 65535\n`);
    });
  }
});
