import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

import type { Problem } from '../errors.ts';

export interface Position {
  line: number;
  column: number;
}

/**
 * Where each node of one YAML file starts, by dotted path ("tools.3.vendor"), and where each
 * mapping key starts ("tools.3#vendor"), so any problem can name file:line:column.
 */
export class SourcePositions {
  readonly file: string;
  private readonly values = new Map<string, Position>();
  private readonly keys = new Map<string, Position>();

  constructor(file: string, document: Document, lineCounter: LineCounter) {
    this.file = file;
    const toPosition = (offset: number): Position => {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    };
    this.walk(document.contents as Node | null, '', toPosition);
  }

  /** The position of the node at `path`, or of its nearest ancestor that exists. */
  at(path: string): Position {
    let current = path;
    for (;;) {
      const found = this.values.get(current);
      if (found) return found;
      if (current === '') return { line: 1, column: 1 };
      const cut = current.lastIndexOf('.');
      current = cut < 0 ? '' : current.slice(0, cut);
    }
  }

  /** The position of the key `key` inside the mapping at `path`, or of the mapping itself. */
  keyAt(path: string, key: string): Position {
    return this.keys.get(`${path}#${key}`) ?? this.at(path);
  }

  problem(path: string, message: string): Problem {
    return { file: this.file, ...this.at(path), message };
  }

  keyProblem(path: string, key: string, message: string): Problem {
    return { file: this.file, ...this.keyAt(path, key), message };
  }

  private walk(node: Node | null, path: string, toPosition: (offset: number) => Position): void {
    if (!node) return;
    if (node.range) this.values.set(path, toPosition(node.range[0]));
    const join = (segment: string | number) => (path === '' ? String(segment) : `${path}.${segment}`);

    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (pair.key.range) this.keys.set(`${path}#${key}`, toPosition(pair.key.range[0]));
        const value = pair.value as Node | null;
        // A key with no value still needs a position: point at the key.
        if (!value && pair.key.range) this.values.set(join(key), toPosition(pair.key.range[0]));
        this.walk(value, join(key), toPosition);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => this.walk(item as Node, join(index), toPosition));
    }
  }
}
