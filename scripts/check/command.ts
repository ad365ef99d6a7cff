import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { CHECK_NAMES, type CheckName } from './findings.ts';

interface CheckOptions {
  site: string;
  pathprefix: string;
  only?: string;
  skip?: string;
}

/** Registers `check`: the quality gates run after a build. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('check the built site: accessibility, links, offline pages; and the build: determinism, atomic output, hostile data')
    .option('--site <dir>', 'built site to check', '_site')
    .option('--pathprefix <prefix>', 'URL prefix the site was built with', '/')
    .option('--only <checks>', `comma-separated checks to run, out of ${CHECK_NAMES.join(', ')}`)
    .option('--skip <checks>', 'comma-separated checks to leave out')
    .action(async (options: CheckOptions) => {
      const checks = selectChecks(options.only, options.skip);
      const { runChecks } = await import('./run.ts');
      const log = createLogger({ quiet: program.opts().quiet });
      const failed = await runChecks({ root: process.cwd(), site: options.site, pathPrefix: options.pathprefix, checks }, log);
      if (failed) process.exitCode = 1;
    });
}

/** Resolves --only and --skip into the checks to run, in their usual order. */
export function selectChecks(only: string | undefined, skip: string | undefined): CheckName[] {
  const parse = (value: string, option: string): CheckName[] => {
    const names = value.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = names.filter((name) => !(CHECK_NAMES as readonly string[]).includes(name));
    if (unknown.length > 0) throw new UsageError(`${option} got unknown check(s) ${unknown.join(', ')}; expected some of ${CHECK_NAMES.join(', ')}`);
    return names as CheckName[];
  };
  const chosen = only === undefined ? [...CHECK_NAMES] : parse(only, '--only');
  const skipped = skip === undefined ? [] : parse(skip, '--skip');
  const checks = CHECK_NAMES.filter((name) => chosen.includes(name) && !skipped.includes(name));
  if (checks.length === 0) throw new UsageError('no check left to run after --only and --skip');
  return checks;
}
