import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { checkOutFolder } from '../../scripts/site/out-folder.ts';
import { ROOT, tempProject } from './temp-project.ts';

// A build deletes the previous output folder once the new one is ready, so an --out naming the
// project, one of its input folders or a folder of unrelated files must be rejected before any
// work starts.
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): string {
  const root = tempProject();
  roots.push(root);
  return root;
}

function build(root: string, out: string) {
  const cli = path.join(ROOT, 'scripts/netnotes.js');
  return spawnSync(process.execPath, [cli, 'build', '--no-pdf', '--out', out], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

describe('build --out', () => {
  it('rejects the project folder and keeps it', () => {
    const root = project();
    const before = readdirSync(root).sort();
    const result = build(root, '.');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out \. would replace the project folder/);
    expect(readdirSync(root).sort()).toEqual(before);
  });

  it('rejects an input folder and keeps its files', () => {
    const root = project();
    const result = build(root, 'content');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/inside the project's content\/ folder/);
    expect(existsSync(path.join(root, 'content/index.njk'))).toBe(true);
  });

  it('rejects a folder of files that is not a built site', () => {
    const root = project();
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs/notes.md'), 'notes\n');
    const result = build(root, 'docs');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/contains files but no built site/);
    expect(existsSync(path.join(root, 'docs/notes.md'))).toBe(true);
  });
});

describe('checkOutFolder', () => {
  it('accepts a missing, an empty and a built folder', async () => {
    const root = project();
    mkdirSync(path.join(root, 'empty'));
    mkdirSync(path.join(root, 'built'));
    writeFileSync(path.join(root, 'built/index.html'), '<!doctype html>\n');
    await expect(checkOutFolder(root, '_site')).resolves.toBeUndefined();
    await expect(checkOutFolder(root, 'empty')).resolves.toBeUndefined();
    await expect(checkOutFolder(root, 'built')).resolves.toBeUndefined();
  });

  // Checked without running a build: without the check, a build would replace the temp folder.
  it('rejects a folder above the project', async () => {
    await expect(checkOutFolder(project(), '..')).rejects.toThrow(/would replace the project folder/);
  });

  it('rejects a file', async () => {
    const root = project();
    writeFileSync(path.join(root, 'site.txt'), 'x\n');
    await expect(checkOutFolder(root, 'site.txt')).rejects.toThrow(/is a file, not a folder/);
  });

  it('rejects a path through a file', async () => {
    const root = project();
    writeFileSync(path.join(root, 'site.txt'), 'x\n');
    await expect(checkOutFolder(root, 'site.txt/out')).rejects.toThrow(/part of that path is a file/);
  });
});
