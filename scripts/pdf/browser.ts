import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import type { Browser } from 'puppeteer-core';

import { debug } from '../log.ts';

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

const require = createRequire(import.meta.url);

/** A Chromium started by netnotes, with its throwaway profile. */
export interface LaunchedBrowser {
  browser: Browser;
  /** Closes Chromium (killing it by its PID if it does not close) and removes the profile. */
  close(): Promise<void>;
}

/** Launches the system Chromium with a fresh profile. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'netnotes-chromium-'));
  const removeProfile = () => rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
  log('launching %s', executablePath);
  try {
    // Loaded on first use, so a rebuild whose PDFs all come from the cache never loads it. The
    // CommonJS build loads in about half the time of the ES module build under tsx's loader.
    const puppeteer = require('puppeteer-core') as typeof import('puppeteer-core');
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: chromiumArgs(profileDir),
      // Puppeteer's defaults include flags that enable field trials fetched over the network.
      ignoreDefaultArgs: ['--enable-automation'],
    });
    const close = async () => {
      try {
        await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      } finally {
        await removeProfile();
      }
    };
    return { browser, close };
  } catch (error) {
    await removeProfile();
    throw new Error(`Chromium failed to start (${executablePath}): ${(error as Error).message}`, { cause: error });
  }
}

/** Launches the system Chromium, runs `work`, and always closes the browser and removes its profile. */
export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const launched = await launchBrowser();
  try {
    return await work(launched.browser);
  } finally {
    await launched.close();
  }
}
