/**
 * `normalizeNumber`'s digits-only fast path (issue 15) answers exactly what the general path answers: checked
 * against that path written out here, over the boundary cases and many generated inputs.
 */
import { describe, expect, it } from 'vitest';
import { normalizeNumber, normalizeNumberSet } from './normalize';

/** The general path, as it was before the fast path. */
function reference(input: string): string {
  const trimmed = input.trim();
  const lower = trimmed.toLowerCase();
  if (lower === 'anonymous' || lower === 'unknown') return lower;
  const digits = trimmed.replace(/[^0-9]/g, '');
  if (!trimmed.startsWith('+') && digits.length === 10 && /^[2-9]/.test(digits)) return `1${digits}`;
  return digits;
}

/** A small deterministic generator (no dependency): the same inputs on every run. */
function* inputs(count: number): Generator<string> {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const alphabet = '0123456789012345678901234567890123456789 +-().x#٣';
  for (let i = 0; i < count; i++) {
    const length = next() % 14;
    let s = '';
    for (let j = 0; j < length; j++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

describe('normalizeNumber', () => {
  it('digits only: as stored, with the NANP country code added to ten digits starting 2-9', () => {
    expect(normalizeNumber('2125550100')).toBe('12125550100');
    expect(normalizeNumber('9999999999')).toBe('19999999999');
    expect(normalizeNumber('1125550100')).toBe('1125550100');
    expect(normalizeNumber('0125550100')).toBe('0125550100');
    expect(normalizeNumber('12125550100')).toBe('12125550100');
    expect(normalizeNumber('212555010')).toBe('212555010');
    expect(normalizeNumber('1001')).toBe('1001');
    expect(normalizeNumber('')).toBe('');
  });

  it('answers as the general path does, for every input', () => {
    const cases = [
      '',
      ' ',
      '2125550100 ',
      ' 2125550100',
      '+2125550100',
      '+12125550100',
      '(212) 555-0100',
      'Anonymous',
      ' unknown ',
      '٣٣٣', // Arabic-Indic digits are not ASCII digits
      '21255501OO',
      ...inputs(5000),
    ];
    for (const c of cases) expect(normalizeNumber(c), JSON.stringify(c)).toBe(reference(c));
  });

  it('sets: sorted and de-duplicated after normalising', () => {
    expect(normalizeNumberSet(['2125550100', '12125550100', '1001', '+1 212 555 0100'])).toEqual([
      '1001',
      '12125550100',
    ]);
  });
});
