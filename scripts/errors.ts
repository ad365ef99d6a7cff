/** A problem in an input file that the user can fix, located by 1-based line and column. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Formats a problem the way compilers do, so editors and terminals can jump to it. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Raised when inputs are invalid; carries every problem found, not only the first. */
export class InputError extends Error {
  readonly problems: Problem[];

  constructor(summary: string, problems: Problem[]) {
    super(`${summary}\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** Raised for a wrong command line; the CLI exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function isEnoent(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Merges the problems of several failed stages into one InputError; rethrows anything else. */
export function combineFailures(results: PromiseSettledResult<unknown>[]): void {
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length === 0) return;

  const other = failures.find((f) => !isInputError(f.reason));
  if (other) throw other.reason;

  const problems = failures.flatMap((f) => (f.reason as InputError).problems);
  throw new InputError(`${problems.length} problem(s) in the inputs:`, problems);
}
