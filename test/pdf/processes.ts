import { readdirSync, readFileSync } from 'node:fs';

/** Returns the PIDs of processes of group `pgid` that have not ended (zombies count as ended). */
export function runningInGroup(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        return false;
      }
      // The fields after the command name, which is in brackets and may contain spaces, are state, ppid and pgrp.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[2]) === pgid && fields[0] !== 'Z';
    })
    .map(Number);
}
