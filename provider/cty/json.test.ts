/**
 * JSON state (UpgradeResourceState) → cty: the path-less conversion that answers first gives what the
 * path-keeping one gives, value for value (key order included) or error for error.
 */
import { describe, expect, it } from 'vitest';
import { genType, NAMES, outcome, pick, prng, STRINGS } from '../test-support/cty-random';
import { type CtyType, DynamicVal, fromJsonValue, fromJsonValueGeneric, types, typeToJson } from './index';

describe('JSON state conversion: the fast path = the one that keeps the path', () => {
  const scalars: unknown[] = [
    null,
    'x',
    'true',
    'false',
    '',
    ' 12 ',
    '0.1',
    'abc',
    true,
    false,
    0,
    -0,
    2.5,
    1e21,
    [],
    {},
    { type: 'string', value: 'v' },
    { type: ['list', 'number'], value: [1, '2'] },
    { type: 'bogus' },
  ];
  it('random JSON values under random types: same value (key order included) or the same error', () => {
    let fast = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const r = prng(seed);
      const t = genType(r, 3, seed % 4 === 0);
      const build = (tt: CtyType, d: number): unknown => {
        if (r() < 0.1 || d > 4) return pick(r, scalars);
        switch (tt.kind) {
          case 'string':
            return pick(r, STRINGS.slice(0, 12));
          case 'number':
            return pick(r, [0, -1, 2.5, 1e21, '7', ' 3 ', '1e3', 'x', Number.MAX_SAFE_INTEGER]);
          case 'bool':
            return pick(r, [true, false, 'true', 'false', 'yes']);
          case 'dynamic':
            return pick(r, scalars);
          case 'list':
          case 'set':
            return Array.from({ length: Math.floor(r() * 4) }, () => build(tt.element, d + 1));
          case 'tuple':
            return tt.elements.map((e) => build(e, d + 1));
          case 'map': {
            const o: Record<string, unknown> = {};
            for (let i = Math.floor(r() * 4); i > 0; i--) o[pick(r, NAMES)] = build(tt.element, d + 1);
            return o;
          }
          case 'object': {
            const o: Record<string, unknown> = {};
            for (const [k, at] of Object.entries(tt.attributes)) if (r() > 0.15) o[k] = build(at, d + 1);
            if (r() < 0.1) o.extra = 1;
            return o;
          }
        }
      };
      const raw = JSON.parse(JSON.stringify(build(t, 0) ?? null));
      const where = `seed ${seed}, type ${JSON.stringify(typeToJson(t))}`;
      const generic = outcome(() => shownJson(fromJsonValueGeneric(raw, t, '.p')));
      const direct = outcome(() => shownJson(fromJsonValue(raw, t, '.p')));
      expect(direct, where).toEqual(generic);
      if (generic.ok) fast++;
    }
    expect(fast).toBeGreaterThan(500);
  });

  it('an attribute named like an Object.prototype member reads what the generic path reads', () => {
    const t = types.object({ constructor: types.string, toString: types.string, name: types.string });
    const raw = JSON.parse('{"name":"n"}');
    expect(outcome(() => fromJsonValue(raw, t, ''))).toEqual(outcome(() => fromJsonValueGeneric(raw, t, '')));
  });
});

function shownJson(v: unknown): unknown {
  if (v instanceof DynamicVal) return { dynamic: typeToJson(v.type), value: shownJson(v.value) };
  if (Array.isArray(v)) return v.map(shownJson);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, e]) => [k, shownJson(e)]);
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  return v;
}
