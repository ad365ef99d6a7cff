import type { IngestRecord } from './events.ts';
import type { Endpoint } from './types.ts';

/**
 * Sorts records into streams (transfer id and both endpoints) without building a string for
 * each record. Endpoints are compared by address and port. When a reader shares one Endpoint
 * object between rows, the object itself identifies them, so even that comparison is skipped.
 */
export class StreamGroups<G> {
  private readonly canonical = new Map<string, Endpoint>();
  private readonly seen = new WeakMap<Endpoint, Endpoint>();
  private readonly tree = new Map<Endpoint | undefined, Map<Endpoint | undefined, Map<number, G>>>();
  private readonly list: G[] = [];

  constructor(private readonly create: (record: IngestRecord) => G) {}

  /** Returns the group of the record's stream, created on its first record. */
  of(record: IngestRecord): G {
    const first = this.same(record.first);
    const second = this.same(record.second);
    let seconds = this.tree.get(first);
    if (seconds === undefined) this.tree.set(first, (seconds = new Map()));
    let ids = seconds.get(second);
    if (ids === undefined) seconds.set(second, (ids = new Map()));
    let group = ids.get(record.id);
    if (group === undefined) {
      group = this.create(record);
      ids.set(record.id, group);
      this.list.push(group);
    }
    return group;
  }

  /** Lists every group, in the order of each stream's first record. */
  groups(): readonly G[] {
    return this.list;
  }

  /** Returns the first Endpoint seen with this address and port. */
  private same(endpoint: Endpoint | undefined): Endpoint | undefined {
    if (endpoint === undefined) return undefined;
    let found = this.seen.get(endpoint);
    if (found === undefined) {
      const key = `${endpoint.address}:${endpoint.port}`;
      found = this.canonical.get(key);
      if (found === undefined) this.canonical.set(key, (found = endpoint));
      this.seen.set(endpoint, found);
    }
    return found;
  }
}
