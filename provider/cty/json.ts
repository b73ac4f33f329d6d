import { parseType, type CtyType } from './types';
import { CtyCodecError, describe, elementsFrom, enter, here, mapFrom, numberFromRaw, rawMap, trail } from './trail';
import { type CtyValue, DynamicVal } from './values';

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

/** A parsed JSON value under a type; `path` prefixes the path in error messages. */
export function fromJsonValue(raw: unknown, t: CtyType, path: string): CtyValue {
  try {
    return fastFromJson(raw, t);
  } catch {
    // The conversion below is the same, step for step, and names the path of what does not fit.
    return fromJsonValueGeneric(raw, t, path);
  }
}

/** The conversion that keeps the path (for its error messages). */
export function fromJsonValueGeneric(raw: unknown, t: CtyType, path: string): CtyValue {
  enter(path);
  return fromJson(raw, t);
}

/**
 * `fromJson` for values that fit their type, without keeping the path: it throws (anything) where the value
 * does not fit or the type is `dynamic`, and `fromJsonValue` then runs `fromJson` for the answer or the
 * error. Same reads of `raw` in the same order, same results.
 */
function fastFromJson(raw: unknown, t: CtyType): CtyValue {
  if (t.kind === 'dynamic') throw FAST_JSON_GIVES_UP;
  if (raw === null || raw === undefined) return null;
  switch (t.kind) {
    case 'string':
      if (typeof raw !== 'string') throw FAST_JSON_GIVES_UP;
      return raw;
    case 'bool':
      if (typeof raw === 'string' && (raw === 'true' || raw === 'false')) return raw === 'true';
      if (typeof raw !== 'boolean') throw FAST_JSON_GIVES_UP;
      return raw;
    case 'number':
      return numberFromRaw(raw, here);
    case 'list':
    case 'set': {
      if (!Array.isArray(raw)) throw FAST_JSON_GIVES_UP;
      const out: CtyValue[] = new Array(raw.length);
      for (let i = 0; i < raw.length; i++) out[i] = fastFromJson(raw[i], t.element);
      return out;
    }
    case 'tuple': {
      if (!Array.isArray(raw) || raw.length !== t.elements.length) throw FAST_JSON_GIVES_UP;
      const out: CtyValue[] = new Array(raw.length);
      for (let i = 0; i < raw.length; i++) out[i] = fastFromJson(raw[i], t.elements[i] as CtyType);
      return out;
    }
    case 'map': {
      const obj = rawMap(raw, t);
      const out: Record<string, CtyValue> = {};
      for (const [k, v] of Object.entries(obj)) out[k] = fastFromJson(v, t.element);
      return out;
    }
    case 'object': {
      const obj = rawMap(raw, t);
      const out: Record<string, CtyValue> = {};
      for (const k in t.attributes) out[k] = fastFromJson(obj[k], t.attributes[k] as CtyType);
      return out;
    }
  }
}

const FAST_JSON_GIVES_UP = new Error('not for the fast path');

function fromJson(raw: unknown, t: CtyType): CtyValue {
  if (t.kind === 'dynamic') {
    if (raw === null || raw === undefined) return null;
    if (typeof raw !== 'object' || Array.isArray(raw) || !('type' in raw)) {
      throw new CtyCodecError(here(), 'dynamic JSON value must be {"value", "type"}');
    }
    const dt = parseType((raw as { type: unknown }).type);
    return new DynamicVal(dt, fromJson((raw as { value?: unknown }).value ?? null, dt));
  }
  if (raw === null || raw === undefined) return null;
  switch (t.kind) {
    case 'string':
      if (typeof raw !== 'string') throw new CtyCodecError(here(), `string expected, got ${typeof raw}`);
      return raw;
    case 'bool':
      if (typeof raw === 'string' && (raw === 'true' || raw === 'false')) return raw === 'true';
      if (typeof raw !== 'boolean') throw new CtyCodecError(here(), `bool expected, got ${typeof raw}`);
      return raw;
    case 'number':
      return numberFromRaw(raw, here);
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CtyCodecError(here(), `array expected for ${describe(t)}`);
      return elementsFrom(fromJson, raw, t.element);
    case 'tuple':
      if (!Array.isArray(raw) || raw.length !== t.elements.length) {
        throw new CtyCodecError(here(), `array of ${t.elements.length} expected for ${describe(t)}`);
      }
      return elementsFrom(fromJson, raw, undefined, t.elements);
    case 'map':
      return mapFrom(fromJson, rawMap(raw, t), t.element);
    case 'object': {
      const obj = rawMap(raw, t);
      const out: Record<string, CtyValue> = {};
      for (const k in t.attributes) {
        trail.push(k);
        out[k] = fromJson(obj[k], t.attributes[k] as CtyType);
        trail.pop();
      }
      return out;
    }
  }
}
