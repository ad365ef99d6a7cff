import { lineStarts, positionOf } from '../positions.ts';

/** A start tag found in an HTML file, with its attributes and where it starts (1-based). */
export interface StartTag {
  name: string;
  attributes: Map<string, string>;
  line: number;
  column: number;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Lists the start tags of an HTML document in order. It skips comments, doctypes and the
 * contents of raw-text elements (script, style), so an `href=` inside a code sample or a script
 * is not taken for a link. Attribute values are decoded (`&amp;` becomes `&`).
 */
export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  const lines = lineStarts(html);
  let index = 0;

  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open < 0) break;

    if (html.startsWith('<!--', open)) {
      index = endOf(html, '-->', open + 4);
      continue;
    }
    if (html[open + 1] === '!' || html[open + 1] === '?' || html[open + 1] === '/') {
      index = endOf(html, '>', open + 1);
      continue;
    }

    const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(open + 1, open + 64));
    if (!nameMatch) {
      index = open + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const { attributes, end } = readAttributes(html, open + 1 + nameMatch[0].length);
    tags.push({ name, attributes, ...positionOf(lines, open) });
    index = end;

    if (RAW_TEXT.has(name)) index = endOf(html, `</${name}`, index, true);
  }
  return tags;
}

function readAttributes(html: string, start: number): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  const pattern = /\s*(?:(\/?>)|([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\/)/y;
  pattern.lastIndex = start;

  while (pattern.lastIndex < html.length) {
    const match = pattern.exec(html);
    if (!match) return { attributes, end: html.length };
    if (match[1]) return { attributes, end: pattern.lastIndex };
    if (match[2]) attributes.set(match[2].toLowerCase(), decodeEntities(match[3] ?? match[4] ?? match[5] ?? ''));
  }
  return { attributes, end: html.length };
}

/** Decodes the named entities used in attribute values and every numeric one. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function endOf(html: string, marker: string, from: number, caseless = false): number {
  const haystack = caseless ? html.toLowerCase() : html;
  const found = haystack.indexOf(marker, from);
  return found < 0 ? html.length : found + (caseless ? 0 : marker.length);
}
