import type { CtyType } from './types';

/**
 * A value not yet known (msgpack extension). Terraform uses ext type 0 for a
 * plain unknown and ext 12 for a "refined" unknown whose payload lists
 * refinements. The original extension type and payload are kept so that an
 * unknown copied from config into a plan is sent back byte for byte.
 */
export class Unknown {
  constructor(
    readonly extType: number = 0,
    readonly data: Uint8Array = new Uint8Array([0]),
  ) {}
}

export const UNKNOWN: Unknown = new Unknown();

/** A value of a `dynamic` attribute, carrying its concrete type. */
export class DynamicVal {
  constructor(
    readonly type: CtyType,
    readonly value: CtyValue,
  ) {}
}

/**
 * JS representation of a cty value: strings, numbers (JS numbers; see
 * README for precision), booleans, null, arrays (list, set, tuple), plain
 * objects (map, object), Unknown and DynamicVal.
 */
export type CtyValue =
  | null
  | string
  | number
  | boolean
  | Unknown
  | DynamicVal
  | readonly CtyValue[]
  | { readonly [key: string]: CtyValue };

export type CtyObject = { readonly [key: string]: CtyValue };

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export function isObjectValue(v: unknown): v is CtyObject {
  return (
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof DynamicVal)
  );
}

/** True when the value contains no Unknown anywhere. */
export function isWhollyKnown(v: CtyValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (v instanceof Unknown) return false;
  if (v instanceof DynamicVal) return isWhollyKnown(v.value);
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  if (typeof v === 'object') return Object.values(v as CtyObject).every(isWhollyKnown);
  return true;
}

/**
 * Semantic equality under a type: sets compare without order, objects compare
 * only the type's attributes (missing ≡ null). Two unknowns are equal only when
 * both are unknown (used for "did this change?" checks in planning).
 */
export function valueEquals(a: CtyValue | undefined, b: CtyValue | undefined, t: CtyType): boolean {
  const x = unwrapDynamic(a === undefined ? null : a);
  const y = unwrapDynamic(b === undefined ? null : b);
  if (x instanceof Unknown || y instanceof Unknown) return x instanceof Unknown && y instanceof Unknown;
  if (x === null || y === null) return x === y;
  switch (t.kind) {
    case 'string':
    case 'bool':
      return x === y;
    case 'number':
      return Number(x) === Number(y);
    case 'dynamic': {
      if (x instanceof DynamicVal && y instanceof DynamicVal) {
        return JSON.stringify(x.type) === JSON.stringify(y.type) && valueEquals(x.value, y.value, x.type);
      }
      return JSON.stringify(x) === JSON.stringify(y);
    }
    case 'list': {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      return x.every((e, i) => valueEquals(e, y[i], t.element));
    }
    case 'tuple': {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      return x.every((e, i) => valueEquals(e, y[i], t.elements[i]));
    }
    case 'set': {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      const used = new Set<number>();
      return x.every((e) => {
        const i = y.findIndex((f, j) => !used.has(j) && valueEquals(e, f, t.element));
        if (i < 0) return false;
        used.add(i);
        return true;
      });
    }
    case 'map': {
      if (!isObjectValue(x) || !isObjectValue(y)) return false;
      const kx = Object.keys(x).sort();
      const ky = Object.keys(y).sort();
      if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i])) return false;
      return kx.every((k) => valueEquals(x[k], y[k], t.element));
    }
    case 'object': {
      if (!isObjectValue(x) || !isObjectValue(y)) return false;
      return Object.entries(t.attributes).every(([k, at]) => valueEquals(x[k], y[k], at));
    }
  }
}

/** A DynamicVal whose type is itself `dynamic` is just its (null or unknown) value. */
function unwrapDynamic(v: CtyValue): CtyValue {
  return v instanceof DynamicVal && v.type.kind === 'dynamic' ? unwrapDynamic(v.value) : v;
}
