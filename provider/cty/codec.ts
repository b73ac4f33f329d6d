import { Decoder, Encoder, ExtData } from '@msgpack/msgpack';
import { type CtyType, parseType, typeToJson } from './types';
import { type CtyObject, type CtyValue, DynamicVal, isObjectValue, Unknown } from './values';

/** A value that does not fit its type; `path` is a cty-style path such as `.members[2].extension`. */
export class CtyCodecError extends Error {
  override readonly name = 'CtyCodecError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path || '(root)'}: ${message}`);
  }
}

type Raw = unknown;

// ---------------------------------------------------------------- encoding

/**
 * One encoder and one decoder for the process (the library's `encode`/`decode` build a new one, with a new
 * 2 KiB buffer, per call). Both are synchronous; `encode` returns a copy of its buffer, and a decoder
 * entered again (never, here) clones itself.
 */
const encoder = new Encoder({ ignoreUndefined: false });
const decoder = new Decoder();

/** An object type's attribute names in msgpack order (sorted), computed once per type. */
const sortedNames = new WeakMap<object, readonly string[]>();
function attributeNames(attributes: Readonly<Record<string, CtyType>>): readonly string[] {
  let names = sortedNames.get(attributes);
  if (!names) {
    names = Object.keys(attributes).sort();
    sortedNames.set(attributes, names);
  }
  return names;
}

/** Encodes a value as msgpack, driven by the type: objects always carry every attribute of their type. */
export function encodeMsgpack(value: CtyValue | undefined, t: CtyType): Uint8Array {
  return encoder.encode(toRaw(value, t, ''));
}

function toRaw(value: CtyValue | undefined, t: CtyType, path: string): Raw {
  if (value instanceof Unknown) return new ExtData(value.extType, value.data);
  if (t.kind === 'dynamic') return dynamicToRaw(value, path);
  if (value === null || value === undefined) return null;
  if (value instanceof DynamicVal) throw new CtyCodecError(path, `dynamic value given for ${describe(t)}`);
  switch (t.kind) {
    case 'string':
      if (typeof value !== 'string') throw new CtyCodecError(path, `string required, got ${typeof value}`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw new CtyCodecError(path, `bool required, got ${typeof value}`);
      return value;
    case 'number':
      return numberToRaw(value, path);
    case 'list':
    case 'set':
      return asArray(value, t, path).map((e, i) => toRaw(e, t.element, `${path}[${i}]`));
    case 'tuple': {
      const arr = asArray(value, t, path);
      if (arr.length !== t.elements.length) {
        throw new CtyCodecError(path, `tuple of ${t.elements.length} elements required, got ${arr.length}`);
      }
      return arr.map((e, i) => toRaw(e, t.elements[i], `${path}[${i}]`));
    }
    case 'map': {
      const obj = asObject(value, t, path);
      const out: Record<string, Raw> = {};
      for (const k of Object.keys(obj).sort()) out[k] = toRaw(obj[k], t.element, `${path}[${JSON.stringify(k)}]`);
      return out;
    }
    case 'object': {
      const obj = asObject(value, t, path);
      const out: Record<string, Raw> = {};
      for (const k of attributeNames(t.attributes)) out[k] = toRaw(obj[k], t.attributes[k], `${path}.${k}`);
      return out;
    }
  }
}

/**
 * Numbers: safe integers go as msgpack ints; everything else as a decimal
 * string. Terraform parses config literals such as 0.1 as arbitrary-precision
 * decimals, so answering with the float64 nearest to 0.1 would be reported as
 * an inconsistent plan; the shortest decimal string round-trips exactly.
 * Numeric strings are passed through (for values beyond float64 precision).
 */
function numberToRaw(value: CtyValue, path: string): Raw {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CtyCodecError(path, `number must be finite, got ${value}`);
    return Number.isSafeInteger(value) ? value : String(value);
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value.trim();
  throw new CtyCodecError(path, `number required, got ${JSON.stringify(value)}`);
}

function dynamicToRaw(value: CtyValue | undefined, path: string): Raw {
  if (value === null || value === undefined) return null;
  const dv = value instanceof DynamicVal ? value : new DynamicVal(inferType(value, path), value);
  if (dv.value instanceof Unknown && dv.type.kind === 'dynamic') return new ExtData(dv.value.extType, dv.value.data);
  const typeBytes = new TextEncoder().encode(JSON.stringify(typeToJson(dv.type)));
  return [typeBytes, toRaw(dv.value, dv.type, path)];
}

/** The cty type of a plain JS value (for `dynamic` attributes given without a DynamicVal). */
export function inferType(value: CtyValue, path = ''): CtyType {
  if (value === null || value instanceof Unknown) return { kind: 'dynamic' };
  if (value instanceof DynamicVal) return value.type;
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'boolean') return { kind: 'bool' };
  if (Array.isArray(value)) return { kind: 'tuple', elements: value.map((v, i) => inferType(v, `${path}[${i}]`)) };
  if (isObjectValue(value)) {
    const attributes: Record<string, CtyType> = {};
    for (const [k, v] of Object.entries(value)) attributes[k] = inferType(v, `${path}.${k}`);
    return { kind: 'object', attributes };
  }
  throw new CtyCodecError(path, `cannot infer a type for ${typeof value}`);
}

