/**
 * Canonical JSON: the text behind every digest and checksum of a plan (plan-document.ts). Keys sorted,
 * secrets masked (SecretValue.toJSON), no white space. PURE.
 */
import { hash } from 'node:crypto';

/**
 * JSON with secrets masked (SecretValue.toJSON) and keys sorted, so hashes are stable: `JSON.stringify` of a
 * copy whose keys are inserted in sorted order (issue 15: it hashes every live object of a plan). The text is
 * exactly what `JSON.stringify` with a key-sorting replacer gives (plan-document.test.ts compares them).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value));
}

/**
 * The value with every object's keys in canonical order — integer-like keys first in numeric order (objects
 * always list those first), then the others sorted — and `toJSON` applied; parts already in order are shared.
 */
function sortedCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function')
    return sortedCopy((v as { toJSON(): unknown }).toJSON());
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const c = sortedCopy(v[i]);
      if (c !== v[i]) {
        out ??= v.slice();
        out[i] = c;
      }
    }
    return out ?? v;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (!inOrder(keys)) {
    const out: Record<string, unknown> = {};
    for (const k of canonicalOrder(keys)) out[k] = sortedCopy(o[k]);
    return out;
  }
  return sortedValues(o, keys);
}

/** An object whose keys are in order: itself unless a value changes (then a copy, made only then). */
function sortedValues(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const x = o[k];
    const c = typeof x === 'object' && x !== null ? sortedCopy(x) : x;
    if (out) out[k] = c;
    else if (c !== x) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j] as string] = o[keys[j] as string];
      out[k] = c;
    }
  }
  return out ?? o;
}

/**
 * Keys in code-unit order: canonical as they are (`Object.keys` lists integer-like keys first, in numeric
 * order, so a list sorted both ways has them first already).
 */
export function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}

/**
 * Canonical orders of the key lists seen last (objects of one kind share theirs): comparing a list with a
 * remembered one costs less than sorting it again. Bounded: short lists only, a few per first key.
 */
const ORDERS = new Map<string, { readonly keys: readonly string[]; readonly sorted: string[] }[]>();

export function canonicalOrder(keys: string[]): string[] {
  if (keys.length > 64) return sortKeys(keys);
  const first = keys[0] as string;
  let seen = ORDERS.get(first);
  if (seen) {
    for (const e of seen) if (sameList(e.keys, keys)) return e.sorted;
  } else {
    if (ORDERS.size >= 256) ORDERS.clear();
    seen = [];
    ORDERS.set(first, seen);
  }
  const sorted = sortKeys([...keys]);
  if (seen.length >= 4) seen.shift();
  seen.push({ keys, sorted });
  return sorted;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Sorts keys in place as the replacer's `Object.fromEntries` left them: integer-like keys first, then the rest. */
function sortKeys(keys: string[]): string[] {
  let n = 0;
  while (n < keys.length && isIndex(keys[n] as string)) n++;
  if (n === 0) return keys.sort();
  const tail = keys.slice(n).sort();
  for (let j = 0; j < tail.length; j++) keys[n + j] = tail[j] as string;
  return keys;
}

function isIndex(k: string): boolean {
  const c = k.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return false; // most keys do not start with a digit
  return /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
}

/** One-shot `crypto.hash` (Node ≥ 20.12): a tenth of `createHash`'s cost on the small texts of per-object digests. */
export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}
