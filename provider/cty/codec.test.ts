import { decode as rawDecode, encode as rawEncode, ExtData } from '@msgpack/msgpack';
import { describe, expect, it, vi } from 'vitest';
import { prng } from '../test-support/cty-random';
import {
  type CtyType,
  type CtyValue,
  DynamicVal,
  decodeDynamicValue,
  decodeJson,
  decodeMsgpack,
  encodeMsgpack,
  isWhollyKnown,
  parseType,
  types,
  typeToJson,
  UNKNOWN,
  Unknown,
  valueEquals,
} from './index';

function genType(r: () => number, depth: number): CtyType {
  const prim = [types.string, types.number, types.bool, types.dynamic];
  if (depth <= 0 || r() < 0.4) return prim[Math.floor(r() * prim.length)];
  const k = Math.floor(r() * 6);
  if (k === 0) return types.list(genType(r, depth - 1));
  if (k === 1) return types.set(genType(r, depth - 1));
  if (k === 2) return types.map(genType(r, depth - 1));
  if (k === 3) return types.tuple([genType(r, depth - 1), genType(r, depth - 1)]);
  const attrs: Record<string, CtyType> = {};
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) attrs[`a${i}_${Math.floor(r() * 100)}`] = genType(r, depth - 1);
  return types.object(attrs);
}

const STRINGS = ['', 'x', 'Front desk', 'ümlaut ☎', 'a'.repeat(300), '0.1', 'null'];
const NUMBERS = [0, 1, -1, 42, 2 ** 31, -(2 ** 40), Number.MAX_SAFE_INTEGER, 0.1, -2.5, 1e-7, 2.75e-3, 1e21, 123.456];

function genValue(r: () => number, t: CtyType, depth = 0): CtyValue {
  const x = r();
  if (x < 0.08) return null;
  if (x < 0.14) return r() < 0.5 ? UNKNOWN : new Unknown(12, new Uint8Array([0x81, 0x01, 0xc2]));
  switch (t.kind) {
    case 'string':
      return STRINGS[Math.floor(r() * STRINGS.length)];
    case 'number':
      return NUMBERS[Math.floor(r() * NUMBERS.length)];
    case 'bool':
      return r() < 0.5;
    case 'dynamic': {
      if (depth > 2) return null;
      const inner = genType(r, 1);
      return new DynamicVal(inner, genValue(r, inner, depth + 1));
    }
    case 'list':
    case 'set':
      return Array.from({ length: Math.floor(r() * 4) }, () => genValue(r, t.element, depth + 1));
    case 'tuple':
      return t.elements.map((e) => genValue(r, e, depth + 1));
    case 'map': {
      const out: Record<string, CtyValue> = {};
      for (let i = Math.floor(r() * 3); i > 0; i--) out[`k${Math.floor(r() * 50)}`] = genValue(r, t.element, depth + 1);
      return out;
    }
    case 'object': {
      const out: Record<string, CtyValue> = {};
      for (const [k, at] of Object.entries(t.attributes)) out[k] = genValue(r, at, depth + 1);
      return out;
    }
  }
}

describe('cty types', () => {
  it('parses and prints every kind of type constraint', () => {
    const samples: unknown[] = [
      'string',
      'number',
      'bool',
      'dynamic',
      ['list', 'string'],
      ['set', ['map', 'number']],
      ['object', { a: 'string', b: ['list', 'bool'] }],
      ['object', { a: 'string', b: 'number' }, ['b']],
      ['tuple', ['string', 'number', 'dynamic']],
    ];
    for (const s of samples) expect(typeToJson(parseType(s))).toEqual(s);
  });

  it('rejects malformed constraints', () => {
    expect(() => parseType('strin')).toThrow(/unknown primitive/);
    expect(() => parseType(['object', 'x'])).toThrow(/attribute map/);
    expect(() => parseType(['thing', 'string'])).toThrow(/unknown type kind/);
  });
});