function asArray(value: CtyValue, t: CtyType, path: string): readonly CtyValue[] {
  if (!Array.isArray(value)) throw new CtyCodecError(path, `${describe(t)} requires an array`);
  return value;
}

function asObject(value: CtyValue, t: CtyType, path: string): CtyObject {
  if (!isObjectValue(value)) throw new CtyCodecError(path, `${describe(t)} requires an object`);
  return value;
}

function describe(t: CtyType): string {
  return JSON.stringify(typeToJson(t));
}

// ---------------------------------------------------------------- decoding

/**
 * Decodes msgpack under a type. Every msgpack extension value, whatever its
 * type code (0 plain, 12 refined, anything else), decodes as Unknown.
 */
export function decodeMsgpack(bytes: Uint8Array, t: CtyType): CtyValue {
  if (bytes.length === 0) return null;
  return fromRaw(decoder.decode(bytes), t, '');
}

function fromRaw(raw: Raw, t: CtyType, path: string): CtyValue {
  if (raw instanceof ExtData) return new Unknown(raw.type, rawExtData(raw));
  if (t.kind === 'dynamic') return dynamicFromRaw(raw, path);
  if (raw === null || raw === undefined) return null;
  switch (t.kind) {
    case 'string':
      if (typeof raw !== 'string') throw new CtyCodecError(path, `string expected, got ${typeof raw}`);
      return raw;
    case 'bool':
      if (typeof raw !== 'boolean') throw new CtyCodecError(path, `bool expected, got ${typeof raw}`);
      return raw;
    case 'number':
      return numberFromRaw(raw, path);
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CtyCodecError(path, `array expected for ${describe(t)}`);
      return raw.map((e, i) => fromRaw(e, t.element, `${path}[${i}]`));
    case 'tuple':
      if (!Array.isArray(raw) || raw.length !== t.elements.length) {
        throw new CtyCodecError(path, `array of ${t.elements.length} expected for ${describe(t)}`);
      }
      return raw.map((e, i) => fromRaw(e, t.elements[i], `${path}[${i}]`));
    case 'map': {
      const obj = rawMap(raw, t, path);
      const out: Record<string, CtyValue> = {};
      for (const [k, v] of Object.entries(obj)) out[k] = fromRaw(v, t.element, `${path}[${JSON.stringify(k)}]`);
      return out;
    }
    case 'object': {
      const obj = rawMap(raw, t, path);
      const out: Record<string, CtyValue> = {};
      for (const k in t.attributes) {
        out[k] = Object.hasOwn(obj, k) ? fromRaw(obj[k], t.attributes[k] as CtyType, `${path}.${k}`) : null;
      }
      return out;
    }
  }
}

function rawExtData(ext: ExtData): Uint8Array {
  return typeof ext.data === 'function' ? new Uint8Array(0) : ext.data;
}

function numberFromRaw(raw: Raw, path: string): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    if (Number.isFinite(n)) return n;
  }
  throw new CtyCodecError(path, `number expected, got ${JSON.stringify(raw)}`);
}

function rawMap(raw: Raw, t: CtyType, path: string): Record<string, Raw> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Uint8Array) {
    throw new CtyCodecError(path, `map expected for ${describe(t)}`);
  }
  return raw as Record<string, Raw>;
}

