import os from 'node:os';

import { chromiumVersion } from '../pdf/browser.ts';

/** The machine a benchmark ran on, written next to its numbers. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  os: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion(),
    os: `${os.type()} ${os.release()}`,
  };
}
