/**
 * completeState is one pass now; it must give what the two-pass form gave: `normalizeBlock(schema,
 * unknownsToNull(merged))`, key order included, for schemas with attributes and every kind of nested block.
 */
import { describe, expect, it } from 'vitest';
import { type CtyObject, type CtyValue, UNKNOWN, Unknown } from '../cty';
import { prng } from '../test-support/cty-random';
import { completeState, normalizeBlock, unknownsToNull } from './plan';
import { attr, type BlockSpec, block } from './schema';

/** The former implementation, kept as the reference. */
function reference(schema: BlockSpec, result: object, fallback: CtyObject | null): CtyObject {
  const r = result as Record<string, CtyValue | undefined>;
  const merged: Record<string, CtyValue> = {};
  for (const name of [...Object.keys(schema.attributes ?? {}), ...Object.keys(schema.blocks ?? {})]) {
    const v = r[name];
    merged[name] = v !== undefined ? v : fallback ? (fallback[name] ?? null) : null;
  }
  return normalizeBlock(schema, unknownsToNull(merged) as CtyObject);
}

const inner: BlockSpec = { attributes: { a: attr.string({ optional: true }), n: attr.number({ computed: true }) } };
const schema: BlockSpec = {
  attributes: {
    id: attr.string({ computed: true }),
    name: attr.string({ required: true }),
    tags: attr.list(attr.string().type!, { optional: true }),
    obj: attr.nested('single', { x: attr.string({ optional: true }) }, { optional: true }),
  },
  blocks: {
    single: block.single(inner),
    group: block.group(inner),
    list: block.list(inner),
    set: block.set(inner),
    map: block.map(inner),
  },
};

function value(r: () => number, depth: number): CtyValue | undefined {
  const x = r();
  if (x < 0.15) return undefined;
  if (x < 0.3) return null;
  if (x < 0.4) return UNKNOWN;
  if (x < 0.55) return 's';
  if (x < 0.6) return 7;
  if (depth <= 0) return true;
  if (x < 0.8) return [value(r, depth - 1) ?? null, { a: value(r, depth - 1) ?? null, n: UNKNOWN }];
  return { a: value(r, depth - 1) ?? null, n: 1, k: { a: 'x' } };
}

function shown(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x instanceof Unknown ? '<unknown>' : x));
}

describe('completeState', () => {
  it('equals normalizeBlock(unknownsToNull(merged)) for random results and fallbacks (order included)', () => {
    const names = ['id', 'name', 'tags', 'obj', 'single', 'group', 'list', 'set', 'map', 'extra'];
    for (let seed = 1; seed <= 2000; seed++) {
      const r = prng(seed);
      const result: Record<string, CtyValue | undefined> = {};
      const fallback: Record<string, CtyValue> = {};
      for (const n of names) {
        const v = value(r, 2);
        if (v !== undefined || r() < 0.5) result[n] = v;
        const f = value(r, 2);
        if (f !== undefined) fallback[n] = f;
      }
      const fb = r() < 0.2 ? null : fallback;
      expect(shown(completeState(schema, result, fb)), `seed ${seed}`).toBe(shown(reference(schema, result, fb)));
    }
  });
});
