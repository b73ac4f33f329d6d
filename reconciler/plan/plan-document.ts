/**
 * The plan as a document: several domains, a summary, the inputs it was made from and a checksum
 * (docs/design.md §4 Plan/apply parity). PURE: hashing is deterministic; no clock (the CLI stamps the time).
 */
import { hash } from 'node:crypto';
import type { ChangeClass, Comparable, LiveObject } from '../kinds/kind';
import type { DomainLiveState } from '../live/read-live-state';
import type { DomainDesiredState } from '../desired/load-desired-state';
import type { ChangeAction, DomainPlan } from './compute-plan';

export const PLAN_FORMAT_VERSION = '1';

export interface PlanSummary {
  readonly domains: number;
  readonly changes: number;
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly recycle: number;
  readonly cosmetic: number;
  readonly routing: number;
  readonly data_destroying: number;
  readonly unmanaged: number;
  readonly blocked: boolean;
}

export interface DomainInputs {
  /** sha256 of the desired-state files' text. */
  readonly files_digest: string;
  /** sha256 of the live state the plan was made from. */
  readonly live_digest: string;
  /** Per-object digests of the live state (`kind:key` → digest), to name what changed out of band. */
  readonly objects: Readonly<Record<string, string>>;
}

export interface PlanDocument {
  readonly format_version: string;
  readonly checksum: string;
  readonly created_at?: string;
  readonly summary: PlanSummary;
  readonly inputs: Readonly<Record<string, DomainInputs>>;
  readonly domains: readonly DomainPlan[];
}

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
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}

/**
 * Canonical orders of the key lists seen last (objects of one kind share theirs): comparing a list with a
 * remembered one costs less than sorting it again. Bounded: short lists only, a few per first key.
 */
const ORDERS = new Map<string, { readonly keys: readonly string[]; readonly sorted: string[] }[]>();

function canonicalOrder(keys: string[]): string[] {
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

export function objectDigest(live: LiveObject): string {
  return sha256(canonicalJson(live.comparable as Comparable)).slice(0, 16);
}

export function domainInputs(desired: DomainDesiredState, live: DomainLiveState): DomainInputs {
  // Written straight into the record (ids are `kind:key`, never integer-like: insertion order is kept).
  const objects: Record<string, string> = {};
  const ids: string[] = [];
  for (const [kind, list] of [...live.objects].sort(([a], [b]) => a.localeCompare(b))) {
    for (const l of list) {
      const id = `${kind}:${l.key}`;
      if (!(id in objects)) ids.push(id);
      objects[id] = objectDigest(l);
    }
  }
  const liveDigest = sha256(digestsJson(objects, ids));
  return { files_digest: sha256(desired.sourceText), live_digest: liveDigest, objects };
}

/** `canonicalJson(objects)`, written out from its ids (a digest is hex: it needs no escaping). */
function digestsJson(objects: Readonly<Record<string, string>>, ids: string[]): string {
  const parts: string[] = [];
  // Ids come kind by kind, keys in numeric order: often in code-unit order already (extensions of one length).
  for (const id of inOrder(ids) ? ids : canonicalOrder(ids)) parts.push(`${JSON.stringify(id)}:"${objects[id]}"`);
  return `{${parts.join(',')}}`;
}

export function summarize(domains: readonly DomainPlan[]): PlanSummary {
  const count = (a: ChangeAction) => domains.reduce((n, d) => n + d.changes.filter((c) => c.action === a).length, 0);
  const cls = (k: ChangeClass) => domains.reduce((n, d) => n + d.changes.filter((c) => c.class === k).length, 0);
  return {
    domains: domains.length,
    changes: domains.reduce((n, d) => n + d.changes.length, 0),
    create: count('create'),
    update: count('update'),
    delete: count('delete'),
    recycle: count('recycle'),
    cosmetic: cls('cosmetic'),
    routing: cls('routing'),
    data_destroying: cls('data-destroying'),
    unmanaged: domains.reduce((n, d) => n + d.unmanaged.length, 0),
    blocked: domains.some((d) => d.violations.length > 0),
  };
}

/** Checksum over the planned changes AND the inputs: any change to either gives a different checksum. */
export function planChecksum(domains: readonly DomainPlan[], inputs: Readonly<Record<string, DomainInputs>>): string {
  // `source` (file:line, relative to the cwd) is display-only: leave it out so the checksum does not
  // depend on where pbxctl runs.
  // `warnings` (calls in progress) change by the minute and would make every saved plan stale.
  const changes = domains.map((d) => ({
    domain: d.domain,
    changes: d.changes.map(({ source: _source, warnings: _warnings, ...c }) => c),
  }));
  const ins = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, { files: v.files_digest, live: v.live_digest }]),
  );
  return sha256(canonicalJson({ format_version: PLAN_FORMAT_VERSION, changes, inputs: ins }));
}

export function buildPlanDocument(
  domains: readonly DomainPlan[],
  inputs: Readonly<Record<string, DomainInputs>>,
): PlanDocument {
  return {
    format_version: PLAN_FORMAT_VERSION,
    checksum: planChecksum(domains, inputs),
    summary: summarize(domains),
    inputs,
    domains,
  };
}

/**
 * Saved plans are sealed (issue 13 #6): `seal` is the sha256 of the canonical JSON of the WHOLE saved
 * document except the seal itself — changes, summary, inputs, flags (allow_deletes …), source, format
 * version, checksum. Any edit of the file makes the seal disagree and `apply` refuses it before any write.
 * The seal detects edits; it is not a signature (who can run pbxctl can make a new plan anyway).
 */
export function sealDocument(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { seal: _seal, ...rest } = doc;
  return { ...rest, seal: sha256(canonicalJson(rest)) };
}

/** Undefined when the document is sealed and unchanged; otherwise why it must be refused. */
export function sealProblem(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'not a saved plan (expected a JSON object)';
  const { seal, ...rest } = doc as Record<string, unknown>;
  if (typeof seal !== 'string')
    return 'the saved plan has no seal, so edits to it cannot be detected (plans written by `pbxctl plan --out` are sealed)';
  if (seal !== sha256(canonicalJson(rest)))
    return 'the saved plan was edited after `pbxctl plan` wrote it (its content no longer matches its seal)';
  return undefined;
}
