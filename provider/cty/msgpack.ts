import type { CtyType } from './types';

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

export function fallback(): never {
  throw FALLBACK;
}

// ---------------------------------------------------------------- per-type facts, computed once

export interface ObjectPlan {
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
export function fastType(t: CtyType): boolean {
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

export function jsOrder(sorted: readonly string[]): string[] {
  const o: Record<string, 0> = {};
  for (const k of sorted) o[k] = 0;
  return Object.keys(o);
}

export function objectPlan(attributes: Readonly<Record<string, CtyType>>): ObjectPlan {
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

export function stringHeader(n: number): number[] {
  if (n < 32) return [0xa0 + n];
  if (n < 0x100) return [0xd9, n];
  if (n < 0x10000) return [0xda, n >> 8, n & 0xff];
  return [0xdb, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

export function containerHeader(n: number, fix: number, c16: number, c32: number): number[] {
  if (n < 16) return [fix + n];
  if (n < 0x10000) return [c16, n >> 8, n & 0xff];
  return [c32, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