describe('msgpack codec (property style)', () => {
  it('round-trips 600 random (type, value) pairs, byte-for-byte on re-encode', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const r = prng(seed);
      const t = genType(r, 3);
      const v = genValue(r, t);
      const bytes = encodeMsgpack(v, t);
      const back = decodeMsgpack(bytes, t);
      const again = encodeMsgpack(back, t);
      expect(Buffer.from(again).toString('hex'), `seed ${seed}, type ${JSON.stringify(typeToJson(t))}`).toBe(
        Buffer.from(bytes).toString('hex'),
      );
      expect(valueEquals(back, v, t), `seed ${seed}`).toBe(true);
    }
  });

  it('JSON fallback decodes what msgpack decodes, for wholly known values', () => {
    let checked = 0;
    for (let seed = 1000; seed < 1400; seed++) {
      const r = prng(seed);
      const t = genType(r, 3);
      const v = genValue(r, t);
      if (!isWhollyKnown(v)) continue;
      const json = JSON.stringify(toJson(v));
      expect(valueEquals(decodeJson(json, t), v, t), `seed ${seed}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

function toJson(v: CtyValue): unknown {
  if (v instanceof DynamicVal) return { value: toJson(v.value), type: typeToJson(v.type) };
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, CtyValue>).map(([k, e]) => [k, toJson(e)]));
  }
  return v;
}

describe('msgpack codec (wire details)', () => {
  const obj = types.object({ b: types.number, a: types.string });

  it('always writes every object attribute, sorted, nil for missing', () => {
    expect(Buffer.from(encodeMsgpack({ a: 'x' }, obj)).toString('hex')).toBe('82a161a178a162c0');
  });

  it('decodes missing object attributes as null and ignores unknown keys', () => {
    expect(decodeMsgpack(rawEncode({ a: 'x', zzz: 1 }), obj)).toEqual({ a: 'x', b: null });
  });

  it('encodes unknown as fixext1 type 0 and decodes any extension type as unknown', () => {
    expect(Buffer.from(encodeMsgpack(UNKNOWN, types.string)).toString('hex')).toBe('d40000');
    for (const code of [0, 12, 5, 127]) {
      const v = decodeMsgpack(rawEncode(new ExtData(code, new Uint8Array([0x81, 0x01, 0xc3]))), types.string);
      expect(v).toBeInstanceOf(Unknown);
      expect((v as Unknown).extType).toBe(code);
    }
    const inList = decodeMsgpack(rawEncode(['a', new ExtData(12, new Uint8Array([0x80]))]), types.list(types.string));
    expect(Array.isArray(inList) && inList[1] instanceof Unknown).toBe(true);
  });

  it('keeps a refined unknown byte for byte', () => {
    const refined = rawEncode(new ExtData(12, new Uint8Array([0x81, 0x02, 0xa3, 0x61, 0x62, 0x63])));
    expect(encodeMsgpack(decodeMsgpack(refined, types.string), types.string)).toEqual(refined);
  });

  it('numbers: ints stay ints, fractions go as decimal strings, all three forms decode', () => {
    expect(rawDecode(encodeMsgpack(42, types.number))).toBe(42);
    expect(rawDecode(encodeMsgpack(0.1, types.number))).toBe('0.1');
    expect(rawDecode(encodeMsgpack('12345678901234567890.5', types.number))).toBe('12345678901234567890.5');
    expect(decodeMsgpack(rawEncode(7), types.number)).toBe(7);
    expect(decodeMsgpack(rawEncode(2.5), types.number)).toBe(2.5);
    expect(decodeMsgpack(rawEncode('0.1'), types.number)).toBe(0.1);
    expect(decodeMsgpack(rawEncode('1e3'), types.number)).toBe(1000);
    expect(() => encodeMsgpack(Number.NaN, types.number)).toThrow(/finite/);
    expect(() => decodeMsgpack(rawEncode('abc'), types.number)).toThrow(/number expected/);
  });

  it('dynamic values travel as [type JSON as bin, value]', () => {
    const raw = rawDecode(encodeMsgpack(new DynamicVal(types.list(types.string), ['a']), types.dynamic)) as unknown[];
    expect(raw[0]).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(raw[0] as Uint8Array)).toBe('["list","string"]');
    expect(raw[1]).toEqual(['a']);
    // A str-encoded type is accepted too; plain JS values get an inferred type.
    const v = decodeMsgpack(rawEncode(['"number"', 5]), types.dynamic);
    expect(v).toEqual(new DynamicVal(types.number, 5));
    const inferred = decodeMsgpack(encodeMsgpack({ x: [1, 'a'] }, types.dynamic), types.dynamic) as DynamicVal;
    expect(typeToJson(inferred.type)).toEqual(['object', { x: ['tuple', ['number', 'string']] }]);
  });

  it('sets compare without order; type errors name the path', () => {
    expect(valueEquals(['a', 'b'], ['b', 'a'], types.set(types.string))).toBe(true);
    expect(valueEquals(['a', 'b'], ['b', 'a'], types.list(types.string))).toBe(false);
    expect(() => encodeMsgpack({ a: 5 }, obj)).toThrow(/\.a: string required/);
    expect(() => encodeMsgpack({ l: [1, 'x'] }, types.object({ l: types.list(types.number) }))).toThrow(/\.l\[1\]/);
  });

  it('error paths name nested steps, and a failed conversion leaves no trace in the next one', () => {
    const nested = types.object({ m: types.map(types.object({ xs: types.list(types.bool) })) });
    const bad = rawEncode({ m: { 'k 1': { xs: [true, 'no'] } } });
    expect(() => decodeMsgpack(bad, nested)).toThrow(/^\.m\["k 1"\]\.xs\[1\]: bool expected/);
    expect(() => decodeMsgpack(rawEncode({ m: 3 }), nested)).toThrow(/^\.m: map expected/);
    expect(() => decodeJson('{"m":{"a":{"xs":[1]}}}', nested)).toThrow(/^\.m\["a"\]\.xs\[0\]: bool expected/);
    expect(() => encodeMsgpack({ m: { a: { xs: ['x'] } } }, nested)).toThrow(/^\.m\["a"\]\.xs\[0\]: bool required/);
    expect(decodeMsgpack(rawEncode({ m: { a: { xs: [false] } } }), nested)).toEqual({ m: { a: { xs: [false] } } });
  });

  it('DynamicValue: msgpack first, then JSON, else null', () => {
    expect(
      decodeDynamicValue({ msgpack: encodeMsgpack({ a: 'm' }, obj), json: Buffer.from('{"a":"j"}') }, obj),
    ).toEqual({
      a: 'm',
      b: null,
    });
    expect(decodeDynamicValue({ msgpack: new Uint8Array(0), json: Buffer.from('{"a":"j","b":"2"}') }, obj)).toEqual({
      a: 'j',
      b: 2,
    });
    expect(decodeDynamicValue({ msgpack: new Uint8Array(0), json: new Uint8Array(0) }, obj)).toBeNull();
    expect(decodeDynamicValue(null, obj)).toBeNull();
  });
});

describe('the generic path loads @msgpack/msgpack on first use only', () => {
  it('encodes and decodes what Terraform sends without the library, and loads it for a dynamic value', async () => {
    vi.resetModules();
    // Fresh copies of the codec and its value classes: no generic-path call of another test loaded the library.
    const codec = await import('./codec');
    const values = await import('./values');
    const t = parseType(['object', { name: 'string', n: 'number', tags: ['list', 'string'], ok: 'bool' }]);
    const v = { name: 'a', n: 12, tags: ['x', values.UNKNOWN], ok: null } as CtyValue;
    const bytes = codec.encodeMsgpack(v, t);
    expect(values.valueEquals(codec.decodeMsgpack(bytes, t), v, t)).toBe(true);
    expect(codec.decodeDynamicValue({ json: Buffer.from('{"name":"b","n":1}') }, t)).toMatchObject({ name: 'b' });
    expect(codec.msgpackLibraryLoaded()).toBe(false);
    // A dynamic attribute takes the generic path (and the same bytes as the library writes).
    const d = codec.encodeMsgpack(new values.DynamicVal(types.string, 's'), types.dynamic);
    expect(codec.msgpackLibraryLoaded()).toBe(true);
    expect(Buffer.from(d)).toEqual(Buffer.from(rawEncode([new TextEncoder().encode('"string"'), 's'])));
    expect(codec.decodeMsgpack(d, types.dynamic)).toEqual(new values.DynamicVal(types.string, 's'));
    vi.resetModules();
  });
});
