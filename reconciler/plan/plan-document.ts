/**
 * The plan as a document: several domains, a summary, the inputs it was made from and a checksum
 * (docs/design.md §4 Plan/apply parity). PURE: hashing is deterministic; no clock (the CLI stamps the time).
 */
import { createHash } from 'node:crypto';
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
 * JSON with secrets masked (SecretValue.toJSON) and keys sorted, so hashes are stable. Written out directly
 * (issue 15: it hashes every live object of a plan); the text is exactly what `JSON.stringify` with a
 * key-sorting replacer gives (plan-document.test.ts compares them).
 */
export function canonicalJson(value: unknown): string {
  return canon(value) as string;
}

/**
 * Keys sorted as the replacer's `Object.fromEntries` left them: integer-like keys first in numeric order
 * (objects always list those first, and `Object.keys` already does so), then the others sorted.
 */
function sortedKeys(o: Record<string, unknown>): string[] {
  const keys = Object.keys(o);
  let n = 0;
  while (n < keys.length && isIndex(keys[n] as string)) n++;
  return n === 0 ? keys.sort() : [...keys.slice(0, n), ...keys.slice(n).sort()];
}

function isIndex(k: string): boolean {
  return /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
}

function canon(input: unknown): string | undefined {
  let v = input;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON(): unknown }).toJSON();
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x) => canon(x) ?? 'null').join(',')}]`;
      const o = v as Record<string, unknown>;
      const parts: string[] = [];
      for (const k of sortedKeys(o)) {
        const s = canon(o[k]);
        if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
      }
      return `{${parts.join(',')}}`;
    }
    case 'bigint':
      return JSON.stringify(v); // throws, as JSON.stringify does
    default:
      return undefined; // undefined, functions, symbols: left out of objects, null in arrays
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function objectDigest(live: LiveObject): string {
  return sha256(canonicalJson(live.comparable as Comparable)).slice(0, 16);
}

export function domainInputs(desired: DomainDesiredState, live: DomainLiveState): DomainInputs {
  const objects: Record<string, string> = {};
  for (const [kind, list] of [...live.objects].sort(([a], [b]) => a.localeCompare(b))) {
    for (const l of list) objects[`${kind}:${l.key}`] = objectDigest(l);
  }
  return { files_digest: sha256(desired.sourceText), live_digest: sha256(canonicalJson(objects)), objects };
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
