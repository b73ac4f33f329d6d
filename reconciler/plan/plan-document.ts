/**
 * The plan as a document: several domains, a summary, the inputs it was made from and a checksum
 * (docs/design.md §4 Plan/apply parity). PURE: hashing is deterministic; no clock (the CLI stamps the time).
 */
import type { ChangeClass, Comparable, LiveObject } from '../kinds/kind';
import type { DomainLiveState } from '../live/read-live-state';
import type { DomainDesiredState } from '../desired/load-desired-state';
import type { ChangeAction, DomainPlan } from './compute-plan';
import { canonicalDigest } from './canonical-digest';
import { canonicalJson, canonicalOrder, inOrder, sha256 } from './canonical-json';

export { canonicalJson, sha256 };

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
 * Digests taken so far, by live object. A live object is never changed once read (`LiveObject` and its
 * `comparable` are readonly throughout), so its digest is taken once: while the rest of the domain is still
 * being read (`planAhead`, the pipeline's read hook), not after the last answer (issue 15: at 10,000
 * users the digests were half of the work after the reads).
 */
const DIGESTS = new WeakMap<LiveObject, string>();

export function objectDigest(live: LiveObject): string {
  let digest = DIGESTS.get(live);
  if (digest === undefined) {
    digest = canonicalDigest(live.comparable as Comparable).slice(0, 16);
    DIGESTS.set(live, digest);
  }
  return digest;
}

export function domainInputs(desired: DomainDesiredState, live: DomainLiveState): DomainInputs {
  const all: string[] = [];
  const digests: string[] = [];
  for (const kind of [...live.objects.keys()].sort((a, b) => a.localeCompare(b)))
    digestKind(kind, live.objects.get(kind) ?? [], all, digests);
  // The record is filled once every digest is made: filled along the way, its table grew among 10,000
  // short-lived texts and cost more than the digests' own garbage (issue 15). Ids are `kind:key`, never
  // integer-like, so the record keeps them in insertion order; an id listed twice keeps its first place
  // and its last digest.
  const objects: Record<string, string> = {};
  for (let i = 0; i < all.length; i++) objects[all[i] as string] = digests[i] as string;
  const liveDigest = sha256(digestsJson(objects));
  return { files_digest: sha256(desired.sourceText), live_digest: liveDigest, objects };
}

/**
 * The ids and digests of one kind's objects. A function of its own, so that V8 optimises this loop once and
 * keeps it: inlined in `domainInputs`, its optimised code was thrown away at each kind and at the code after
 * the loops, run after run (issue 15: the first runs of a pure stage paid for it again and again).
 */
function digestKind(kind: string, list: readonly LiveObject[], all: string[], digests: string[]): void {
  for (let i = 0; i < list.length; i++) {
    const l = list[i] as LiveObject;
    all.push(`${kind}:${l.key}`);
    digests.push(objectDigest(l));
  }
}

/** `canonicalJson(objects)`, written out from its ids (a digest is hex: it needs no escaping). */
function digestsJson(objects: Readonly<Record<string, string>>): string {
  const ids = Object.keys(objects);
  // Ids come kind by kind, keys in numeric order: often in code-unit order already (extensions of one
  // length), and then the record's own JSON is the canonical one (its keys in insertion order).
  if (inOrder(ids)) return JSON.stringify(objects);
  const parts: string[] = [];
  for (const id of canonicalOrder(ids)) parts.push(`${JSON.stringify(id)}:"${objects[id]}"`);
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
  return canonicalDigest({ format_version: PLAN_FORMAT_VERSION, changes, inputs: ins });
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
  return { ...rest, seal: canonicalDigest(rest) };
}

/** Undefined when the document is sealed and unchanged; otherwise why it must be refused. */
export function sealProblem(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'not a saved plan (expected a JSON object)';
  const { seal, ...rest } = doc as Record<string, unknown>;
  if (typeof seal !== 'string')
    return 'the saved plan has no seal, so edits to it cannot be detected (plans written by `pbxctl plan --out` are sealed)';
  if (seal !== canonicalDigest(rest))
    return 'the saved plan was edited after `pbxctl plan` wrote it (its content no longer matches its seal)';
  return undefined;
}
