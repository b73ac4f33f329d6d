import type { CtyType } from './types';
import { type CtyObject, type CtyValue, DynamicVal, isObjectValue, Unknown } from './values';

/*
 * A type-driven msgpack codec straight between bytes and cty values: no generic object tree of
 * @msgpack/msgpack in between, no second walk to convert it. It covers the values Terraform and this
 * provider exchange; anything else (a `dynamic` type, a value that does not fit its type, malformed bytes, a
 * string that is not well-formed UTF-16 or UTF-8, an extension type outside 0..127, a `__proto__` key…) makes
 * it give up (`FALLBACK`), and codec.ts then takes the generic path, which gives the same answer or the same
 * error as before. Where it answers, the result is byte for byte what the generic path produces: same
 * msgpack formats (smallest int, fixstr/str8…, fixext), same key order (JS property order of the sorted
 * names), same decoded values (numbers, Unknown with its extension payload as a view of the input).
 */

/** Thrown (one instance) when the fast path does not apply; never leaves codec.ts. */
export const FALLBACK: unique symbol = Symbol('cty msgpack fallback');

function fallback(): never {
  throw FALLBACK;
}

// ---------------------------------------------------------------- per-type facts, computed once

interface ObjectPlan {
  /** Attribute names in the order a decoded object lists them (for-in order of the type's attributes). */
  readonly names: readonly string[];
  readonly types: readonly CtyType[];
  readonly index: ReadonlyMap<string, number>;
  /** Names in the order the generic encoder writes them: JS property order of an object built sorted. */
  readonly encodeOrder: readonly string[];
  readonly encodeTypes: readonly CtyType[];
  /** For each name in encodeOrder, its position in `names`. */
  readonly encodeIndex: readonly number[];
  /** The names' msgpack string encodings (key + header), in encodeOrder. */
  readonly encodedKeys: readonly Uint8Array[];
  readonly header: Uint8Array;
  /** Every attribute null, in `names` order: a decoded object starts as a copy of it. */
  readonly template: Readonly<Record<string, null>>;
}

const objectPlans = new WeakMap<object, ObjectPlan>();
const usable = new WeakMap<CtyType, boolean>();

/** False when the type holds `dynamic` or an attribute named `__proto__` (the generic path handles those). */
function fastType(t: CtyType): boolean {
  let ok = usable.get(t);
  if (ok === undefined) {
    switch (t.kind) {
      case 'dynamic':
        ok = false;
        break;
      case 'list':
      case 'set':
      case 'map':
        ok = fastType(t.element);
        break;
      case 'tuple':
        ok = t.elements.every(fastType);
        break;
      case 'object':
        ok = !Object.hasOwn(t.attributes, '__proto__') && Object.values(t.attributes).every(fastType);
        break;
      default:
        ok = true;
    }
    usable.set(t, ok);
  }
  return ok;
}

function jsOrder(sorted: readonly string[]): string[] {
  const o: Record<string, 0> = {};
  for (const k of sorted) o[k] = 0;
  return Object.keys(o);
}

function objectPlan(attributes: Readonly<Record<string, CtyType>>): ObjectPlan {
  let plan = objectPlans.get(attributes);
  if (!plan) {
    const names = Object.keys(attributes);
    const encodeOrder = jsOrder([...names].sort());
    plan = {
      names,
      types: names.map((n) => attributes[n] as CtyType),
      index: new Map(names.map((n, i) => [n, i])),
      encodeOrder,
      encodeTypes: encodeOrder.map((n) => attributes[n] as CtyType),
      encodeIndex: encodeOrder.map((n) => names.indexOf(n)),
      encodedKeys: encodeOrder.map((n) => {
        const b = Buffer.from(n, 'utf8');
        return Buffer.concat([Buffer.from(stringHeader(b.length)), b]);
      }),
      header: Buffer.from(containerHeader(encodeOrder.length, 0x80, 0xde, 0xdf)),
      template: Object.fromEntries(names.map((n) => [n, null])),
    };
    objectPlans.set(attributes, plan);
  }
  return plan;
}

