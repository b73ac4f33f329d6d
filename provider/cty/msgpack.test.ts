/**
 * The direct msgpack codec (msgpack.ts) against the generic path it replaces (@msgpack/msgpack plus the
 * toRaw/fromRaw conversions of codec.ts): wherever the direct codec answers, its answer is the generic one
 * byte for byte (encode) or value for value (decode); where it gives up, `encodeMsgpack`/`decodeMsgpack`
 * answer (or fail) exactly as the generic path does.
 */
import { encode as rawEncode, ExtData } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import {
  type CtyType,
  type CtyValue,
  decodeMsgpack,
  decodeMsgpackGeneric,
  DynamicVal,
  encodeMsgpack,
  encodeMsgpackGeneric,
  types,
  typeToJson,
  UNKNOWN,
  Unknown,
} from './index';
import { genType, NAMES, outcome, pick, prng, STRINGS } from '../test-support/cty-random';
import { FALLBACK } from './msgpack';
import { fastDecode } from './msgpack-decode';
import { fastEncode } from './msgpack-encode';

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  31,
  -32,
  -33,
  127,
  128,
  255,
  256,
  -128,
  -129,
  65535,
  65536,
  -32768,
  -32769,
  2 ** 31,
  2 ** 32 - 1,
  2 ** 32,
  -(2 ** 31),
  -(2 ** 31) - 1,
  -(2 ** 40),
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 53,
  0.1,
  -2.5,
  1e-7,
  2.75e-3,
  1e21,
  123.456,
  5e-324,
  Number.MAX_VALUE,
  '12345678901234567890.5',
  ' 7 ',
  Number.NaN,
  Number.POSITIVE_INFINITY,
];
const UNKNOWNS = [0, 1, 2, 3, 4, 8, 16, 17, 255, 256, 70000].map(
  (n) => new Unknown(n === 0 ? 0 : 12, new Uint8Array(n === 0 ? 1 : n).fill(0x81)),
);

function genValue(r: () => number, t: CtyType, depth = 0, wrong = 0): CtyValue {
  const x = r();
  if (x < 0.07) return null;
  if (x < 0.12) return r() < 0.5 ? UNKNOWN : pick(r, UNKNOWNS);
  // Now and then a value of the wrong shape (an error either way; the same error).
  if (x < 0.12 + wrong) return pick<CtyValue>(r, ['s', 3, true, [], {}, new DynamicVal(types.string, 'd')]);
  switch (t.kind) {
    case 'string':
      return pick(r, STRINGS);
    case 'number':
      return pick(r, NUMBERS) as CtyValue;
    case 'bool':
      return r() < 0.5;
    case 'dynamic': {
      if (depth > 2) return null;
      const inner = genType(r, 1, false);
      return new DynamicVal(inner, genValue(r, inner, depth + 1));
    }
    case 'list':
    case 'set':
      return Array.from({ length: Math.floor(r() * (r() < 0.05 ? 20 : 4)) }, () =>
        genValue(r, t.element, depth + 1, wrong),
      );
    case 'tuple':
      return t.elements.map((e) => genValue(r, e, depth + 1, wrong));
    case 'map': {
      const out: Record<string, CtyValue> = {};
      for (let i = Math.floor(r() * (r() < 0.05 ? 20 : 4)); i > 0; i--)
        out[r() < 0.5 ? pick(r, NAMES) : `k${Math.floor(r() * 50)}`] = genValue(r, t.element, depth + 1, wrong);
      return out;
    }
    case 'object': {
      const out: Record<string, CtyValue> = {};
      for (const [k, at] of Object.entries(t.attributes)) if (r() > 0.1) out[k] = genValue(r, at, depth + 1, wrong);
      if (r() < 0.1) out.extra = 'not in the type';
      return out;
    }
  }
}

const hex = (b: unknown) => Buffer.from(b as Uint8Array).toString('hex');

describe('direct msgpack encoder = the generic one', () => {
  it('random values of random types (including wrong shapes and dynamic): same bytes or the same error', () => {
    let fast = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const r = prng(seed);
      const t = genType(r, 3, seed % 4 === 0);
      const v = genValue(r, t, 0, seed % 3 === 0 ? 0.03 : 0);
      const generic = outcome(() => hex(encodeMsgpackGeneric(v, t)));
      const direct = outcome(() => hex(fastEncode(v, t)));
      const where = `seed ${seed}, type ${JSON.stringify(typeToJson(t))}`;
      if (direct.ok) {
        fast++;
        expect(direct, where).toEqual(generic);
      } else expect(direct.error, where).toBe(String(FALLBACK));
      expect(
        outcome(() => hex(encodeMsgpack(v, t))),
        where,
      ).toEqual(generic);
    }
    // The direct path answers most of them (it is not a pass-through to the generic one).
    expect(fast).toBeGreaterThan(2000);
  });

  it('writes the protocol forms the generic encoder writes', () => {
    const obj = types.object({ b: types.number, a: types.string, '10': types.bool, '9': types.bool });
    // JS property order: "9", "10" (integer-like, ascending), then "a", "b".
    expect(hex(fastEncode({ a: 'x', '9': true }, obj))).toBe('84a139c3a23130c0a161a178a162c0');
    expect(hex(fastEncode(UNKNOWN, types.string))).toBe('d40000');
    expect(hex(fastEncode(0.1, types.number))).toBe('a3302e31');
    expect(hex(fastEncode(-0, types.number))).toBe('00');
  });
});

