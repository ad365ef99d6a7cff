import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../netnotes.js', import.meta.url));

export interface BuildProcessResult {
  /** Exit status of `netnotes build`; null when a signal ended it. */
  code: number | null;
  stderr: string;
  /** Wall-clock time from spawn to exit. */
  ms: number;
}

/**
 * Runs `netnotes build` as a child process in `root`, the way a user runs it, so Eleventy reads
 * content/ and templates/ of that root (it resolves them from the working directory).
 */
export function runBuildProcess(root: string, out: string, { pdf = true } = {}): Promise<BuildProcessResult> {
  const args = [CLI, 'build', '--out', path.resolve(root, out), ...(pdf ? [] : ['--no-pdf'])];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, ms: performance.now() - started }));
  });
}