function dynamicFromRaw(raw: Raw, path: string): CtyValue {
  if (raw === null || raw === undefined) return null;
  if (!Array.isArray(raw) || raw.length !== 2) throw new CtyCodecError(path, 'dynamic value must be [type, value]');
  const [typeRaw, valueRaw] = raw;
  const typeText =
    typeof typeRaw === 'string' ? typeRaw : typeRaw instanceof Uint8Array ? new TextDecoder().decode(typeRaw) : null;
  if (typeText === null) throw new CtyCodecError(path, 'dynamic value type must be bytes');
  const t = parseType(JSON.parse(typeText));
  return new DynamicVal(t, fromRaw(valueRaw, t, path));
}

// ---------------------------------------------------------------- JSON fallback

/**
 * Decodes the JSON form of a DynamicValue (Terraform sends msgpack; JSON is
 * the documented fallback and the form of stored state in UpgradeResourceState).
 * Dynamic values are {"value": …, "type": …}. JSON has no unknowns.
 */
export function decodeJson(text: string | Uint8Array, t: CtyType): CtyValue {
  const s = typeof text === 'string' ? text : new TextDecoder().decode(text);
  if (s.trim() === '') return null;
  return fromJsonValue(JSON.parse(s), t, '');
}

export function fromJsonValue(raw: unknown, t: CtyType, path: string): CtyValue {
  if (t.kind === 'dynamic') {
    if (raw === null || raw === undefined) return null;
    if (typeof raw !== 'object' || Array.isArray(raw) || !('type' in raw)) {
      throw new CtyCodecError(path, 'dynamic JSON value must be {"value", "type"}');
    }
    const dt = parseType((raw as { type: unknown }).type);
    return new DynamicVal(dt, fromJsonValue((raw as { value?: unknown }).value ?? null, dt, path));
  }
  if (raw === null || raw === undefined) return null;
  switch (t.kind) {
    case 'string':
      if (typeof raw !== 'string') throw new CtyCodecError(path, `string expected, got ${typeof raw}`);
      return raw;
    case 'bool':
      if (typeof raw === 'string' && (raw === 'true' || raw === 'false')) return raw === 'true';
      if (typeof raw !== 'boolean') throw new CtyCodecError(path, `bool expected, got ${typeof raw}`);
      return raw;
    case 'number':
      return numberFromRaw(raw, path);
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CtyCodecError(path, `array expected for ${describe(t)}`);
      return raw.map((e, i) => fromJsonValue(e, t.element, `${path}[${i}]`));
    case 'tuple':
      if (!Array.isArray(raw) || raw.length !== t.elements.length) {
        throw new CtyCodecError(path, `array of ${t.elements.length} expected for ${describe(t)}`);
      }
      return raw.map((e, i) => fromJsonValue(e, t.elements[i], `${path}[${i}]`));
    case 'map': {
      const obj = rawMap(raw, t, path);
      const out: Record<string, CtyValue> = {};
      for (const [k, v] of Object.entries(obj)) out[k] = fromJsonValue(v, t.element, `${path}[${JSON.stringify(k)}]`);
      return out;
    }
    case 'object': {
      const obj = rawMap(raw, t, path);
      const out: Record<string, CtyValue> = {};
      for (const [k, at] of Object.entries(t.attributes)) out[k] = fromJsonValue(obj[k], at, `${path}.${k}`);
      return out;
    }
  }
}

/** Decodes a protocol DynamicValue: msgpack when present, else JSON, else null. */
export function decodeDynamicValue(
  dv: { readonly msgpack?: Uint8Array | null; readonly json?: Uint8Array | null } | null | undefined,
  t: CtyType,
): CtyValue {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack, t);
  if (dv.json && dv.json.length > 0) return decodeJson(dv.json, t);
  return null;
}

/** Encodes a protocol DynamicValue; pbxctl always answers in msgpack. */
export function encodeDynamicValue(value: CtyValue | undefined, t: CtyType): { msgpack: Buffer } {
  const bytes = encodeMsgpack(value, t);
  // A view, not a copy: `encode` already returned bytes of their own.
  return { msgpack: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
