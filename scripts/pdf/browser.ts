import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import type { Browser } from 'puppeteer-core';

import { debug } from '../log.ts';
import { ChromiumProcess } from './chromium-process.ts';

const log = debug('pdf');

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome'];

export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      'Chromium not found: set PUPPETEER_EXECUTABLE_PATH or install it with ' +
        '`sudo apt-get install chromium fonts-liberation` (or run `bash scripts/setup.sh`)',
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** Finds the system browser: PUPPETEER_EXECUTABLE_PATH first, then the usual names on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PUPPETEER_EXECUTABLE_PATH=${configured} does not exist`);
    return configured;
  }
  for (const name of CANDIDATES) {
    const found = whichSync(name, env);
    if (found) return unwrapLauncher(found);
  }
  throw new BrowserNotFoundError();
}

/**
 * Debian's /usr/bin/chromium is a shell script that adds flags from /etc/chromium.d, among them
 * --enable-remote-extensions. The binary it wraps is started directly so only our flags apply.
 */
function unwrapLauncher(executable: string): string {
  const isScript = readFileSync(executable).subarray(0, 2).toString() === '#!';
  const binary = path.join(path.dirname(realpathSync(executable)), '..', 'lib', 'chromium', 'chromium');
  return isScript && existsSync(binary) ? path.resolve(binary) : executable;
}

function whichSync(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Chromium's version line, e.g. "Chromium 131.0.6778.85 built on Debian", for logs and the bench. */
export function chromiumVersion(executable = findChromium()): string {
  return execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Returns flags for a headless browser that talks to nothing: no sync, no component updates,
 * no background requests and a throwaway profile. As root there is no sandbox, because
 * Chromium does not start with one there.
 */
export function chromiumArgs(profileDir: string, isRoot = process.getuid?.() === 0): string[] {
  return [
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-quic',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--font-render-hinting=none',
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

/**
 * Flags for the browser netnotes drives, beyond chromiumArgs. They keep the output the same on
 * every run (sRGB colours, no scrollbars in screenshots, tagged PDFs with an outline), keep
 * background tabs from being throttled, and turn off features that reach the network.
 */
const DRIVEN_ARGS = [
  '--headless=new',
  '--remote-debugging-pipe',
  '--hide-scrollbars',
  '--mute-audio',
  '--force-color-profile=srgb',
  '--export-tagged-pdf',
  '--generate-pdf-document-outline',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AcceptCHFrame',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  'about:blank',
];

/** Time Chromium gets to respond on its DevTools pipe before the launch counts as failed. */
const START_TIMEOUT_MS = 30_000;

const require = createRequire(import.meta.url);

/** A Chromium process started by netnotes, with puppeteer-core connected to it over pipes. */
export interface LaunchedBrowser {
  browser: Browser;
  /** Chromium's process ID, which is also the ID of its process group. */
  pid: number | undefined;
  profileDir: string;
  /** Kills Chromium's process group, waits until every process in it is gone and removes the profile. */
  close(): Promise<void>;
}

/**
 * Starts the system Chromium with a fresh profile and connects puppeteer-core to it. Chromium
 * is spawned first, so loading puppeteer-core (0.2 to 0.4 s on a 2-core machine) overlaps with
 * Chromium's own start.
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'netnotes-chromium-'));
  log('launching %s', executablePath);
  const chromium = new ChromiumProcess(executablePath, [...chromiumArgs(profileDir), ...DRIVEN_ARGS]);
  const close = async () => {
    try {
      await chromium.kill();
    } finally {
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    }
  };
  try {
    // CommonJS loads in about half the time of the ES module build under tsx's loader.
    const puppeteer = require('puppeteer-core') as typeof import('puppeteer-core');
    const connecting = puppeteer.connect({ transport: chromium.transport, defaultViewport: { width: 800, height: 600 } });
    const browser = await chromium.whileRunning(connecting, START_TIMEOUT_MS);
    log('connected to Chromium, pid %d', chromium.pid);
    return { browser, pid: chromium.pid, profileDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Launches the system Chromium, runs `work`, and always stops the browser and removes its profile. */
export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const launched = await launchBrowser();
  try {
    return await work(launched.browser);
  } finally {
    await launched.close();
  }
}
