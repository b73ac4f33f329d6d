/**
 * Records by one of their string fields, for the emulator's per-request lookups (issue 15: in a domain of
 * 10,000 users every per-user request scanned every user and every answer rule, O(n²) over a plan).
 * The index is cached per array; after a write it is checked against the elements it was built from —
 * reference comparisons, cheap at any shape — so a push extends it, and a splice, a reordering or a
 * replaced array rebuilds it. The indexed fields are ids (`user`) that no route changes in place (they
 * are read-only in every PUT). Lookups keep array order: `get(id)[0]` is what `find` returned, the list
 * what `filter` returned.
 */
import type { JsonRecord } from './types';

interface Index {
  /** `edits` when it was built: an out-of-band edit may change any field in place, so it rebuilds. */
  readonly edits: number;
  readonly snapshot: JsonRecord[];
  readonly by: Map<string, JsonRecord[]>;
  /** The write count when the snapshot was last compared with the array. */
  checkedAt: number;
}

let writes = 0;
let edits = 0;

/**
 * A write request (or an out-of-band edit) is about to change records: each index is compared with its
 * array again on its next use. Between writes a cached index is trusted while its array keeps its length
 * (a route that removes records builds a new array; a read never changes one).
 */
export function noteWrite(): void {
  writes++;
}

/**
 * An out-of-band edit (`mutate`, tests) ran: it may have changed an indexed field in place, which no route
 * does, so every index is rebuilt on its next use.
 */
export function noteEdit(): void {
  edits++;
  writes++;
}

const indexes = new WeakMap<JsonRecord[], Map<string, Index>>();

function add(by: Map<string, JsonRecord[]>, field: string, r: JsonRecord): void {
  const key = r[field];
  if (typeof key !== 'string') return;
  const list = by.get(key);
  if (list) list.push(r);
  else by.set(key, [r]);
}

/** How many leading elements of `records` are still those of `snapshot` (all of it, or the index is stale). */
function samePrefix(snapshot: readonly JsonRecord[], records: readonly JsonRecord[]): boolean {
  if (records.length < snapshot.length) return false;
  for (let i = 0; i < snapshot.length; i++) if (snapshot[i] !== records[i]) return false;
  return true;
}

export function recordsBy(records: JsonRecord[], field: string): ReadonlyMap<string, readonly JsonRecord[]> {
  let perField = indexes.get(records);
  if (!perField) {
    perField = new Map();
    indexes.set(records, perField);
  }
  const fresh = perField.get(field);
  const cached = fresh?.edits === edits ? fresh : undefined;
  if (cached && cached.checkedAt === writes && cached.snapshot.length === records.length) return cached.by;
  if (cached && samePrefix(cached.snapshot, records)) {
    cached.checkedAt = writes;
    // Appended since: extend the index.
    for (let i = cached.snapshot.length; i < records.length; i++) {
      const r = records[i] as JsonRecord;
      cached.snapshot.push(r);
      add(cached.by, field, r);
    }
    return cached.by;
  }
  const by = new Map<string, JsonRecord[]>();
  for (const r of records) add(by, field, r);
  perField.set(field, { edits, snapshot: records.slice(), by, checkedAt: writes });
  return by;
}

/** The first record whose `field` is `id` (what `records.find((r) => r[field] === id)` returns). */
export function recordById(records: JsonRecord[], field: string, id: unknown): JsonRecord | undefined {
  return typeof id === 'string' ? recordsBy(records, field).get(id)?.[0] : undefined;
}
