import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Makes a project root in a temporary folder whose code, content and templates are links to
 * this checkout, and whose data/ links every entry except those named in `ownData`, which the
 * test creates itself. The root has its own .cache/, so its first build is a cold one.
 */
export function tempProject(ownData: string[] = []): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'netnotes-project-'));
  for (const entry of ['content', 'templates', '.eleventy.js', 'scripts', 'node_modules', 'package.json']) {
    symlinkSync(path.join(ROOT, entry), path.join(root, entry));
  }
  mkdirSync(path.join(root, 'data'));
  for (const entry of readdirSync(path.join(ROOT, 'data'))) {
    if (ownData.includes(entry)) mkdirSync(path.join(root, 'data', entry));
    else symlinkSync(path.join(ROOT, 'data', entry), path.join(root, 'data', entry));
  }
  return root;
}

/** The run shipped in data/runs/, whose numbers the tests check. */
export const SHIPPED_RUN = 'netns-2026-12';

/**
 * Makes a project root like tempProject whose data/runs/ holds only the shipped run, so that runs
 * a user adds to this checkout do not change what the tests build.
 */
export function shippedProject(): string {
  const root = tempProject(['runs']);
  symlinkSync(path.join(ROOT, 'data/runs', SHIPPED_RUN), path.join(root, 'data/runs', SHIPPED_RUN));
  return root;
}
