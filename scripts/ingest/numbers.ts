/**
 * Strict readers for the numbers iperf prints. Each returns undefined for anything that is not
 * a plain finite number, so an unreadable value can never turn into 0 by accident.
 */

const INTEGER = /^[+-]?\d+$/;
// Each digit can belong to only one part, so a long run of digits cannot make the match quadratic.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NOT_A_NUMBER = /^[+-]?nan$/i;

export function readInteger(text: string): number | undefined {
  const trimmed = text.trim();
  if (!INTEGER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : undefined;
}

export function readDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** True for iperf's `nan` / `-nan`: a value the tool itself could not compute. */
export function isNotANumber(text: string): boolean {
  return NOT_A_NUMBER.test(text.trim());
}

/** Reads iperf 2's `start-end` interval, e.g. `0.0-5.4`. */
export function readSpan(text: string): { start: number; end: number } | undefined {
  const match = /^\s*(\d+(?:\.\d*)?)-(\d+(?:\.\d*)?)\s*$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end >= start ? { start, end } : undefined;
}
