import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runBuildProcess } from '../../scripts/check/build-process.ts';
import { ProjectCopy } from '../../scripts/check/project.ts';
import { findChromium } from '../../scripts/pdf/browser.ts';
import { shippedProject } from '../site/temp-project.ts';
import { runningInGroup } from './processes.ts';

// Builds with PDFs need the system Chromium. Each build runs as its own `netnotes build` process,
// as a user runs it, whose PUPPETEER_EXECUTABLE_PATH points at a script that appends its PID to
// a file and then runs Chromium under that PID, so each test counts launches.
const ROOT = path.resolve(import.meta.dirname, '../..');
const POST = 'content/connect-virtualbox-vms/index.md';
let copy: ProjectCopy;
let project: string;
let scratch: string;
let launchLog: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'netnotes-session-test-'));
  launchLog = path.join(scratch, 'launches.txt');
  const wrapper = path.join(scratch, 'chromium');
  writeFileSync(wrapper, `#!/bin/sh\necho $$ >> '${launchLog}'\nexec '${findChromium()}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  process.env.PUPPETEER_EXECUTABLE_PATH = wrapper;
  project = shippedProject();
  copy = await ProjectCopy.create(project, 'netnotes-session-test-');
});

afterAll(async () => {
  await copy?.remove();
  if (project) rmSync(project, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Builds the copy and returns the exit code, the log and the PIDs of the browsers the build launched. */
async function buildAndCountLaunches(): Promise<{ code: number | null; launched: number[]; lines: string[] }> {
  const before = launches().length;
  const result = await runBuildProcess(copy.root, path.join(copy.root, '_site'), { pdf: true });
  // With CI set, picocolors colours the log even in a pipe, so colour codes are removed first.
  return { code: result.code, launched: launches().slice(before), lines: stripVTControlCharacters(result.stderr).split('\n') };
}

function launches(): number[] {
  return existsSync(launchLog) ? readFileSync(launchLog, 'utf8').split('\n').filter(Boolean).map(Number) : [];
}

describe('browser session of a build', () => {
  it('cold build prints with one browser', async () => {
    const { code, launched, lines } = await buildAndCountLaunches();
    expect(code).toBe(0);
    expect(launched).toHaveLength(1);
    expect(lines.some((line) => /^printed docker-network-performance\/docker-network-performance\.pdf/.test(line))).toBe(true);
    expect(lines.some((line) => /^printed docker-ecosystem\/docker-ecosystem-poster\.pdf/.test(line))).toBe(true);
    expect(runningInGroup(launched[0])).toEqual([]);
  });

  it('no-change rebuild starts no browser', async () => {
    const { code, launched } = await buildAndCountLaunches();
    expect(code).toBe(0);
    expect(launched).toEqual([]);
  });

  it('post edit starts no browser', async () => {
    const post = readFileSync(path.join(ROOT, POST), 'utf8');
    await copy.writeFile(POST, `${post}\nOne more sentence, so the page changes.\n`);
    const { code, launched, lines } = await buildAndCountLaunches();
    expect(code).toBe(0);
    expect(lines.some((line) => /^wrote \d+ pages with Eleventy/.test(line))).toBe(true);
    expect(lines.some((line) => /^reused docker-network-performance\/docker-network-performance\.pdf/.test(line))).toBe(true);
    expect(launched).toEqual([]);
  });

  it('failed build leaves no browser running', async () => {
    const page = 'content/docker-network-performance/index.njk';
    const original = readFileSync(path.join(ROOT, page), 'utf8');
    await copy.writeFile(page, `${original}\n{% if %}\n`);
    const { code, launched, lines } = await buildAndCountLaunches();
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/docker-network-performance\/index\.njk/);
    // Eleventy fails before any print, and Chromium starts only when a print needs it.
    expect(launched).toEqual([]);
  });
});
