import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { checkOutFolder } from './out-folder.ts';
import { normalisePathPrefix } from './path-prefix.ts';

/** Registers `build` and `dev`. */
export function registerBuildCommands(program: Command): void {
  program
    .command('build')
    .description('build the site from content/ and data/ into _site/ (the previous _site/ stays if anything fails)')
    .option('--out <dir>', 'output folder', '_site')
    .option('--pathprefix <prefix>', 'URL prefix when the site is served from a sub-path, e.g. /blog/', normalisePathPrefix, '/')
    .option('--no-pdf', 'skip printing the PDFs (they need Chromium)')
    .action(async (options: { out: string; pathprefix: string; pdf: boolean }) => {
      await checkOutFolder(process.cwd(), options.out);
      const { build } = await import('./build.ts');
      const log = createLogger({ quiet: program.opts().quiet });
      await build({ root: process.cwd(), out: options.out, pathPrefix: options.pathprefix, pdf: options.pdf }, log);
    });

  program
    .command('dev')
    .description('serve the site on localhost and rebuild when content/, templates/ or data/ change')
    .option('--port <port>', 'port on 127.0.0.1 to serve on', '8080')
    .action(async (options: { port: string }) => {
      // Number() would read 0x50 as 80 and 1e3 as 1000, and turn "abc" into NaN in the message.
      if (!/^\d+$/.test(options.port)) throw new UsageError(`invalid --port ${options.port}: expected an integer from 1 to 65535`);
      const { serve } = await import('./dev.ts');
      const log = createLogger({ quiet: program.opts().quiet });
      await serve({ root: process.cwd(), port: Number(options.port) }, log);
    });
}
