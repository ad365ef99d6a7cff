import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Writes a small site into a new temporary folder: file path → contents. The pages are the
 * smallest HTML documents with the shape the checks read (no capture exists of a broken site).
 */
export function writeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netnotes-check-site-'));
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), contents);
  }
  return dir;
}

/** Wraps `body` in a complete, accessible page. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head>
<body><main><h1>${title}</h1>
${body}
</main></body>
</html>
`;
}
