/**
 * sha256 of a value's canonical JSON (canonical-json.ts) without making the text: the UTF-8 bytes are written
 * straight into one reused buffer and hashed from there. A plan hashes every live object (10,000 users: 5.5 MB
 * of text); the copies with sorted keys, the texts and the strings the hash read made most of the pure stage's
 * garbage (issue 15). The bytes are exactly those of `canonicalJson` (canonical-digest.test.ts compares them);
 * values outside plain data (boxed primitives, class instances without `toJSON`, BigInt) go through
 * `canonicalJson` itself. PURE.
 */
import { hash } from 'node:crypto';
import { canonicalJson, canonicalOrder, inOrder, sha256 } from './canonical-json';

/** Reused between calls; a buffer grown past this is dropped after use (a rare huge value keeps no memory). */
const KEEP_BYTES = 1 << 20;
let buf: Buffer = Buffer.allocUnsafe(1 << 16);
let pos = 0;
/** A `toJSON` that digests something itself would write into the buffer in use: it gets the text path. */
let busy = false;

/** Not plain data: the whole value is hashed from `canonicalJson`'s text instead. */
class NotPlain extends Error {}

/** sha256 (hex) of `canonicalJson(value)`'s UTF-8 bytes. */
export function canonicalDigest(value: unknown): string {
  const bytes = written(value);
  return bytes ? hash('sha256', bytes, 'hex') : sha256(canonicalJson(value));
}

/** A copy of the bytes `canonicalDigest` hashes; undefined when the value takes the text path (for tests). */
export function canonicalBytes(value: unknown): Buffer | undefined {
  const bytes = written(value);
  return bytes ? Buffer.from(bytes) : undefined;
}

/**
 * Views of the buffer's first n bytes, by n, made once per buffer: a digest hashes a view of what it wrote,
 * and making one per digest was a tenth of the digests' garbage (10,000 users: 10,000 views).
 */
const MAX_VIEW = 1 << 13;
/** Filled with `undefined` up front: a sparse list would keep its entries in a dictionary. */
const noViews = (): (Buffer | undefined)[] => new Array<Buffer | undefined>(MAX_VIEW + 1).fill(undefined);
let views = noViews();

function view(n: number): Buffer {
  if (n > MAX_VIEW) return buf.subarray(0, n);
  let v = views[n];
  if (!v) {
    v = buf.subarray(0, n);
    views[n] = v;
  }
  return v;
}

/** The value's canonical JSON as UTF-8, valid until the next call; undefined: hash `canonicalJson`'s text. */
function written(value: unknown): Buffer | undefined {
  if (busy || inheritsEnumerable()) return undefined;
  busy = true;
  try {
    pos = 0;
    return writeValue(value) ? view(pos) : undefined;
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  } finally {
    busy = false;
    if (buf.length > KEEP_BYTES) replaceBuffer(Buffer.allocUnsafe(1 << 16));
  }
}

/** Keys a plain object would list in `for…in` but not in `Object.keys` (someone extended Object.prototype). */
function inheritsEnumerable(): boolean {
  for (const _ in EMPTY) return true;
  return false;
}
const EMPTY = {};

function replaceBuffer(next: Buffer): void {
  buf = next;
  views = noViews();
}

function ensure(n: number): void {
  if (pos + n <= buf.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, pos + n));
  buf.copy(bigger, 0, 0, pos);
  replaceBuffer(bigger);
}

function ascii(s: string): void {
  ensure(s.length);
  for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
}

function byte(b: number): void {
  ensure(1);
  buf[pos++] = b;
}

/** `toJSON` applied as `canonicalJson` applies it: without a key, again on what it gives. */
function resolved(v: unknown): unknown {
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    return resolved((v as { toJSON(): unknown }).toJSON());
  if (typeof v === 'function' && typeof (v as { toJSON?: unknown }).toJSON === 'function') throw new NotPlain();
  return v;
}

/** Writes a value; false when JSON has nothing for it (undefined, a function, a symbol). */
function writeValue(value: unknown): boolean {
  return writeResolved(resolved(value));
}

/** Writes a value `toJSON` was applied to already. */
function writeResolved(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
      writeString(v);
      return true;
    case 'number':
      ascii(Number.isFinite(v) ? String(v) : 'null');
      return true;
    case 'boolean':
      ascii(v ? 'true' : 'false');
      return true;
    case 'object':
      if (v === null) ascii('null');
      else if (Array.isArray(v)) writeArray(v);
      else writeObject(v as Record<string, unknown>);
      return true;
    case 'undefined':
    case 'function':
    case 'symbol':
      return false;
    default:
      throw new NotPlain(); // bigint: `JSON.stringify` throws, and says why
  }
}

function writeArray(a: readonly unknown[]): void {
  byte(0x5b);
  for (let i = 0; i < a.length; i++) {
    if (i > 0) byte(0x2c);
    if (!writeValue(a[i])) ascii('null');
  }
  byte(0x5d);
}

/**
 * A key list seen before, with its canonical order and each key's `"key":` already in UTF-8: objects of one
 * kind share their lists, so their keys are sorted and encoded once, not once per object (issue 15).
 */
