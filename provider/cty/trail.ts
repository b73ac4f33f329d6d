/**
 * What the generic conversions share: the error type, the path of the value being converted (kept as a
 * stack, spelled only for an error), and the checks of a raw msgpack or JSON value.
 */
import { type CtyType, typeToJson } from './types';
import type { CtyValue } from './values';

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

export type Raw = unknown;

/*
 * The path of the value being converted, kept as a stack of steps (attribute name, element index, or
 * an already-quoted map key) and turned into text only when an error is thrown: building a path string
 * per attribute was a measurable share of every RPC. Conversions are synchronous; each entry point
 * resets the stack.
 */
export const trail: (string | number)[] = [];
let trailBase = '';
export function here(): string {
  let out = trailBase;
  for (const step of trail) out += typeof step === 'number' ? `[${step}]` : step.startsWith('[') ? step : `.${step}`;
  return out;
}
export function enter(base: string): void {
  trail.length = 0;
  trailBase = base;
}

export function describe(t: CtyType): string {
  return JSON.stringify(typeToJson(t));
}

export type FromFn = (raw: Raw, t: CtyType) => CtyValue;

/** List/set elements (one element type) or tuple elements (a type each), with their index on the trail. */
export function elementsFrom(from: FromFn, raw: readonly Raw[], element?: CtyType, elements?: readonly CtyType[]) {
  const out: CtyValue[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    trail.push(i);
    out[i] = from(raw[i], (element ?? elements?.[i]) as CtyType);
    trail.pop();
  }
  return out;
}

export function mapFrom(from: FromFn, obj: Record<string, Raw>, element: CtyType): Record<string, CtyValue> {
  const out: Record<string, CtyValue> = {};
  for (const [k, v] of Object.entries(obj)) {
    trail.push(`[${JSON.stringify(k)}]`);
    out[k] = from(v, element);
    trail.pop();
  }
  return out;
}

export function numberFromRaw(raw: Raw, where: () => string): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    if (Number.isFinite(n)) return n;
  }
  throw new CtyCodecError(where(), `number expected, got ${JSON.stringify(raw)}`);
}

export function rawMap(raw: Raw, t: CtyType): Record<string, Raw> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Uint8Array) {
    throw new CtyCodecError(here(), `map expected for ${describe(t)}`);
  }
  return raw as Record<string, Raw>;
}
