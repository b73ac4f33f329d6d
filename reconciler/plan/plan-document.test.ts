/** The canonical JSON behind every digest and checksum: the same text as before it was written out by hand. */
import { describe, expect, it } from 'vitest';
import { SecretValue } from '../kinds/secret';
import { canonicalJson } from './plan-document';

/** The former implementation: JSON.stringify with a replacer that sorts keys. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v instanceof SecretValue) return v.toJSON();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

describe('canonicalJson', () => {
  it('gives the same text as the key-sorting replacer, secrets masked', () => {
    const pin = new SecretValue('4821', 'VM_PIN_1001');
    const cases: unknown[] = [
      { b: 1, a: [3, { z: null, y: undefined, x: 'é"\\n' }], c: { pin } },
      [undefined, () => 1, Number.NaN, -0, 1e21, 0.1, true, false, null, 'x'],
      { when: new Date(0), nested: { deeper: { list: [{ b: 2, a: 1 }], s: Symbol('s') } }, '10': 1, '9': 2 },
      'text',
      42,
      null,
      { ü: 1, u: 2, U: 3, '': 4 },
      // Key lists seen before (their order is remembered), in other orders, and a list too long to remember.
      [
        { b: 1, a: 2, c: { y: 1, x: 2 } },
        { b: 3, a: 4, c: { x: 5, y: 6 } },
        { a: 5, b: 6, '7': 0, '10': 1 },
        { b: 1, a: 2, d: 3 },
        Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`k${(i * 37) % 70}`, i])),
      ],
      { shared: [1, 2], again: { shared: [1, 2] } },
    ];
    for (const c of cases) expect(canonicalJson(c)).toBe(reference(c));
    expect(canonicalJson({ pin })).not.toContain('4821');
  });
});