interface Shape {
  readonly keys: readonly string[];
  readonly order: readonly string[];
  readonly heads: readonly Uint8Array[];
}

/** Shapes by first key; bounded like `canonicalOrder`'s memory (short lists, a few per first key). */
const SHAPES = new Map<string, Shape[]>();

function shapeOf(keys: string[]): Shape | undefined {
  if (keys.length > 64) return undefined;
  const first = keys[0] as string;
  let seen = SHAPES.get(first);
  if (seen) {
    for (let i = 0; i < seen.length; i++) {
      const e = seen[i] as Shape;
      if (sameList(e.keys, keys)) return e;
    }
  } else {
    if (SHAPES.size >= 256) SHAPES.clear();
    seen = [];
    SHAPES.set(first, seen);
  }
  const order = inOrder(keys) ? keys : [...canonicalOrder(keys)];
  const shape: Shape = { keys, order, heads: order.map((k) => Buffer.from(`${JSON.stringify(k)}:`, 'utf8')) };
  if (seen.length >= 4) seen.shift();
  seen.push(shape);
  return shape;
}

/**
 * A remembered shape with the object's key list, read with `for…in`: it lists an object's keys as
 * `Object.keys` does (no key of Object.prototype is enumerable: `written` checks) without making an array of
 * them per object (issue 15: 10,000 users, each with nested objects, per plan).
 */
function knownShape(o: Record<string, unknown>): Shape | undefined {
  let seen: Shape[] | undefined;
  for (const k in o) {
    seen = SHAPES.get(k);
    break;
  }
  if (!seen) return undefined;
  for (let i = seen.length - 1; i >= 0; i--) if (listsKeys(o, (seen[i] as Shape).keys)) return seen[i];
  return undefined;
}

function listsKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) if (keys[i++] !== k) return false;
  return i === keys.length;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function writeObject(o: Record<string, unknown>): void {
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) throw new NotPlain();
  let shape = knownShape(o);
  if (!shape) {
    const keys = Object.keys(o);
    shape = keys.length > 0 ? shapeOf(keys) : undefined;
    if (!shape) {
      writeObjectKeys(o, keys);
      return;
    }
  }
  const { order, heads } = shape;
  byte(0x7b);
  let first = true;
  for (let i = 0; i < order.length; i++) {
    const v = resolved(o[order[i] as string]);
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    const head = heads[i] as Uint8Array;
    ensure(head.length + 1);
    const b = buf;
    let p = pos;
    if (!first) b[p++] = 0x2c;
    first = false;
    for (let j = 0; j < head.length; j++) b[p++] = head[j] as number;
    pos = p;
    writeResolved(v);
  }
  byte(0x7d);
}

/** An object whose key list is not remembered (none, or too many keys). */
function writeObjectKeys(o: Record<string, unknown>, keys: string[]): void {
  const order = inOrder(keys) ? keys : canonicalOrder(keys);
  byte(0x7b);
  let first = true;
  for (let i = 0; i < order.length; i++) {
    const k = order[i] as string;
    const v = resolved(o[k]);
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    if (!first) byte(0x2c);
    first = false;
    writeString(k);
    byte(0x3a);
    writeResolved(v);
  }
  byte(0x7d);
}

const HEX = '0123456789abcdef';

/** A JSON string as `JSON.stringify` writes it (short escapes, `\u00xx`, lone surrogates escaped), in UTF-8. */
function writeString(s: string): void {
  ensure(s.length * 6 + 2);
  const b = buf;
  let p = pos;
  b[p++] = 0x22;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x80 && c !== 0x22 && c !== 0x5c) b[p++] = c;
    else if (c < 0x80) p = writeEscape(b, p, c);
    else if (c < 0x800) {
      b[p++] = 0xc0 | (c >> 6);
      b[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
    } else {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        b[p++] = 0xf0 | (cp >> 18);
        b[p++] = 0x80 | ((cp >> 12) & 0x3f);
        b[p++] = 0x80 | ((cp >> 6) & 0x3f);
        b[p++] = 0x80 | (cp & 0x3f);
        i++;
      } else p = writeUnicodeEscape(b, p, c);
    }
  }
  b[p++] = 0x22;
  pos = p;
}

/** `"`, `\` and the control characters, as `JSON.stringify` escapes them. */
function writeEscape(b: Buffer, at: number, c: number): number {
  const short = c === 0x22 || c === 0x5c ? c : SHORT[c];
  if (short === undefined) return writeUnicodeEscape(b, at, c);
  b[at] = 0x5c;
  b[at + 1] = short;
  return at + 2;
}

/** \b \t \n \f \r: the control characters with a one-letter escape. */
const SHORT: Readonly<Record<number, number>> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72 };

function writeUnicodeEscape(b: Buffer, at: number, c: number): number {
  b[at] = 0x5c;
  b[at + 1] = 0x75;
  for (let k = 0; k < 4; k++) b[at + 2 + k] = HEX.charCodeAt((c >> (12 - 4 * k)) & 0xf);
  return at + 6;
}
