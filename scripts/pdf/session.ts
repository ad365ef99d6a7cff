import type { Browser } from 'puppeteer-core';

import { launchBrowser, withBrowser, type LaunchedBrowser } from './browser.ts';

/**
 * One Chromium shared by the prints of a build. It starts when the first print requests it, so
 * a build whose PDFs all come from the cache starts none. The build calls close() in a finally
 * block.
 */
export class BrowserSession {
  #launch?: Promise<LaunchedBrowser>;
  #closed = false;

  /** Returns the session's browser, starting Chromium on the first call. */
  async browser(): Promise<Browser> {
    if (this.#closed) throw new Error('the build closed its browser session before a print requested it');
    this.#launch ??= launchBrowser();
    return (await this.#launch).browser;
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
