import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * Fails with what to do when the machine cannot run real measurements. These tests must not
 * skip: CI runs them as root with iperf 2 installed, and a skipped run would hide a broken harness.
 */
export function requireRootAndIperf(): void {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('root (they create network namespaces)');
  let version = '';
  try {
    version = execFileSync('iperf', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    version = String((error as { stderr?: string }).stderr ?? '');
  }
  if (!/iperf version 2\./.test(version)) missing.push('iperf 2 on PATH (apt-get install iperf)');
  if (missing.length > 0) throw new Error(`the measure tests with real namespaces need ${missing.join(' and ')}`);
}

/** Lists the network namespaces whose names start with `prefix`. */
export function namespacesStartingWith(prefix: string): string[] {
  const listing = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter((name) => name.startsWith(prefix));
}

export interface MeasureProcess {
  pid: number;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts `netnotes measure` as its own process, the way a user runs it. */
export function startMeasure(args: string[], env: NodeJS.ProcessEnv = {}): MeasureProcess {
  const child = spawn(process.execPath, ['scripts/netnotes.js', 'measure', ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { pid: child.pid!, stderr: () => stderr, exited, kill: (signal) => child.kill(signal) };
}

/** Polls until `ready` returns true, failing after `timeoutMs`. */
export async function waitFor(what: string, ready: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
