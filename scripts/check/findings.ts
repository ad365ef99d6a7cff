/** The checks `netnotes check` runs, by the name used on the command line. */
export const CHECK_NAMES = ['links', 'accessibility', 'determinism', 'atomic', 'hostile'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** One problem a check found: where it is (file:line:column, a file or a URL) and what is wrong. */
export interface Finding {
  check: CheckName | 'offline';
  where: string;
  message: string;
}

export function formatFinding(finding: Finding): string {
  return `${finding.check}: ${finding.where}: ${finding.message}`;
}
