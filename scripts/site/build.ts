import { existsSync } from 'node:fs';
import { readdir, rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';

import { codeVersion, hashOf } from '../cache.ts';
import { isEnoent } from '../errors.ts';
import { hashFiles } from '../file-hash.ts';
import { listFiles } from '../files.ts';
import type { Logger } from '../log.ts';
import { BrowserSession } from '../pdf/session.ts';
import { configureSite, siteContext, siteData, type SiteData } from './data.ts';
import { postBuildSteps } from './steps.ts';

export interface BuildOptions {
  /** Project root holding content/, templates/ and data/. */
  root: string;
  /** Output folder; replaced only when the whole build succeeded. */
  out: string;
  /** URL prefix for a site served from a sub-path, e.g. "/blog/". */
  pathPrefix: string;
  /** Print the PDFs (needs Chromium). */
  pdf: boolean;
}

export interface BuildResult {
  out: string;
  files: number;
  ms: number;
}

/**
 * Builds the site into a staging folder next to `out` and swaps it in at the end, so a
 * failed build leaves the previous output untouched.
 */
export async function build(options: BuildOptions, log: Logger): Promise<BuildResult> {
  const started = performance.now();
  const out = path.resolve(options.root, options.out);
  const staging = `${out}.staging-${process.pid}`;
  await removeAbandoned(out, log);
  const browser = new BrowserSession();

  try {
    configureSite({ root: options.root, log });
    const data = await siteData();

    const files = await writePages(options, data, staging, log);
    for (const step of postBuildSteps) {
      await step({ root: options.root, out: staging, pathPrefix: options.pathPrefix, pdf: options.pdf, log, cache: siteContext().cache, browser });
    }

    await swapIn(staging, out);
    const pruned = await siteContext().cache.prune();
    if (pruned > 0) log.info(`removed ${pruned} cache entries that no build had used for 14 days`);
    const ms = performance.now() - started;
    log.step('built', `${files} files in ${path.relative(options.root, out) || out}`, ms);
    return { out, files, ms };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await browser.close();
  }
}

/**
 * Writes the pages with Eleventy, or copies the pages of an earlier build whose inputs were the
 * same: the stages' data, content/, templates/, the config, the code and the packages.
 */
async function writePages(options: BuildOptions, data: SiteData, staging: string, log: Logger): Promise<number> {
  const started = performance.now();
  const { cache } = siteContext();
  const key = hashOf(
    await codeVersion('.'),
    await hashProjectFiles(options.root, cache.dir),
    JSON.stringify(data),
    options.pathPrefix,
  );
  let count = 0;
  const { reused } = await cache.outputs('pages', key, staging, ['.'], async () => {
    count = await runEleventy(options, staging);
  });
  if (reused) count = (await listFiles(staging)).filter((file) => !file.startsWith('assets/')).length;
  log.step(reused ? 'reused' : 'wrote', `${count} pages${reused ? '' : ' with Eleventy'}`, performance.now() - started);
  return count;
}

/** Hashes what Eleventy reads besides the stages' data: pages, templates, its config and the locked packages. */
async function hashProjectFiles(root: string, cacheDir: string): Promise<string> {
  const files = [
    ...(await listFiles(path.join(root, 'content'))).map((file) => `content/${file}`),
    ...(await listFiles(path.join(root, 'templates'))).map((file) => `templates/${file}`),
    '.eleventy.js',
    // The locked package versions, where the project root has a lock file.
    ...(existsSync(path.join(root, 'package-lock.json')) ? ['package-lock.json'] : []),
  ];
  return hashFiles(root, files, path.join(cacheDir, 'file-hashes', `${hashOf(path.resolve(root))}-project.json`));
}

async function runEleventy(options: BuildOptions, output: string): Promise<number> {
  // Eleventy takes a third of a second to load; a rebuild that reuses the pages never loads it.
  const { default: Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(path.join(options.root, 'content'), output, {
    configPath: path.join(options.root, '.eleventy.js'),
    pathPrefix: options.pathPrefix,
    quietMode: true,
  });
  // The build log already reports what was written; Eleventy's benchmark warnings would repeat it.
  eleventy.setIsVerbose(false);
  const written = (await eleventy.write()) as unknown as [unknown[], unknown[]] | unknown[];
  return countWritten(written);
}

function countWritten(written: unknown): number {
  // Eleventy 3 returns [passthroughResults, templateResults]; count templates only.
  if (Array.isArray(written) && written.length === 2 && Array.isArray(written[1])) return written[1].length;
  return Array.isArray(written) ? written.length : 0;
}

/**
 * Removes staging and previous-output folders left by builds that were killed (Ctrl-C, a
 * crash): those whose process is gone. A build still running elsewhere keeps its own.
 */
async function removeAbandoned(out: string, log: Logger): Promise<void> {
  const dir = path.dirname(out);
  const pattern = new RegExp(`^${escapeRegExp(path.basename(out))}\\.(staging|previous)-(\\d+)$`);
  for (const name of await readdir(dir)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid !== process.pid && isRunning(pid)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    if (pid !== process.pid) log.step('removed', `${name}, left by an interrupted build`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function swapIn(staging: string, out: string): Promise<void> {
  const previous = `${out}.previous-${process.pid}`;
  const hadPrevious = await exists(out);
  if (hadPrevious) await rename(out, previous);
  await rename(staging, out);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isEnoent(error)) return false;
    throw error;
  }
}
