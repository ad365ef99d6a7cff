const QUOTED_CHARS = 40;

/** Quotes a value for an error message, cut to its first 40 characters, as a value can be megabytes long. */
export function quoted(text: string): string {
  return text.length > QUOTED_CHARS ? `"${text.slice(0, QUOTED_CHARS)}…"` : `"${text}"`;
}