function stringHeader(n: number): number[] {
  if (n < 32) return [0xa0 + n];
  if (n < 0x100) return [0xd9, n];
  if (n < 0x10000) return [0xda, n >> 8, n & 0xff];
  return [0xdb, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function containerHeader(n: number, fix: number, c16: number, c32: number): number[] {
  if (n < 16) return [fix + n];
  if (n < 0x10000) return [c16, n >> 8, n & 0xff];
  return [c32, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

// ---------------------------------------------------------------- decoding

/** Buffer's own ASCII/latin1 slice (what `toString('latin1', …)` calls, without its argument checks). */
type LatinSlice = Buffer & { latin1Slice(start: number, end: number): string };

let input: Buffer = Buffer.alloc(0);
/** The bytes as given: an unknown's payload is a view of them, as the generic decoder gives it. */
let source: Uint8Array = input;
let pos = 0;

/** Strings over 200 bytes: @msgpack/msgpack uses TextDecoder (a leading BOM dropped); shorter ones keep it. */
const utf8Short = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Long = new TextDecoder('utf-8', { fatal: true });

/** Decodes `bytes` (non-empty) under `t`; throws FALLBACK where the generic path must decide. */
export function fastDecode(bytes: Uint8Array, t: CtyType): CtyValue {
  if (!fastType(t)) fallback();
  input = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  source = bytes;
  pos = 0;
  try {
    const v = readValue(t);
    if (pos !== input.length) fallback();
    return v;
  } finally {
    input = EMPTY;
    source = EMPTY;
  }
}

const EMPTY = Buffer.alloc(0);

function u8(): number {
  if (pos >= input.length) fallback();
  return input[pos++] as number;
}

function need(n: number): void {
  if (pos + n > input.length) fallback();
}

function readValue(t: CtyType): CtyValue {
  const b = u8();
  // Extensions (unknown values) and nil come first, whatever the type.
  if (b >= 0xd4 && b <= 0xd8) return readExt(1 << (b - 0xd4));
  if (b === 0xc7) return readExt(u8());
  if (b === 0xc8) {
    need(2);
    const n = input.readUInt16BE(pos);
    pos += 2;
    return readExt(n);
  }
  if (b === 0xc9) {
    need(4);
    const n = input.readUInt32BE(pos);
    pos += 4;
    return readExt(n);
  }
  if (b === 0xc0) return null;
  switch (t.kind) {
    case 'string':
      return readStringBody(b);
    case 'bool':
      if (b === 0xc2) return false;
      if (b === 0xc3) return true;
      return fallback();
    case 'number':
      return readNumber(b);
    case 'list':
    case 'set':
      return readArray(arrayLength(b), t.element);
    case 'tuple': {
      const n = arrayLength(b);
      if (n !== t.elements.length) fallback();
      const out: CtyValue[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = readValue(t.elements[i] as CtyType);
      return out;
    }
    case 'map': {
      const n = mapLength(b);
      const out: Record<string, CtyValue> = {};
      for (let i = 0; i < n; i++) {
        const k = readKey();
        out[k] = readValue(t.element);
      }
      return out;
    }
    case 'object':
      return readObject(mapLength(b), objectPlan(t.attributes));
    default:
      return fallback();
  }
}

function readExt(size: number): Unknown {
  need(1 + size);
  const type = input.readInt8(pos);
  if (type < 0) fallback();
  const data = source.subarray(pos + 1, pos + 1 + size);
  pos += 1 + size;
  return new Unknown(type, data);
}

function readObject(n: number, plan: ObjectPlan): CtyObject {
  const slots: (CtyValue | undefined)[] = new Array(plan.names.length);
  // Terraform writes the attributes in sorted order, which is (nearly always) the order of `encodedKeys`:
  // the expected key's bytes are compared in place, without making a string of them.
  let next = 0;
  for (let i = 0; i < n; i++) {
    let at: number | undefined;
    if (next < plan.encodedKeys.length && matches(plan.encodedKeys[next] as Uint8Array)) {
      at = plan.encodeIndex[next] as number;
      pos += (plan.encodedKeys[next] as Uint8Array).length;
      next++;
    } else at = plan.index.get(readKey());
    if (at === undefined) skipValue();
    else slots[at] = readValue(plan.types[at] as CtyType);
  }
  // Same properties in the same order as assigning each name in turn (a missing one stays null).
  const out: Record<string, CtyValue> = { ...plan.template };
  for (let i = 0; i < plan.names.length; i++) {
    const v = slots[i];
    if (v !== undefined && v !== null) out[plan.names[i] as string] = v;
  }
  return out;
}

function matches(key: Uint8Array): boolean {
  const n = key.length;
  if (pos + n > input.length) return false;
  for (let i = 0; i < n; i++) if (input[pos + i] !== key[i]) return false;
  return true;
}

function readArray(n: number, element: CtyType): CtyValue[] {
  const out: CtyValue[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = readValue(element);
  return out;
}

function arrayLength(b: number): number {
  if ((b & 0xf0) === 0x90) return b & 0x0f;
  if (b === 0xdc) {
    need(2);
    pos += 2;
    return input.readUInt16BE(pos - 2);
  }
  if (b === 0xdd) {
    need(4);
    pos += 4;
    return input.readUInt32BE(pos - 4);
  }
  return fallback();
}

function mapLength(b: number): number {
  if ((b & 0xf0) === 0x80) return b & 0x0f;
  if (b === 0xde) {
    need(2);
    pos += 2;
    return input.readUInt16BE(pos - 2);
  }
  if (b === 0xdf) {
    need(4);
    pos += 4;
    return input.readUInt32BE(pos - 4);
  }
  return fallback();
}

/** A map key: a string, never `__proto__` (the generic decoder refuses it). */
function readKey(): string {
  const k = readStringBody(u8());
  if (k === '__proto__') fallback();
  return k;
}

function readStringBody(b: number): string {
  let n: number;
  if ((b & 0xe0) === 0xa0) n = b & 0x1f;
  else if (b === 0xd9) n = u8();
  else if (b === 0xda) {
    need(2);
    n = input.readUInt16BE(pos);
    pos += 2;
  } else if (b === 0xdb) {
    need(4);
    n = input.readUInt32BE(pos);
    pos += 4;
  } else return fallback();
  need(n);
  const start = pos;
  pos += n;
  for (let i = start; i < pos; i++) {
    if ((input[i] as number) >= 0x80) {
      try {
        return (n > 200 ? utf8Long : utf8Short).decode(input.subarray(start, pos));
      } catch {
        // Not well-formed UTF-8: the generic decoder has its own answer for it.
        return fallback();
      }
    }
  }
  return (input as LatinSlice).latin1Slice(start, pos);
}

function readNumber(b: number): number {
  if (b < 0x80) return b;
  if (b >= 0xe0) return b - 0x100;
  switch (b) {
    case 0xcc:
      return u8();
    case 0xcd:
      need(2);
      pos += 2;
      return input.readUInt16BE(pos - 2);
    case 0xce:
      need(4);
      pos += 4;
      return input.readUInt32BE(pos - 4);
    case 0xcf: {
      need(8);
      const v = input.readUInt32BE(pos) * 0x1_0000_0000 + input.readUInt32BE(pos + 4);
      pos += 8;
      return v;
    }
    case 0xd0:
      need(1);
      return input.readInt8(pos++);
    case 0xd1:
      need(2);
      pos += 2;
      return input.readInt16BE(pos - 2);
    case 0xd2:
      need(4);
      pos += 4;
      return input.readInt32BE(pos - 4);
    case 0xd3: {
      need(8);
      const v = input.readInt32BE(pos) * 0x1_0000_0000 + input.readUInt32BE(pos + 4);
      pos += 8;
      return v;
    }
    case 0xca:
      need(4);
      pos += 4;
      return input.readFloatBE(pos - 4);
    case 0xcb:
      need(8);
      pos += 8;
      return input.readDoubleBE(pos - 8);
    default: {
      // A decimal string (Terraform's form for numbers beyond int64 or with a fraction).
      const s = readStringBody(b);
      if (s.trim() === '') fallback();
      const v = Number(s);
      return Number.isFinite(v) ? v : fallback();
    }
  }
}

/** Skips one value of an attribute the type does not have; it must still be one the generic decoder accepts. */
function skipValue(): void {
  const b = u8();
  if (b < 0x80 || b >= 0xe0 || b === 0xc0 || b === 0xc2 || b === 0xc3) return;
  if ((b & 0xf0) === 0x80) {
    skipMap(b & 0x0f);
    return;
  }
  if ((b & 0xf0) === 0x90) {
    skipArray(b & 0x0f);
    return;
  }
  if ((b & 0xe0) === 0xa0 || (b >= 0xd9 && b <= 0xdb)) {
    readStringBody(b);
    return;
  }
  if ((b >= 0xcc && b <= 0xd3) || b === 0xca || b === 0xcb) {
    readNumber(b);
    return;
  }
  if (b === 0xdc || b === 0xdd) {
    skipArray(arrayLength(b));
    return;
  }
  if (b === 0xde || b === 0xdf) {
    skipMap(mapLength(b));
    return;
  }
  if (b >= 0xd4 && b <= 0xd8) {
    readExt(1 << (b - 0xd4));
    return;
  }
  if (b === 0xc7) {
    readExt(u8());
    return;
  }
  // bin and the larger ext headers: rare enough for the generic path.
  fallback();
}

function skipArray(n: number): void {
  for (let i = 0; i < n; i++) skipValue();
}

function skipMap(n: number): void {
  for (let i = 0; i < n; i++) {
    readKey();
    skipValue();
  }
}

// ---------------------------------------------------------------- encoding

let out: Buffer = Buffer.allocUnsafe(4096);
let at = 0;

/** Encodes `value` under `t`; throws FALLBACK where the generic path must decide (or report the error). */
export function fastEncode(value: CtyValue | undefined, t: CtyType): Uint8Array {
  if (!fastType(t)) fallback();
  at = 0;
  writeValue(value, t);
  const bytes = new Uint8Array(at);
  bytes.set(out.subarray(0, at));
  return bytes;
}

function room(n: number): void {
  if (at + n <= out.length) return;
  const next = Buffer.allocUnsafe(Math.max(out.length * 2, at + n));
  out.copy(next, 0, 0, at);
  out = next;
}

function byte(b: number): void {
  room(1);
  out[at++] = b;
}

function writeValue(value: CtyValue | undefined, t: CtyType): void {
  if (value instanceof Unknown) {
    writeExt(value);
    return;
  }
  if (value === null || value === undefined) {
    byte(0xc0);
    return;
  }
  if (value instanceof DynamicVal) fallback();
  switch (t.kind) {
    case 'string':
      if (typeof value !== 'string') fallback();
      writeString(value);
      return;
    case 'bool':
      if (typeof value !== 'boolean') fallback();
      byte(value ? 0xc3 : 0xc2);
      return;
    case 'number':
      writeNumber(value);
      return;
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) fallback();
      const arr = value as readonly CtyValue[];
      writeHeader(arr.length, 0x90, 0xdc, 0xdd);
      for (let i = 0; i < arr.length; i++) writeValue(arr[i], t.element);
      return;
    }
    case 'tuple': {
      if (!Array.isArray(value) || value.length !== t.elements.length) fallback();
      const arr = value as readonly CtyValue[];
      writeHeader(arr.length, 0x90, 0xdc, 0xdd);
      for (let i = 0; i < arr.length; i++) writeValue(arr[i], t.elements[i] as CtyType);
      return;
    }
    case 'map': {
      if (!isObjectValue(value)) fallback();
      const obj = value as CtyObject;
      if (Object.hasOwn(obj, '__proto__')) fallback();
      const keys = jsOrder(Object.keys(obj).sort());
      writeHeader(keys.length, 0x80, 0xde, 0xdf);
      for (const k of keys) {
        writeString(k);
        writeValue(obj[k], t.element);
      }
      return;
    }
    case 'object': {
      if (!isObjectValue(value)) fallback();
      const obj = value as CtyObject;
      const plan = objectPlan(t.attributes);
      writeBytes(plan.header);
      for (let i = 0; i < plan.encodeOrder.length; i++) {
        writeBytes(plan.encodedKeys[i] as Uint8Array);
        writeValue(obj[plan.encodeOrder[i] as string], plan.encodeTypes[i] as CtyType);
      }
      return;
    }
    default:
      fallback();
  }
}

function writeBytes(b: Uint8Array): void {
  const n = b.length;
  room(n);
  if (n > 24) out.set(b, at);
  else for (let i = 0; i < n; i++) out[at + i] = b[i] as number;
  at += n;
}

function writeHeader(n: number, fix: number, c16: number, c32: number): void {
  room(5);
  if (n < 16) out[at++] = fix + n;
  else if (n < 0x10000) {
    out[at++] = c16;
    out.writeUInt16BE(n, at);
    at += 2;
  } else {
    out[at++] = c32;
    out.writeUInt32BE(n, at);
    at += 4;
  }
}

function writeExt(u: Unknown): void {
  const data = u.data;
  const size = data.length;
  if (!(u.extType >= 0 && u.extType <= 127 && Number.isInteger(u.extType)) || size >= 0x1_0000_0000) fallback();
  room(6 + size);
  if (size === 1) out[at++] = 0xd4;
  else if (size === 2) out[at++] = 0xd5;
  else if (size === 4) out[at++] = 0xd6;
  else if (size === 8) out[at++] = 0xd7;
  else if (size === 16) out[at++] = 0xd8;
  else if (size < 0x100) {
    out[at++] = 0xc7;
    out[at++] = size;
  } else if (size < 0x10000) {
    out[at++] = 0xc8;
    out.writeUInt16BE(size, at);
    at += 2;
  } else {
    out[at++] = 0xc9;
    out.writeUInt32BE(size, at);
    at += 4;
  }
  out[at++] = u.extType;
  out.set(data, at);
  at += size;
}

function writeString(s: string): void {
  const n = s.length;
  // ASCII: one byte a character, written as it is scanned.
  room(5 + n);
  const headerAt = at;
  const headerSize = n < 32 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : 5;
  let p = headerAt + headerSize;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      writeUtf8(s);
      return;
    }
    out[p++] = c;
  }
  writeStringHeaderAt(headerAt, n);
  at = p;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function writeUtf8(s: string): void {
  // Lone surrogates: @msgpack/msgpack writes them its own way (and differently by length).
  if (LONE_SURROGATE.test(s)) fallback();
  const n = Buffer.byteLength(s, 'utf8');
  room(5 + n);
  const headerSize = n < 32 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : 5;
  writeStringHeaderAt(at, n);
  out.write(s, at + headerSize, n, 'utf8');
  at += headerSize + n;
}

function writeStringHeaderAt(p: number, n: number): void {
  if (n < 32) out[p] = 0xa0 + n;
  else if (n < 0x100) {
    out[p] = 0xd9;
    out[p + 1] = n;
  } else if (n < 0x10000) {
    out[p] = 0xda;
    out.writeUInt16BE(n, p + 1);
  } else {
    out[p] = 0xdb;
    out.writeUInt32BE(n, p + 1);
  }
}

/** Safe integers as the smallest msgpack int; other numbers as their decimal string (codec.ts numberToRaw). */
function writeNumber(value: CtyValue): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fallback();
    if (Number.isSafeInteger(value)) {
      writeInt(value);
      return;
    }
    writeString(String(value));
    return;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    writeString(value.trim());
    return;
  }
  fallback();
}

function writeInt(v: number): void {
  room(9);
  if (v >= 0) {
    if (v < 0x80) out[at++] = v;
    else if (v < 0x100) {
      out[at++] = 0xcc;
      out[at++] = v;
    } else if (v < 0x10000) {
      out[at++] = 0xcd;
      out.writeUInt16BE(v, at);
      at += 2;
    } else if (v < 0x1_0000_0000) {
      out[at++] = 0xce;
      out.writeUInt32BE(v, at);
      at += 4;
    } else {
      out[at++] = 0xcf;
      out.writeUInt32BE(Math.floor(v / 0x1_0000_0000), at);
      out.writeUInt32BE(v >>> 0, at + 4);
      at += 8;
    }
  } else if (v >= -0x20) out[at++] = 0xe0 | (v + 0x20);
  else if (v >= -0x80) {
    out[at++] = 0xd0;
    out.writeInt8(v, at++);
  } else if (v >= -0x8000) {
    out[at++] = 0xd1;
    out.writeInt16BE(v, at);
    at += 2;
  } else if (v >= -0x8000_0000) {
    out[at++] = 0xd2;
    out.writeInt32BE(v, at);
    at += 4;
  } else {
    out[at++] = 0xd3;
    out.writeInt32BE(Math.floor(v / 0x1_0000_0000), at);
    out.writeUInt32BE(v >>> 0, at + 4);
    at += 8;
  }
}
