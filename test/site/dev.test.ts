import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ROOT, tempProject } from './temp-project.ts';

// `netnotes dev` in a temporary project: a run folder dropped into data/runs/ while the server
// runs reaches the open page without a restart.
let child: ChildProcess | undefined;
let root: string | undefined;
let output = '';

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (root) rmSync(root, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; dev output:\n${output}`);
}

describe('netnotes dev', () => {
  it('serves on loopback and reloads the page when a run is added', async () => {
    root = tempProject(['runs']);
    symlinkSync(path.join(ROOT, 'data/runs/netns-2026-12'), path.join(root, 'data/runs/netns-2026-12'));
    const port = await freePort();
    child = spawn(process.execPath, [path.join(ROOT, 'scripts/netnotes.js'), 'dev', '--port', String(port)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await waitFor('the server to start', () => output.includes('serving .cache/dev-site'), 120_000);

    const page = () => fetch(`http://127.0.0.1:${port}/docker-network-performance/`).then((r) => r.text());
    expect(await page()).not.toContain('Run dev-copy');

    // An open page listens for reloads; the added run must trigger one.
    const events = await fetch(`http://127.0.0.1:${port}/__netnotes/reload`);
    const reader = events.body!.getReader();
    const reloaded = reader.read().then(({ value }) => new TextDecoder().decode(value));

    const run = path.join(root, 'data/runs/dev-copy');
    cpSync(path.join(ROOT, 'test/fixtures/analyze/netns-2026-12'), run, { recursive: true });
    const manifest = path.join(run, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"run": "netns-2026-12"', '"run": "dev-copy"'));

    expect(await Promise.race([reloaded, new Promise((resolve) => setTimeout(() => resolve('no reload'), 90_000))])).toContain('data: reload');
    await waitFor('the page to show the new run', async () => (await page()).includes('Run dev-copy'), 60_000);
    await reader.cancel();
  }, 300_000);
});
