import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { StageCache } from '../../scripts/cache.ts';

const DAY_S = 24 * 60 * 60;
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempCache(): StageCache {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netnotes-cache-'));
  folders.push(dir);
  return new StageCache(dir);
}

/** Sets an entry's last use to `days` ago. */
function age(entry: string, days: number): void {
  const when = Date.now() / 1000 - days * DAY_S;
  utimesSync(entry, when, when);
}

describe('pruning the stage cache', () => {
  it('removes only entries unused for the period', async () => {
    const cache = tempCache();
    await cache.json('charts', 'old', async () => 'old chart');
    await cache.json('charts', 'recent', async () => 'recent chart');
    await cache.json('charts', 'reused', async () => 'reused chart');
    const entry = (key: string) => path.join(cache.dir, 'charts', `${key}.json`);
    age(entry('old'), 30);
    age(entry('recent'), 3);
    age(entry('reused'), 30);

    const again = await cache.json('charts', 'reused', async () => 'computed again');
    const removed = await cache.prune(14);

    expect(again).toEqual({ value: 'reused chart', reused: true });
    expect(removed).toBe(1);
    expect(existsSync(entry('old'))).toBe(false);
    expect(existsSync(entry('recent'))).toBe(true);
    expect(existsSync(entry('reused'))).toBe(true);
  });

  it('keeps folders of outputs restored by this build', async () => {
    const cache = tempCache();
    const site = path.join(cache.dir, '..', `${path.basename(cache.dir)}-site`);
    folders.push(site);
    await mkdir(site, { recursive: true });
    await cache.outputs('pdf', 'poster', site, ['poster.pdf'], () => writeFile(path.join(site, 'poster.pdf'), '%PDF'));
    age(path.join(cache.dir, 'pdf', 'poster'), 30);

    const restored = await cache.restore('pdf', 'poster', site, ['poster.pdf']);
    const removed = await cache.prune(14);

    expect(restored).toBe(true);
    expect(removed).toBe(0);
    expect(existsSync(path.join(cache.dir, 'pdf', 'poster', 'poster.pdf'))).toBe(true);
  });

  it('leaves stages this build did not use', async () => {
    const cache = tempCache();
    const other = path.join(cache.dir, 'runs', 'old.json');
    await mkdir(path.dirname(other), { recursive: true });
    await writeFile(other, '{}');
    age(other, 30);

    expect(await cache.prune(14)).toBe(0);
    expect(existsSync(other)).toBe(true);
  });
});
