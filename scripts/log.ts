import createDebug from 'debug';
import pc from 'picocolors';

/** The build log: short lines with a faint verb, a count or a path, and a timing. */
export interface Logger {
  /** A step that happened, e.g. log.step('rendered', '12 charts', 340). */
  step(verb: string, what: string, ms?: number): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LoggerOptions {
  quiet?: boolean;
  stream?: NodeJS.WritableStream;
}

export function createLogger({ quiet = false, stream = process.stderr }: LoggerOptions = {}): Logger {
  const write = (line: string) => stream.write(`${line}\n`);
  return {
    step(verb, what, ms) {
      if (quiet) return;
      const timing = ms === undefined ? '' : pc.dim(` in ${formatDuration(ms)}`);
      write(`${pc.dim(verb)} ${what}${timing}`);
    },
    info(message) {
      if (!quiet) write(message);
    },
    warn(message) {
      write(pc.yellow(`warning: ${message}`));
    },
    error(message) {
      write(pc.red(`error: ${message}`));
    },
  };
}

/** Creates a logger that keeps lines in memory, for tests that check what a stage reported. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    step: (verb, what) => lines.push(`${verb} ${what}`),
    info: (message) => lines.push(message),
    warn: (message) => lines.push(`warning: ${message}`),
    error: (message) => lines.push(`error: ${message}`),
  };
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Creates a per-module debug logger, enabled with DEBUG=netnotes:* (or DEBUG=netnotes:ingest). */
export function debug(module: string): createDebug.Debugger {
  return createDebug(`netnotes:${module}`);
}
