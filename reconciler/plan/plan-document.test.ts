/** The canonical JSON behind every digest and checksum: the same text as before it was written out by hand. */
import { describe, expect, it } from 'vitest';
import { SecretValue } from '../kinds/secret';
import type { DomainDesiredState } from '../desired/load-desired-state';
import type { LiveObject } from '../kinds/kind';
import type { DomainLiveState } from '../live/read-live-state';
import { canonicalJson, domainInputs, objectDigest, sha256 } from './plan-document';

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

describe('domainInputs', () => {
  const live = (lists: Record<string, string[]>, dup?: string): DomainLiveState => ({
    domain: 'd.example.com',
    extensions: new Set(),
    objects: new Map(
      Object.entries(lists).map(([kind, keys]) => [
        kind,
        [...keys, ...(dup && kind === 'user' ? [dup] : [])].map((key, i) => ({
          kind,
          domain: 'd.example.com',
          key,
          comparable: { name: `${kind} ${key}`, n: i },
          platform: {},
        })),
      ]),
    ),
  });
  const desired = { sourceText: 'users: []\n' } as unknown as DomainDesiredState;

  it('digests the canonical JSON of the per-object digests, ids in order or not', () => {
    const cases = [
      live({ user: ['1000', '1001', '1002'], site: ['HQ'] }), // ids in code-unit order already
      live({ user: ['999', '1000', 'b', 'B'], shared_contact: ['z', 'a #2'] }), // not: they are sorted
      live({ user: ['1000', '1001'] }, '1000'), // an id twice: its first place, its last digest
      live({}),
    ];
    for (const l of cases) {
      const inputs = domainInputs(desired, l);
      expect(inputs.live_digest).toBe(sha256(canonicalJson(inputs.objects)));
      expect(inputs.files_digest).toBe(sha256(desired.sourceText));
      const ids = [...l.objects]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([k, os]) => os.map((o) => `${k}:${o.key}`));
      expect(Object.keys(inputs.objects)).toEqual([...new Set(ids)]);
    }
    const twice = domainInputs(desired, cases[2] as DomainLiveState);
    const last = (cases[2] as DomainLiveState).objects.get('user')?.at(-1) as LiveObject;
    expect(twice.objects['user:1000']).toBe(objectDigest(last));
  });
});
