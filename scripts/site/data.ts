import path from 'node:path';

import { StageCache } from '../cache.ts';
import { combineFailures } from '../errors.ts';
import { createLogger, type Logger } from '../log.ts';
import { loadCatalogPage, type CatalogData } from './catalog.ts';
import { loadMetadata, type SiteMetadata } from './metadata.ts';
import { loadNetwork, type NetworkData } from './network.ts';
import { loadReport, type ReportData } from './report.ts';

/** The build's inputs and log. The CLI sets it and Eleventy's config reads it. */
export interface SiteContext {
  /** The project root: data/ and content/ are under it. */
  root: string;
  log: Logger;
  /** Stage outputs from earlier builds, under <root>/.cache/ unless set otherwise. */
  cache: StageCache;
}

/** Every stage's contribution to the pages, as Eleventy global data. */
export interface SiteData {
  report: ReportData;
  metadata: SiteMetadata;
  network: NetworkData;
  catalog: CatalogData;
}

/**
 * The build's state lives on globalThis, not in this module: under vitest, Eleventy imports
 * .eleventy.js natively while the test imports this file through Vite, which makes two copies
 * of the module. Both copies must see the root the build configured and share one result.
 */
interface SiteState {
  context: SiteContext;
  pending?: Promise<SiteData>;
}

const STATE_KEY = Symbol.for('netnotes.site');
const state: SiteState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as SiteState | undefined) ?? {
  context: { root: process.cwd(), log: createLogger(), cache: cacheFor(process.cwd()) },
};
(globalThis as Record<symbol, unknown>)[STATE_KEY] = state;

export function configureSite(next: Partial<SiteContext>): void {
  const current = state.context;
  const root = next.root ?? current.root;
  const cache = next.cache ?? (root === current.root ? current.cache : cacheFor(root));
  state.context = { ...current, ...next, root, cache };
  state.pending = undefined;
}

function cacheFor(root: string): StageCache {
  return new StageCache(path.join(root, '.cache'));
}

export function siteContext(): SiteContext {
  return state.context;
}

export function dataDir(): string {
  return path.join(state.context.root, 'data');
}

/**
 * Runs every stage once per build and returns their outputs. Stages run side by side so a
 * bad catalog and a rejected log are reported together.
 */
export function siteData(): Promise<SiteData> {
  state.pending ??= loadAll(state.context);
  return state.pending;
}

/** Forgets the stage outputs, so the next build (e.g. in watch mode) reads data/ again. */
export function invalidateSiteData(): void {
  state.pending = undefined;
}

async function loadAll(context: SiteContext): Promise<SiteData> {
  const settled = await Promise.allSettled([loadReport(context), loadMetadata(context), loadNetwork(context), loadCatalogPage(context)]);
  combineFailures(settled);
  const [report, metadata, network, catalog] = settled.map((r) => (r as PromiseFulfilledResult<unknown>).value);
  return { report: report as ReportData, metadata: metadata as SiteMetadata, network: network as NetworkData, catalog: catalog as CatalogData };
}
