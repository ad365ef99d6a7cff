import path from 'node:path';

import Eleventy from '@11ty/eleventy';

import { UsageError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { configureSite } from './data.ts';

export interface ServeOptions {
  root: string;
  port: number;
}

/** Serves the site with Eleventy's dev server and rebuilds on changes, data/ included. */
export async function serve(options: ServeOptions, log: Logger): Promise<void> {
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new UsageError(`invalid --port ${options.port}: expected an integer from 1 to 65535`);
  }
  configureSite({ root: options.root, log });

  const eleventy = new Eleventy(path.join(options.root, 'content'), path.join(options.root, '_site'), {
    configPath: path.join(options.root, '.eleventy.js'),
    runMode: 'serve',
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
  log.info(`serving on http://localhost:${options.port}/ (Ctrl-C stops)`);
}
