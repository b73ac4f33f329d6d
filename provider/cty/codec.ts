import type * as Msgpack from '@msgpack/msgpack';
import { decodeJson } from './json';
import { fastDecode } from './msgpack-decode';
import { fastEncode } from './msgpack-encode';
import {
  CtyCodecError,
  describe,
  elementsFrom,
  enter,
  here,
  mapFrom,
  numberFromRaw,
  type Raw,
  rawMap,
  trail,
} from './trail';
import { type CtyType, parseType, typeToJson } from './types';
import { type CtyObject, type CtyValue, DynamicVal, isObjectValue, Unknown } from './values';

export { CtyCodecError } from './trail';

// ---------------------------------------------------------------- encoding

/**
 * @msgpack/msgpack, for the generic path only, loaded on its first use: the direct codec (msgpack.ts) answers
 * every value Terraform sends and this provider returns, and the library's 16 modules cost ~8 ms of CPU at
 * each of the three provider starts of a `terraform plan` (issue 15). One encoder and one decoder for the
 * process (the library's `encode`/`decode` build a new one, with a new 2 KiB buffer, per call). Both are
 * synchronous; `encode` returns a copy of its buffer, and a decoder entered again (never, here) clones itself.
 */
let library:
  | {
      readonly ExtData: typeof Msgpack.ExtData;
      readonly encoder: Msgpack.Encoder;
      readonly decoder: Msgpack.Decoder;
    }
  | undefined;
function msgpackLibrary(): NonNullable<typeof library> {
  if (!library) {
    const m = require('@msgpack/msgpack') as typeof Msgpack;
    library = { ExtData: m.ExtData, encoder: new m.Encoder({ ignoreUndefined: false }), decoder: new m.Decoder() };
  }
  return library;
}

/** Whether the generic path's library has been loaded in this process (tests). */
export function msgpackLibraryLoaded(): boolean {
  return library !== undefined;
}

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
  try {
    return fastEncode(value, t);
  } catch {
    // Not a case of the direct encoder (msgpack.ts): the generic path answers, or reports the error.
    return encodeMsgpackGeneric(value, t);
  }
}

/** The generic path: the value as a plain msgpack tree (`toRaw`), then @msgpack/msgpack. */
export function encodeMsgpackGeneric(value: CtyValue | undefined, t: CtyType): Uint8Array {
  const { encoder } = msgpackLibrary();
  enter('');
  return encoder.encode(toRaw(value, t));
}

function toRaw(value: CtyValue | undefined, t: CtyType): Raw {
  if (value instanceof Unknown) return new (msgpackLibrary().ExtData)(value.extType, value.data);
  if (t.kind === 'dynamic') return dynamicToRaw(value);
  if (value === null || value === undefined) return null;
  if (value instanceof DynamicVal) throw new CtyCodecError(here(), `dynamic value given for ${describe(t)}`);
  switch (t.kind) {
    case 'string':
      if (typeof value !== 'string') throw new CtyCodecError(here(), `string required, got ${typeof value}`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw new CtyCodecError(here(), `bool required, got ${typeof value}`);
      return value;
    case 'number':
      return numberToRaw(value, here);
    case 'list':
    case 'set':
      return elementsToRaw(asArray(value, t), t.element);
    case 'tuple': {
      const arr = asArray(value, t);
      if (arr.length !== t.elements.length) {
        throw new CtyCodecError(here(), `tuple of ${t.elements.length} elements required, got ${arr.length}`);
      }
      return elementsToRaw(arr, undefined, t.elements);
    }
    case 'map': {
      const obj = asObject(value, t);
      const out: Record<string, Raw> = {};
      for (const k of Object.keys(obj).sort()) {
        trail.push(`[${JSON.stringify(k)}]`);
        out[k] = toRaw(obj[k], t.element);
        trail.pop();
      }
      return out;
    }
    case 'object': {
      const obj = asObject(value, t);
      const out: Record<string, Raw> = {};
      for (const k of attributeNames(t.attributes)) {
        trail.push(k);
        out[k] = toRaw(obj[k], t.attributes[k]);
        trail.pop();
      }
      return out;
    }
  }
}

/** List/set elements (one element type) or tuple elements (a type each), with their index on the trail. */
function elementsToRaw(arr: readonly CtyValue[], element?: CtyType, elements?: readonly CtyType[]): Raw[] {
  const out: Raw[] = new Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    trail.push(i);
    out[i] = toRaw(arr[i], (element ?? elements?.[i]) as CtyType);
    trail.pop();
  }
  return out;
}

/**
 * Numbers: safe integers go as msgpack ints; everything else as a decimal
 * string. Terraform parses config literals such as 0.1 as arbitrary-precision
 * decimals, so answering with the float64 nearest to 0.1 would be reported as
 * an inconsistent plan; the shortest decimal string round-trips exactly.
 * Numeric strings are passed through (for values beyond float64 precision).
 */
