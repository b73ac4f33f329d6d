import { fallback, fastType, jsOrder, objectPlan } from './msgpack';
import type { CtyType } from './types';
import { type CtyObject, type CtyValue, DynamicVal, isObjectValue, Unknown } from './values';

/* The encoding half of the direct codec (msgpack.ts). */

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
