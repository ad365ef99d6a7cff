import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { parse } from 'yaml';

import { UsageError, isEnoent } from '../errors.ts';
import type { Logger } from '../log.ts';
import { CHART_PAGES, checkPages } from './accessibility.ts';
import { checkAtomicOutput } from './atomic.ts';
import { checkDeterminism } from './determinism.ts';
import { formatFinding, type CheckName, type Finding } from './findings.ts';
import { checkHostileData } from './hostile.ts';
import { checkLinks } from './links.ts';

export interface RunChecksOptions {
  /** Project root: builds for determinism, atomic output and hostile data start from it. */
  root: string;
  /** The built site, relative to the root or absolute. */
  site: string;
  pathPrefix: string;
  checks: CheckName[];
}

/** Path of the list of external links, which is for a person to review; they are never fetched. */
export const EXTERNAL_LINKS_FILE = '.cache/check/external-links.txt';

/** Runs the chosen checks, prints every finding, and returns whether any check found a problem. */
export async function runChecks(options: RunChecksOptions, log: Logger): Promise<boolean> {
  const siteDir = path.resolve(options.root, options.site);
  const needsSite = options.checks.includes('links') || options.checks.includes('accessibility');
  if (needsSite) await requireFolder(siteDir);
  const findings: Finding[] = [];

  for (const check of options.checks) {
    const started = performance.now();
    const found = await runOne(check, siteDir, options, log);
    findings.push(...found.findings);
    log.step('checked', `${found.summary}: ${found.findings.length === 0 ? 'no problems' : `${found.findings.length} problem(s)`}`, performance.now() - started);
  }

  for (const finding of findings) log.error(formatFinding(finding));
  if (findings.length > 0) log.error(`${findings.length} problem(s) found by netnotes check`);
  return findings.length > 0;
}

async function runOne(check: CheckName, siteDir: string, options: RunChecksOptions, log: Logger): Promise<{ findings: Finding[]; summary: string }> {
  switch (check) {
    case 'links': {
      const report = await checkLinks({ siteDir, pathPrefix: options.pathPrefix, baseUrl: await baseUrlOf(options.root) });
      const listed = await writeExternalLinks(options.root, report.external);
      log.step('listed', `${report.external.size} external links in ${listed} (not fetched)`);
      return { findings: report.findings, summary: `links: ${report.checked} internal links and anchors resolve` };
    }
    case 'accessibility': {
      const report = await checkPages({ siteDir, pathPrefix: options.pathPrefix, chartPages: CHART_PAGES });
      return { findings: report.findings, summary: `accessibility and offline loading: ${report.pages} pages, ${report.charts} charts` };
    }
    case 'determinism': {
      const report = await checkDeterminism(options.root);
      return { findings: report.findings, summary: `determinism: two clean builds of ${report.files} files` };
    }
    case 'atomic':
      return { findings: await checkAtomicOutput(options.root), summary: 'atomic output: bad catalog, rejected log, template error' };
    case 'hostile':
      return { findings: await checkHostileData(options.root), summary: 'hostile catalog and manifest strings' };
  }
}

async function requireFolder(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (error) {
    if (!isEnoent(error)) throw error;
  }
  throw new UsageError(`no built site at ${dir}: run \`npm run build\` first or pass --site DIR`);
}

/** Reads the address the site is published at from data/metadata.yaml; undefined when it has none. */
async function baseUrlOf(root: string): Promise<string | undefined> {
  try {
    const metadata = parse(await readFile(path.join(root, 'data/metadata.yaml'), 'utf8')) as { url?: unknown } | null;
    return typeof metadata?.url === 'string' ? metadata.url : undefined;
  } catch (error) {
    if (isEnoent(error)) return undefined;
    throw error;
  }
}

async function writeExternalLinks(root: string, external: Map<string, string[]>): Promise<string> {
  const file = path.join(root, EXTERNAL_LINKS_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  const lines = [...external].sort(([a], [b]) => a.localeCompare(b)).map(([url, places]) => `${url}\t${places.join(' ')}`);
  await writeFile(file, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return path.relative(root, file);
}
