import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { launchBrowser } from '../../scripts/pdf/browser.ts';
import { runningInGroup } from './processes.ts';

// Needs the system Chromium, like the build tests that print PDFs.

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

describe('launchBrowser', () => {
  it('prints a page and stops every process', async () => {
    const launched = await launchBrowser();
    // Puppeteer starts Chromium in a process group of its own, whose ID is Chromium's PID.
    const chromium = launched.browser.process()!;
    const pid = chromium.pid!;
    const profileDir = chromium.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    try {
      expect(runningInGroup(pid).length).toBeGreaterThan(1);
      const page = await launched.browser.newPage();
      await page.setContent('<p>printed</p>');
      const pdf = await page.pdf({ format: 'A4' });
      expect(Buffer.from(pdf).toString('latin1', 0, 5)).toBe('%PDF-');
    } finally {
      await launched.close();
    }
    expect(runningInGroup(pid)).toEqual([]);
    expect(existsSync(profileDir)).toBe(false);
  });

  it('reports a browser that exits at start', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'netnotes-launch-test-'));
    try {
      process.env.TMPDIR = tmp;
      process.env.PUPPETEER_EXECUTABLE_PATH = '/bin/false';
      await expect(launchBrowser()).rejects.toThrow(/^Chromium failed to start \(\/bin\/false\): Failed to launch the browser process/);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
