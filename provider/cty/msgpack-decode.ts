import { fallback, fastType, type ObjectPlan, objectPlan } from './msgpack';
import type { CtyType } from './types';
import { type CtyObject, type CtyValue, Unknown } from './values';

/* The decoding half of the direct codec (msgpack.ts). */

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
