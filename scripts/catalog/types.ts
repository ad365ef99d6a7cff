/** A place in a catalog file: the file and the dotted path of a node, e.g. "tools.3.vendor". */
export interface SourceRef {
  file: string;
  path: string;
}

export const RELATION_KINDS = [
  'runs on',
  'uses',
  'includes',
  'can work together',
  'uses as a key-value store',
  'replaced by',
  'renamed to',
  'is now part of',
  'networking based on',
] as const;

export type RelationKind = (typeof RELATION_KINDS)[number];
export type Lifecycle = 'active' | 'obsolete';
export type ChangeStatus = 'active' | 'archived' | 'retired' | 'renamed' | 'merged' | 'unverified';

export interface Category {
  id: string;
  name: string;
  colour: string;
  description: string;
  source: SourceRef;
}

export interface Vendor {
  id: string;
  name: string;
  source: SourceRef;
}

export interface Tool {
  name: string;
  homepage: string;
  description: string;
  /** Category ids, main category first. */
  categories: string[];
  vendor?: string;
  lifecycle: Lifecycle;
  /** Edition id of the first appearance; absent when older than every recorded edition. */
  since?: string;
  source: SourceRef;
}

export interface Relation {
  from: string;
  to: string;
  kind: RelationKind;
  source: SourceRef;
}

/** What became of one tool in one edition. */
export interface Change {
  tool: string;
  status: ChangeStatus;
  date?: string;
  /** The tool it was renamed to, merged into or replaced by. */
  to?: string;
  sources: string[];
  note?: string;
  source: SourceRef;
}

export interface Edition {
  id: string;
  date: string;
  author: string;
  changes: Change[];
  source: SourceRef;
}

export interface Catalog {
  categories: Category[];
  vendors: Vendor[];
  tools: Tool[];
  relations: Relation[];
  editions: Edition[];
}
