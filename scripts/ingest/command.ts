import type { Command } from 'commander';

import { UsageError } from '../errors.ts';

/** Registers `ingest PATH... [--json]`. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('read iperf logs (files or folders) and report each file as parsed, skipped or rejected')
    .argument('<paths...>', 'log files or folders to read')
    .option('--json', 'print one JSON document instead of the text report')
    .action(async (paths: string[], options: { json?: boolean }) => {
      if (paths.length === 0) throw new UsageError('give at least one file or folder');
      const { listFiles } = await import('./walk.ts');
      const { ingestPaths } = await import('./paths.ts');
      const { jsonReport, textReport } = await import('./report.ts');
      const { showReadProgress } = await import('./progress-bar.ts');
      const hideProgress = await showReadProgress(await listFiles(paths));
      let report;
      try {
        report = await ingestPaths(paths);
      } finally {
        hideProgress();
      }
      const output = options.json ? JSON.stringify(jsonReport(report), null, 2) : textReport(report).join('\n');
      process.stdout.write(`${output}\n`);
      // As in a build: a file the manifest excludes does not count, a manifest problem does.
      if (report.problems.length > 0) process.exitCode = 1;
    });
}
