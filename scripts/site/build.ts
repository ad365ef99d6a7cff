import { rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';

import Eleventy from '@11ty/eleventy';

import { isEnoent } from '../errors.ts';
import type { Logger } from '../log.ts';
import { configureSite, siteContext, siteData } from './data.ts';
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
  await rm(staging, { recursive: true, force: true });

  try {
    configureSite({ root: options.root, log });
    await siteData();

    const files = await runEleventy(options, staging, log);
    for (const step of postBuildSteps) {
      await step({ root: options.root, out: staging, pathPrefix: options.pathPrefix, pdf: options.pdf, log, cache: siteContext().cache });
    }

    await swapIn(staging, out);
    const ms = performance.now() - started;
    log.step('built', `${files} files in ${path.relative(options.root, out) || out}`, ms);
    return { out, files, ms };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function runEleventy(options: BuildOptions, output: string, log: Logger): Promise<number> {
  const started = performance.now();
  const eleventy = new Eleventy(path.join(options.root, 'content'), output, {
    configPath: path.join(options.root, '.eleventy.js'),
    pathPrefix: options.pathPrefix,
    quietMode: true,
  });
  const written = (await eleventy.write()) as unknown as [unknown[], unknown[]] | unknown[];
  const count = countWritten(written);
  log.step('wrote', `${count} pages with Eleventy`, performance.now() - started);
  return count;
}

function countWritten(written: unknown): number {
  // Eleventy 3 returns [passthroughResults, templateResults]; count templates only.
  if (Array.isArray(written) && written.length === 2 && Array.isArray(written[1])) return written[1].length;
  return Array.isArray(written) ? written.length : 0;
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
