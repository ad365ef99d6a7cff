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
      const { listFiles, ingestAll } = await import('./walk.ts');
      const { jsonReport, textReport } = await import('./report.ts');
      const { showReadProgress } = await import('./progress-bar.ts');
      const listed = await listFiles(paths);
      const hideProgress = await showReadProgress(listed);
      let files;
      try {
        files = await ingestAll(listed);
      } finally {
        hideProgress();
      }
      const output = options.json ? JSON.stringify(jsonReport(files), null, 2) : textReport(files).join('\n');
      process.stdout.write(`${output}\n`);
      if (files.some((file) => file.status === 'rejected')) process.exitCode = 1;
    });
}
