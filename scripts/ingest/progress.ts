/**
 * Counts the bytes ingest has read from files in this process, so a command can show how far a
 * long read has got without the readers knowing about it.
 */
let bytesRead = 0;

export function countRead(bytes: number): void {
  bytesRead += bytes;
}

/** Returns the bytes read from files so far, across every file. */
export function readSoFar(): number {
  return bytesRead;
}
