/**
 * TEST SUPPORT for the cty codec tests: a seeded PRNG, random cty types and awkward strings, and the
 * outcome (value or error message) of a conversion.
 */
import { type CtyType, types } from '../cty';

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

// Names at the JS property-order edges: integer-like keys ("10" before "9"), upper case, non-ASCII.
export const NAMES = ['a', 'b', 'id', 'domain', 'zeta', 'Z', '10', '9', '0', '01', 'x_y', 'ä', 'long_attribute_name_x'];

export function genType(r: () => number, depth: number, dynamic: boolean): CtyType {
  const prim = dynamic
    ? [types.string, types.number, types.bool, types.dynamic]
    : [types.string, types.number, types.bool];
  if (depth <= 0 || r() < 0.35) return pick(r, prim);
  const k = Math.floor(r() * 6);
  if (k === 0) return types.list(genType(r, depth - 1, dynamic));
  if (k === 1) return types.set(genType(r, depth - 1, dynamic));
  if (k === 2) return types.map(genType(r, depth - 1, dynamic));
  if (k === 3) return types.tuple([genType(r, depth - 1, dynamic), genType(r, depth - 1, dynamic)]);
  const attrs: Record<string, CtyType> = {};
  const n = 1 + Math.floor(r() * (r() < 0.1 ? 20 : 5));
  for (let i = 0; i < n; i++) attrs[i < NAMES.length ? pick(r, NAMES) : `n${i}`] = genType(r, depth - 1, dynamic);
  return types.object(attrs);
}

/** Strings at the msgpack header edges (31/32, 255/256, 65535/65536 bytes), the 50/200 thresholds of
 *  @msgpack/msgpack's UTF-8 paths, non-ASCII, a BOM, astral characters and lone surrogates. */
export const STRINGS = [
  '',
  'x',
  'bench.example.com/1000',
  'a'.repeat(31),
  'a'.repeat(32),
  'a'.repeat(255),
  'a'.repeat(256),
  'a'.repeat(65535),
  'a'.repeat(65536),
  `${'é'.repeat(15)}x`,
  'é'.repeat(16),
  'ümlaut ☎',
  '\uFEFFbom',
  `\uFEFF${'b'.repeat(250)}`,
  '😀 astral',
  `${'ß'.repeat(60)}`,
  `${'ß'.repeat(120)}`,
  'lone \uD800 high',
  'lone \uDC00 low',
  `${'x'.repeat(60)}\uD83D`,
  '0.1',
  ' 12 ',
  '',
];
export type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

export function outcome(f: () => unknown): Outcome {
  try {
    return { ok: true, value: f() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}
