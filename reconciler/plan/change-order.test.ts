/** addDependencies gives what the former per-delete scan of every change gave, for random plans. */
import { describe, expect, it } from 'vitest';
import { ANY_EXTENSION, type Comparable, RELATIONS, type Reference, type Relation } from '../kinds/kind';
import type { Registry } from '../kinds/registry';
import { addDependencies, type Change } from './change-order';
import { pointsAt } from './references';

/** Kinds whose content lists what it points at: `points: [[relation, kind, key], …]`. */
const registry = {
  get: (kind: string) => ({
    order: 10,
    references: (key: string, content: Comparable): Reference[] =>
      ((content.points ?? []) as string[][]).map(([relation, target, to]) => ({
        from: `${kind} ${key}`,
        source: { kind, key },
        relation: relation as Relation,
        kind: target as string,
        key: to as string,
      })),
  }),
} as unknown as Registry;

/** The former code: for each delete, every change's `before` references, made again. */
function reference(changes: Change[]): Change[] {
  const byKey = new Map<string, Change[]>();
  for (const c of changes) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const ordering = (kindName: string, key: string, content: Comparable) =>
    (registry.get(kindName)?.references(key, content) ?? []).filter((r) => RELATIONS[r.relation].ordersApply);
  return changes.map((c) => {
    const deps = new Set<string>();
    if (c.after && (c.action === 'create' || c.action === 'update' || c.action === 'recycle')) {
      for (const ref of ordering(c.kind, c.key, c.after))
        for (const other of byKey.get(ref.key) ?? [])
          if (
            other.id !== c.id &&
            pointsAt(ref, other.kind, other.key) &&
            (other.action === 'create' || other.action === 'recycle')
          )
            deps.add(other.id);
    }
    if (c.action === 'delete')
      for (const other of changes) {
        if (other.id === c.id || !other.before) continue;
        if (ordering(other.kind, other.key, other.before).some((r) => pointsAt(r, c.kind, c.key))) deps.add(other.id);
      }
    return deps.size ? { ...c, dependsOn: [...deps].sort() } : c;
  });
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('addDependencies', () => {
  it('orders deletes after what pointed at them, as the per-delete scan did, for random plans', () => {
    const r = rng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    const KINDS = ['user', 'site', 'ring_group'];
    const KEYS = ['1000', '1001', 'HQ', 'Lab', '2000'];
    const RELS = Object.keys(RELATIONS) as Relation[];
    const content = (): Comparable => ({
      points: Array.from({ length: Math.floor(r() * 4) }, () => [
        pick(RELS),
        r() < 0.2 ? ANY_EXTENSION : pick(KINDS),
        pick(KEYS),
      ]),
    });
    let deletes = 0;
    for (let round = 0; round < 500; round++) {
      const changes: Change[] = [];
      const n = Math.floor(r() * 12);
      for (let i = 0; i < n; i++) {
        const action = pick(['create', 'update', 'delete', 'recycle'] as const);
        const kind = pick(KINDS);
        const key = pick(KEYS);
        if (action === 'delete') deletes++;
        changes.push({
          id: `${kind}:${key}`, // ids may repeat, as the scan allowed
          action,
          kind,
          key,
          ...(action !== 'create' ? { before: content() } : {}),
          ...(action !== 'delete' ? { after: content() } : {}),
          dependsOn: [],
        });
      }
      expect(addDependencies(changes, registry)).toEqual(reference(changes));
    }
    expect(deletes).toBeGreaterThan(500);
  });
});
