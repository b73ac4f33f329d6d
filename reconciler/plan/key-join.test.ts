/** joinByKey visits what the former maps-and-sorted-keys loop of computePlan visited, in the same order. */
import { describe, expect, it } from 'vitest';
import { compareKeys } from '../util/compare-keys';
import { joinByKey } from './key-join';

interface Obj {
  readonly key: string;
  readonly n: number;
}

/** The former loop: a map per side, the union of keys, sorted when not in order already. */
function reference(wanted: readonly Obj[], had: readonly Obj[]): string[] {
  const want = new Map(wanted.map((d) => [d.key, d] as const));
  const have = new Map(had.map((l) => [l.key, l] as const));
  let keys = [...new Set([...want.keys(), ...have.keys()])];
  for (let i = 1; i < keys.length; i++)
    if (compareKeys(keys[i - 1] as string, keys[i] as string) > 0) {
      keys = keys.sort(compareKeys);
      break;
    }
  return keys.map((k) => `${k}:${want.get(k)?.n ?? '-'}/${have.get(k)?.n ?? '-'}`);
}

function visited(wanted: readonly Obj[], had: readonly Obj[]): string[] {
  const out: string[] = [];
  joinByKey(wanted, had, (k, d, l) => out.push(`${k}:${d?.n ?? '-'}/${l?.n ?? '-'}`));
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Keys that compare equal without being equal ('01' and '1' numerically, accents), letters, extensions.
const POOL = ['1', '01', '2', '9', '10', '100', '1000', '999', 'a', 'A', 'b', 'é', 'e\u0301', 'pizza', 'pizza #2', ''];

describe('joinByKey', () => {
  it('visits keys in order, once each, with both sides, for ordered and unordered lists', () => {
    const r = rng(7);
    let n = 0;
    for (let round = 0; round < 2000; round++) {
      const list = (): Obj[] => {
        const keys = Array.from({ length: Math.floor(r() * 8) }, () => POOL[Math.floor(r() * POOL.length)] as string);
        if (r() < 0.6) keys.sort(compareKeys); // mostly in order, as reads and files give them
        return keys.map((key) => ({ key, n: n++ }));
      };
      const wanted = list();
      const had = list();
      expect(visited(wanted, had)).toEqual(reference(wanted, had));
    }
  });

  it('merges lists in order without look-ups: creates, updates and deletes interleaved', () => {
    const wanted = ['999', '1000', '1002', '1010'].map((key, n) => ({ key, n }));
    const had = ['1000', '1001', '1010', '1011'].map((key, n) => ({ key, n: 10 + n }));
    expect(visited(wanted, had)).toEqual(['999:0/-', '1000:1/10', '1001:-/11', '1002:2/-', '1010:3/12', '1011:-/13']);
  });

  it('gives every visit the context, in lists merged in order and in lists that are not', () => {
    const visit = (k: string, d: Obj | undefined, l: Obj | undefined, into: string[]) =>
      into.push(`${k}:${d?.n ?? '-'}/${l?.n ?? '-'}`);
    const inOrder = [['1', '2'].map((key, n) => ({ key, n })), ['2', '3'].map((key, n) => ({ key, n: 10 + n }))];
    const unordered = [['b', 'a'].map((key, n) => ({ key, n })), [{ key: 'a', n: 10 }]];
    for (const [wanted, had] of [inOrder, unordered] as const) {
      const into: string[] = [];
      joinByKey(wanted, had, visit, into);
      expect(into).toEqual(reference(wanted, had));
    }
  });
});
