/** The digest written from bytes must be the sha256 of `canonicalJson`'s text, byte for byte, for any value. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretValue } from '../kinds/secret';
import { canonicalBytes, canonicalDigest } from './canonical-digest';
import { canonicalJson } from './canonical-json';

const textDigest = (v: unknown) => createHash('sha256').update(canonicalJson(v), 'utf8').digest('hex');

/** A small seeded generator (no Math.random: a failure must reproduce). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Characters that each take another path: ASCII, escapes, controls, 2- and 3-byte UTF-8, pairs, lone halves. */
const UNITS = ['a', 'Z', '0', ' ', '"', '\\', '/', '\b', '\t', '\n', '\f', '\r', '\u0000', '\u001f', '\u007f'].concat([
  'é',
  'ß',
  '\u07ff',
  '\u0800',
  '€',
  '\u2028',
  '\ufeff',
  '\uffff',
  '😀',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
]);

function randomString(r: () => number): string {
  let s = '';
  const n = Math.floor(r() * 12);
  for (let i = 0; i < n; i++) s += UNITS[Math.floor(r() * UNITS.length)];
  return s;
}

function randomValue(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 6 : 9));
  switch (pick) {
    case 0:
      return randomString(r);
    case 1:
      return [0, -0, 1.5, -3, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53][Math.floor(r() * 9)];
    case 2:
      return r() < 0.5;
    case 3:
      return null;
    case 4:
      return [undefined, () => 1, Symbol('s')][Math.floor(r() * 3)];
    case 5:
      return r() < 0.5 ? new SecretValue('4821', 'VM_PIN_1001') : new Date(Math.floor(r() * 1e12));
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const n = Math.floor(r() * 6);
      for (let i = 0; i < n; i++) {
        const k = r() < 0.2 ? String(Math.floor(r() * 20)) : randomString(r);
        o[k] = randomValue(r, depth + 1);
      }
      return o;
    }
  }
}

describe('canonicalDigest', () => {
  it("hashes exactly canonicalJson's UTF-8 bytes for seeded random values", () => {
    const r = rng(15);
    for (let i = 0; i < 3000; i++) {
      const v = { case: i, value: randomValue(r, 0) };
      const bytes = canonicalBytes(v);
      expect(bytes?.toString('utf8')).toBe(canonicalJson(v));
      expect(canonicalDigest(v)).toBe(textDigest(v));
    }
  });

  it('writes lone surrogates as escapes and pairs as 4-byte UTF-8, as JSON.stringify does', () => {
    const v = { lone: '\ud800x\udc00', pair: '😀', ctl: '\u0001\u001f', quote: '"\\' };
    expect(canonicalBytes(v)?.toString('latin1')).toBe(Buffer.from(canonicalJson(v), 'utf8').toString('latin1'));
    expect(canonicalDigest(v)).toBe(textDigest(v));
  });

  it('orders keys like canonicalJson: integer-like keys first by value, then by code unit', () => {
    const v = { b: 1, a: { z: 1, y: [{ d: 1, c: 2 }] }, '10': 0, '9': 0, '01': 0, B: 2, é: 3 };
    expect(canonicalBytes(v)?.toString('utf8')).toBe(canonicalJson(v));
  });

  it('gives values that are not plain data to canonicalJson (same digest, same errors)', () => {
    class Thing {
      constructor(readonly b = 1) {}
      readonly a = 2;
    }
    const fn = Object.assign(() => 1, { toJSON: () => 'f' }); // JSON.stringify calls it; a function is not data
    for (const v of [{ s: Object('boxed') }, { n: Object(3) }, { t: new Thing() }, [fn], { m: new Map([[1, 2]]) }]) {
      expect(canonicalBytes(v)).toBeUndefined();
      expect(canonicalDigest(v)).toBe(textDigest(v));
    }
    expect(() => canonicalDigest({ big: 1n })).toThrow(TypeError);
    expect(() => canonicalDigest(undefined)).toThrow();
  });

  it('masks secrets, and handles a value far larger than its buffer, then small ones again', () => {
    const pin = new SecretValue('4821', 'VM_PIN_1001');
    expect(canonicalBytes({ pin })?.toString('utf8')).not.toContain('4821');
    const big = Array.from({ length: 30000 }, (_, i) => ({ id: i, name: `user ${i} ✓`, pin }));
    expect(canonicalDigest(big)).toBe(textDigest(big));
    expect(canonicalDigest({ a: 1 })).toBe(textDigest({ a: 1 }));
  });

  it('a toJSON that digests something itself gets the text path and the right answer', () => {
    const inner = { z: 1, a: 'x' };
    const v = { outer: { toJSON: () => canonicalDigest(inner) }, b: [1, 2] };
    expect(canonicalDigest(v)).toBe(textDigest({ outer: textDigest(inner), b: [1, 2] }));
  });

  it('objects of remembered key lists (shapes) give the bytes canonicalJson gives, whatever the mix', () => {
    // Lists that share a first key (more than are remembered per key), one a prefix of another, the same
    // keys in other orders, integer-like keys: each object must be written from its own list.
    const lists = [
      ['first', 'b', 'a'],
      ['first', 'b'],
      ['first', 'b', 'a', 'c'],
      ['first', 'a', 'b'],
      ['first', 'z', '10', '9'],
      ['first'],
      ['b', 'first', 'a'],
      ['10', '2', 'x', 'first'],
    ];
    const r = rng(7);
    for (let i = 0; i < 4000; i++) {
      const keys = lists[Math.floor(r() * lists.length)] as string[];
      const o: Record<string, unknown> = {};
      for (const k of keys) o[k] = r() < 0.3 ? { first: i, [keys[0] as string]: [k] } : randomValue(r, 2);
      const v = r() < 0.5 ? o : [o, { nested: o }];
      expect(canonicalBytes(v)?.toString('utf8')).toBe(canonicalJson(v));
    }
  });

  it('an enumerable key on Object.prototype does not make an own key of a remembered list', () => {
    const proto = Object.prototype as Record<string, unknown>;
    expect(canonicalBytes({ a: 1, polluted: 2 })?.toString('utf8')).toBe('{"a":1,"polluted":2}');
    proto.polluted = 3;
    try {
      // `for…in` would list `polluted` after `a`, as the list remembered above does.
      expect(canonicalDigest({ a: 1 })).toBe(textDigest({ a: 1 }));
      expect(canonicalJson({ a: 1 })).toBe('{"a":1}');
    } finally {
      delete proto.polluted;
    }
    expect(canonicalBytes({ a: 1 })?.toString('utf8')).toBe('{"a":1}');
  });

  it('hashes the bytes just written when the buffer was replaced (no view of an old buffer)', () => {
    const sized = (n: number) => ({ s: 'x'.repeat(n) });
    const lengths = [0, 1, 7, 100, 5000, 70000, 3, 100, 5000];
    for (const n of lengths) expect(canonicalDigest(sized(n))).toBe(textDigest(sized(n)));
    const big = { s: 'y'.repeat(2_000_000) }; // past the size a buffer is kept at: replaced after use
    expect(canonicalDigest(big)).toBe(textDigest(big));
    for (const n of lengths) expect(canonicalDigest({ t: 'z'.repeat(n) })).toBe(textDigest({ t: 'z'.repeat(n) }));
  });
});
