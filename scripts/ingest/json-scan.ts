/**
 * A small JSON reader for iperf 3 output that plain JSON.parse refuses: it accepts `nan`,
 * `-nan` and `inf` (read as NaN, so callers treat them as absent), keeps the last of duplicate
 * keys as JSON.parse does, remembers the line each object starts on, and when the text ends
 * inside an object returns what was read so far with a note of where it was cut.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class JsonSyntaxError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export interface Scanned {
  value: JsonValue;
  /** Offset just after the value. */
  end: number;
  /** Set when the text ended inside the value: the offset of the innermost open bracket. */
  cutAt?: number;
}

const objectLines = new WeakMap<object, number>();

/** The 1-based line an object or array started on, when it was read by scanJson. */
export function lineOf(value: unknown): number | undefined {
  return typeof value === 'object' && value !== null ? objectLines.get(value) : undefined;
}

/** Nesting deeper than this is rejected as invalid, because iperf 3 output is a few levels deep. */
const MAX_DEPTH = 256;

export function scanJson(text: string, offset: number, lineAt: (offset: number) => number): Scanned {
  let pos = offset;
  let cutAt: number | undefined;
  let depth = 0;

  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos += 1;
  };
  const atEnd = () => pos >= text.length;

  const readValue = (): JsonValue => {
    skipSpace();
    if (atEnd()) throw new Truncated();
    const char = text[pos];
    if (char === '{') return readObject();
    if (char === '[') return readArray();
    if (char === '"') return readString();
    const word = /^(?:-?(?:nan|inf(?:inity)?)|true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/i.exec(text.slice(pos, pos + 40));
    if (!word) throw new JsonSyntaxError(pos, `expected a JSON value, found "${text.slice(pos, pos + 12)}"`);
    pos += word[0].length;
    const lower = word[0].toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (/nan|inf/.test(lower)) return Number.NaN;
    return Number(word[0]);
  };

  const readString = (): string => {
    const start = pos;
    pos += 1;
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\') pos += 1;
      if (text[pos] === '\n') throw new JsonSyntaxError(pos, 'expected a closing quote before the end of the line');
      pos += 1;
    }
    if (atEnd()) throw new Truncated();
    pos += 1;
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      throw new JsonSyntaxError(start, 'expected a valid JSON string');
    }
  };

  const readContainer = <T extends object>(open: string, close: string, into: T, readItem: (into: T) => void): T => {
    const start = pos;
    if (depth >= MAX_DEPTH) throw new JsonSyntaxError(start, `expected JSON nested at most ${MAX_DEPTH} levels deep`);
    depth += 1;
    objectLines.set(into, lineAt(start));
    pos += 1;
    skipSpace();
    try {
      if (text[pos] === close) {
        pos += 1;
        return into;
      }
      for (;;) {
        readItem(into);
        skipSpace();
        if (atEnd()) throw new Truncated();
        if (text[pos] === ',') {
          pos += 1;
          continue;
        }
        if (text[pos] === close) {
          pos += 1;
          return into;
        }
        throw new JsonSyntaxError(pos, `expected "," or "${close}" after the value, found "${text[pos]}"`);
      }
    } catch (error) {
      if (!(error instanceof Truncated)) throw error;
      cutAt ??= start;
      return into;
    } finally {
      depth -= 1;
    }
  };

  const readObject = () =>
    readContainer('{', '}', {} as { [key: string]: JsonValue }, (into) => {
      skipSpace();
      if (atEnd()) throw new Truncated();
      if (text[pos] !== '"') throw new JsonSyntaxError(pos, `expected a quoted key, found "${text[pos]}"`);
      const key = readString();
      skipSpace();
      if (atEnd()) throw new Truncated();
      if (text[pos] !== ':') throw new JsonSyntaxError(pos, `expected ":" after the key "${key}"`);
      pos += 1;
      into[key] = readValue();
    });

  const readArray = () =>
    readContainer('[', ']', [] as JsonValue[], (into) => {
      into.push(readValue());
    });

  const value = readValue();
  return { value, end: pos, cutAt };
}

class Truncated extends Error {}
