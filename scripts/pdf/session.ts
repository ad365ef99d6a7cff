import type { Browser } from 'puppeteer-core';

import { launchBrowser, withBrowser, type LaunchedBrowser } from './browser.ts';

/**
 * One Chromium shared by the prints of a build. It starts on first use, or earlier through
 * start() when the build expects to print, so that Chromium starts while Eleventy writes pages.
 * The build calls close() in a finally block.
 */
export class BrowserSession {
  #launch?: Promise<LaunchedBrowser>;
  #closed = false;

  /**
   * Starts Chromium now unless it is already starting or the session was closed. A failed start
   * is reported by the next browser() call.
   */
  start(): void {
    if (this.#launch || this.#closed) return;
    this.#launch = launchBrowser();
    this.#launch.catch(() => undefined);
  }

  async browser(): Promise<Browser> {
    if (this.#closed) throw new Error('the build closed its browser session before a print requested it');
    this.start();
    return (await this.#launch!).browser;
  }

  /** Stops Chromium and removes its profile if it was started, and keeps it from starting later. */
  async close(): Promise<void> {
    this.#closed = true;
    const launch = this.#launch;
    this.#launch = undefined;
    const launched = await launch?.catch(() => undefined);
    await launched?.close();
  }
}

/** Runs `work` with the session's browser, or with a browser of its own when there is no session. */
export async function usingBrowser<T>(session: BrowserSession | undefined, work: (browser: Browser) => Promise<T>): Promise<T> {
  if (!session) return withBrowser(work);
  return work(await session.browser());
}
