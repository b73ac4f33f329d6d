import { describe, expect, it } from 'vitest';
import { compareKeys } from './compare-keys';

const collator = new Intl.Collator('en', { numeric: true });

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('compareKeys', () => {
  it('orders plain numbers (its fast path) exactly as the numeric collator does', () => {
    const next = lcg(7);
    const keys = ['0', '1', '9', '10', '99', '100', '999', '1000', '10000', '69999', '123456789012345'];
    for (let i = 0; i < 2000; i++) keys.push(String(Math.floor(next() * 10 ** (1 + Math.floor(next() * 12)))));
    for (let i = 0; i < keys.length; i++) {
      const a = keys[i] as string;
      const b = keys[(i * 7 + 3) % keys.length] as string;
      expect(Math.sign(compareKeys(a, b)), `${a} vs ${b}`).toBe(Math.sign(collator.compare(a, b)));
    }
  });

  it('leaves everything else to the collator, so mixed lists sort as before', () => {
    const keys = [
      '1000',
      '999',
      '01',
      '1',
      '00',
      'HQ',
      'hq',
      'Site 10',
      'Site 9',
      '0',
      '1000a',
      '１２',
      '-5',
      '2.5',
      '',
    ];
    const expected = [...keys].sort((a, b) => collator.compare(a, b));
    expect([...keys].sort(compareKeys)).toEqual(expected);
    expect(compareKeys('999', '1000')).toBeLessThan(0);
    expect(compareKeys('1000', '1000')).toBe(0);
  });
});
