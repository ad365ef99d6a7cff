import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

import Eleventy from '@11ty/eleventy';

import { UsageError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { configureSite } from './data.ts';

export interface ServeOptions {
  root: string;
  port: number;
}

const RELOAD_PATH = '/__netnotes/reload';
const RELOAD_SCRIPT = `<script>new EventSource(${JSON.stringify(RELOAD_PATH)}).onmessage = () => location.reload();</script>`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
};

/**
 * Builds the site into .cache/dev-site/, serves it on 127.0.0.1 only and rebuilds on every
 * change to content/, templates/ or data/; open pages reload themselves after each rebuild.
 * PDFs and the search index are made by `netnotes build` only.
 */
export async function serve(options: ServeOptions, log: Logger): Promise<http.Server> {
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new UsageError(`invalid --port ${options.port}: expected an integer from 1 to 65535`);
  }
  configureSite({ root: options.root, log });
  // A folder of its own, so the dev server never touches the deployable _site/ and its PDFs.
  const out = path.join(options.root, '.cache', 'dev-site');
  const clients = new Set<http.ServerResponse>();

  const eleventy = new Eleventy(path.join(options.root, 'content'), out, {
    configPath: path.join(options.root, '.eleventy.js'),
    runMode: 'watch',
    quietMode: true,
    config(eleventyConfig: { on(event: string, listener: () => void): void }) {
      eleventyConfig.on('eleventy.after', () => {
        log.step('rebuilt', `${path.relative(options.root, out)}; reloading ${clients.size} open page(s)`);
        for (const client of clients) client.write('data: reload\n\n');
      });
    },
  });
  await eleventy.init();
  await eleventy.watch();

  const server = http.createServer((request, response) => {
    void respond(out, request, response, clients);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  log.info(`serving ${path.relative(options.root, out)} on http://localhost:${options.port}/ (Ctrl-C stops)`);

  const stop = () => {
    for (const client of clients) client.end();
    server.close();
    void eleventy.stopWatch?.().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

async function respond(out: string, request: http.IncomingMessage, response: http.ServerResponse, clients: Set<http.ServerResponse>): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === RELOAD_PATH) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    // Send the headers now; otherwise the browser waits for them until the first reload.
    response.flushHeaders();
    clients.add(response);
    request.on('close', () => clients.delete(response));
    return;
  }

  const file = await resolveFile(out, decodeURIComponent(url.pathname));
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}\n`);
    return;
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  if (type.startsWith('text/html')) {
    const html = await readFile(file, 'utf8');
    response.end(html.includes('</body>') ? html.replace('</body>', `${RELOAD_SCRIPT}</body>`) : html + RELOAD_SCRIPT);
    return;
  }
  createReadStream(file).pipe(response);
}

/** Maps a URL path to a file under `out`, with index.html for folders; undefined outside `out` or when missing. */
async function resolveFile(out: string, pathname: string): Promise<string | undefined> {
  const root = path.resolve(out);
  let file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