describe('direct msgpack decoder = the generic one', () => {
  /** What a decode gives, with every Unknown's payload spelled out (its class included). */
  function shown(v: unknown): unknown {
    if (v instanceof Unknown)
      return { unknown: v.extType, data: hex(v.data), buffer: Buffer.isBuffer(v.data), ctor: v.data.constructor.name };
    if (v instanceof DynamicVal) return { dynamic: typeToJson(v.type), value: shown(v.value) };
    if (Array.isArray(v)) return v.map(shown);
    if (v !== null && typeof v === 'object') {
      // Key order matters (it is the order the value is encoded and walked in).
      return Object.entries(v).map(([k, e]) => [k, shown(e)]);
    }
    if (typeof v === 'number' && Object.is(v, -0)) return '-0';
    return v;
  }

  function same(bytes: Uint8Array, t: CtyType, where: string): boolean {
    const generic = outcome(() => shown(decodeMsgpackGeneric(bytes, t)));
    const direct = outcome(() => shown(fastDecode(bytes, t)));
    if (direct.ok) expect(direct, where).toEqual(generic);
    else expect(direct.error, where).toBe(String(FALLBACK));
    expect(
      outcome(() => shown(decodeMsgpack(bytes, t))),
      where,
    ).toEqual(generic);
    return direct.ok;
  }

  it('what the provider and Terraform write, as Buffer and as plain Uint8Array', () => {
    let fast = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const r = prng(seed);
      const t = genType(r, 3, seed % 4 === 0);
      let bytes: Uint8Array;
      try {
        bytes = encodeMsgpackGeneric(genValue(r, t), t);
      } catch {
        continue;
      }
      const where = `seed ${seed}, type ${JSON.stringify(typeToJson(t))}`;
      if (same(Buffer.from(bytes), t, where)) fast++;
      same(new Uint8Array(bytes), t, where);
    }
    expect(fast).toBeGreaterThan(1500);
  });

  it('random msgpack of the wrong shape, with extra keys, bin, floats, big ints and odd strings', () => {
    const raws: unknown[] = [
      null,
      true,
      0,
      -1,
      255,
      -129,
      2 ** 32,
      -(2 ** 40),
      2 ** 60,
      1.5,
      Number.NaN,
      'x',
      '',
      ' 12 ',
      '1e3',
      'abc',
      '\uFEFFbom',
      'é',
      'a'.repeat(300),
      new Uint8Array([1, 2]),
      new ExtData(0, new Uint8Array([0])),
      new ExtData(12, new Uint8Array(20)),
      new ExtData(-1, new Uint8Array(4)),
      new Date(0),
      [],
      ['a', 1],
      {},
      { a: 'x', zzz: [1, { q: 2 }] },
      { '10': true, '9': false, a: null },
    ];
    let n = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const r = prng(seed);
      const t = genType(r, 2, seed % 4 === 0);
      const build = (d: number): unknown => {
        const x = r();
        if (d <= 0 || x < 0.5) return pick(r, raws);
        if (x < 0.75) return Array.from({ length: Math.floor(r() * 4) }, () => build(d - 1));
        const o: Record<string, unknown> = {};
        for (let i = Math.floor(r() * 4); i > 0; i--) o[r() < 0.7 ? pick(r, NAMES) : 'extra'] = build(d - 1);
        return o;
      };
      const bytes = rawEncode(build(3));
      same(bytes, t, `seed ${seed}, type ${JSON.stringify(typeToJson(t))}`);
      n++;
    }
    expect(n).toBe(3000);
  });

  it('bytes no encoder writes: duplicate keys, __proto__, float32, uint64, truncation, trailing bytes, bad UTF-8', () => {
    const obj = types.object({ a: types.string, b: types.number });
    const cases: [string, CtyType][] = [
      ['82a161a178a161a179', obj], // {a: "x", a: "y"}: the last one wins
      ['82a162ca3fc00000a161a178', obj], // float32 1.5, keys out of order
      ['81a162cf0020000000000001', obj], // uint64 beyond 2^53
      ['81a162d3ffffffffffffffff', obj], // int64 -1
      ['81a95f5f70726f746f5f5fa178', obj], // __proto__ key
      ['81a95f5f70726f746f5f5fa178', types.map(types.string)],
      ['82a161a178a161c0', types.map(types.string)], // duplicate map key
      ['82a131c3a130c2', types.map(types.bool)], // integer-like keys
      ['81a161', obj], // truncated
      ['81a161a178c0', obj], // a trailing byte
      ['a2c328', types.string], // invalid UTF-8
      ['a3eda080', types.string], // an encoded surrogate
      ['a3efbbbf', types.string], // a lone BOM (short: kept)
      ['c403616263', types.string], // bin for a string
      ['c1', types.string], // the never-used byte
      ['c70100', types.string], // ext8 of one byte
      ['c800010c00', types.string], // ext16
      ['c9000000010c00', types.string], // ext32
      ['d6ffffffffff', types.string], // timestamp ext (-1)
      ['92a178a179', types.tuple([types.string])], // tuple length mismatch
      ['81a17a92c40101c0', obj], // an extra key holding bin
    ];
    for (const [h, t] of cases) same(Buffer.from(h, 'hex'), t, h);
  });
});