function numberToRaw(value: CtyValue, where: () => string): Raw {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CtyCodecError(where(), `number must be finite, got ${value}`);
    return Number.isSafeInteger(value) ? value : String(value);
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value.trim();
  throw new CtyCodecError(where(), `number required, got ${JSON.stringify(value)}`);
}

function dynamicToRaw(value: CtyValue | undefined): Raw {
  if (value === null || value === undefined) return null;
  const dv = value instanceof DynamicVal ? value : new DynamicVal(inferType(value, here()), value);
  if (dv.value instanceof Unknown && dv.type.kind === 'dynamic')
    return new (msgpackLibrary().ExtData)(dv.value.extType, dv.value.data);
  const typeBytes = new TextEncoder().encode(JSON.stringify(typeToJson(dv.type)));
  return [typeBytes, toRaw(dv.value, dv.type)];
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

function asArray(value: CtyValue, t: CtyType): readonly CtyValue[] {
  if (!Array.isArray(value)) throw new CtyCodecError(here(), `${describe(t)} requires an array`);
  return value;
}

function asObject(value: CtyValue, t: CtyType): CtyObject {
  if (!isObjectValue(value)) throw new CtyCodecError(here(), `${describe(t)} requires an object`);
  return value;
}

// ---------------------------------------------------------------- decoding

/**
 * Decodes msgpack under a type. Every msgpack extension value, whatever its
 * type code (0 plain, 12 refined, anything else), decodes as Unknown.
 */
export function decodeMsgpack(bytes: Uint8Array, t: CtyType): CtyValue {
  if (bytes.length === 0) return null;
  try {
    return fastDecode(bytes, t);
  } catch {
    // Not a case of the direct decoder (msgpack.ts): the generic path answers, or reports the error.
    return decodeMsgpackGeneric(bytes, t);
  }
}

/** The generic path: @msgpack/msgpack's object tree, then converted under the type (`fromRaw`). */
export function decodeMsgpackGeneric(bytes: Uint8Array, t: CtyType): CtyValue {
  if (bytes.length === 0) return null;
  const { decoder } = msgpackLibrary();
  enter('');
  return fromRaw(decoder.decode(bytes), t);
}

function fromRaw(raw: Raw, t: CtyType): CtyValue {
  // Reached only under decodeMsgpackGeneric, which loaded the library.
  if (raw instanceof msgpackLibrary().ExtData) return new Unknown(raw.type, rawExtData(raw));
  if (t.kind === 'dynamic') return dynamicFromRaw(raw);
  if (raw === null || raw === undefined) return null;
  switch (t.kind) {
    case 'string':
      if (typeof raw !== 'string') throw new CtyCodecError(here(), `string expected, got ${typeof raw}`);
      return raw;
    case 'bool':
      if (typeof raw !== 'boolean') throw new CtyCodecError(here(), `bool expected, got ${typeof raw}`);
      return raw;
    case 'number':
      return numberFromRaw(raw, here);
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CtyCodecError(here(), `array expected for ${describe(t)}`);
      return elementsFrom(fromRaw, raw, t.element);
    case 'tuple':
      if (!Array.isArray(raw) || raw.length !== t.elements.length) {
        throw new CtyCodecError(here(), `array of ${t.elements.length} expected for ${describe(t)}`);
      }
      return elementsFrom(fromRaw, raw, undefined, t.elements);
    case 'map':
      return mapFrom(fromRaw, rawMap(raw, t), t.element);
    case 'object': {
      const obj = rawMap(raw, t);
      const out: Record<string, CtyValue> = {};
      for (const k in t.attributes) {
        if (!Object.hasOwn(obj, k)) {
          out[k] = null;
          continue;
        }
        trail.push(k);
        out[k] = fromRaw(obj[k], t.attributes[k] as CtyType);
        trail.pop();
      }
      return out;
    }
  }
}

function rawExtData(ext: Msgpack.ExtData): Uint8Array {
  return typeof ext.data === 'function' ? new Uint8Array(0) : ext.data;
}

function dynamicFromRaw(raw: Raw): CtyValue {
  if (raw === null || raw === undefined) return null;
  if (!Array.isArray(raw) || raw.length !== 2) throw new CtyCodecError(here(), 'dynamic value must be [type, value]');
  const [typeRaw, valueRaw] = raw;
  const typeText =
    typeof typeRaw === 'string' ? typeRaw : typeRaw instanceof Uint8Array ? new TextDecoder().decode(typeRaw) : null;
  if (typeText === null) throw new CtyCodecError(here(), 'dynamic value type must be bytes');
  const t = parseType(JSON.parse(typeText));
  return new DynamicVal(t, fromRaw(valueRaw, t));
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
