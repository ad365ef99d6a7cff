import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { selectChecks } from '../../scripts/check/command.ts';
import { UsageError } from '../../scripts/errors.ts';
import { page, writeSite } from './site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const site = writeSite({ 'index.html': page('Home', '<a href="/gone/">gone</a> <a href="#nowhere">nowhere</a> <a href="https://example.org/">out</a>') });

// The command writes its list of external links under the working directory's .cache/.
const workDir = mkdtempSync(path.join(os.tmpdir(), 'netnotes-check-cwd-'));

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

function check(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/netnotes.js'), 'check', ...args], { cwd: workDir, encoding: 'utf8' });
}

describe('selectChecks', () => {
  it('runs every check by default', () => {
    expect(selectChecks(undefined, undefined)).toEqual(['links', 'accessibility', 'determinism', 'atomic', 'hostile']);
  });

  it('applies --only and --skip', () => {
    expect(selectChecks('hostile,links', undefined)).toEqual(['links', 'hostile']);
    expect(selectChecks(undefined, 'determinism,atomic,hostile')).toEqual(['links', 'accessibility']);
  });

  it('rejects unknown check names', () => {
    expect(() => selectChecks('links,speed', undefined)).toThrow(UsageError);
    expect(() => selectChecks('links', 'links')).toThrow(/no check left/);
  });
});

describe('netnotes check', () => {
  it('exits 1 and lists every broken link', () => {
    const result = check('--site', site, '--only', 'links');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('links: index.html:5:1: link "/gone/" → /gone/: not found in the output');
    expect(result.stderr).toContain('links: index.html:5:27: link "#nowhere" → index.html: no element with id "nowhere"');
    expect(result.stderr).toContain('2 problem(s) found by netnotes check');
    expect(readFileSync(path.join(workDir, '.cache/check/external-links.txt'), 'utf8')).toBe('https://example.org/\tindex.html:5:58\n');
  });

  it('exits 2 on a usage error', () => {
    expect(check('--only', 'speed').status).toBe(2);
    expect(check('--site', path.join(site, 'no-such-folder'), '--only', 'links').status).toBe(2);
  });
});
