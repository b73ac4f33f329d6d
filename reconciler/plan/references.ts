/**
 * References between objects, seen from the target: who points at each key (blast radius, what a
 * delete releases), and the checks run once live state is known (targets exist; extensions are free).
 * PURE. What each relation means is declared in `RELATIONS` (kinds/kind.ts), never by its name here.
 */
import type { DomainDesiredState } from '../desired/load-desired-state';
import { DesiredStateError, type DesiredStateIssue } from '../errors';
import { ANY_EXTENSION, type PlanReference, type Reference, RELATIONS, type Relation } from '../kinds/kind';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import type { DomainLiveState } from '../live/read-live-state';

/** A reference seen from its target, in the plan's format, with what the core needs to act on it. */
export interface Inbound {
  readonly ref: PlanReference;
  readonly relation: Relation;
  /** The referrer's key (a phone number, a ring group's extension). */
  readonly sourceKey: string;
}

export function toPlanReference(r: Reference): PlanReference {
  return { from: r.from, relation: RELATIONS[r.relation].words, extension: r.key };
}

/**
 * The key under which references to an object are collected: the bare key for extensions (any kind that
 * owns one, or `ANY_EXTENSION`), `kind:key` for the rest (a site and an emergency address may share a name).
 */
export function inboundKey(kind: string, key: string, registry: Registry = DEFAULT_REGISTRY): string {
  return kind === ANY_EXTENSION || registry.get(kind)?.identity.ownsExtension !== false ? key : `${kind}:${key}`;
}

/** Does this reference point at the object `kind`/`key`? (`ANY_EXTENSION` matches any kind by key.) */
export function pointsAt(r: Reference, kind: string, key: string): boolean {
  return r.key === key && (r.kind === ANY_EXTENSION || r.kind === kind);
}

/** Who points at each key (see `inboundKey`), on the platform now and in the desired state. */
export function inboundReferences(
  desired: DomainDesiredState,
  live: DomainLiveState,
  registry: Registry = DEFAULT_REGISTRY,
): Map<string, Inbound[]> {
  const out = new Map<string, Inbound[]>();
  // Who is already listed under each target (`from`, relation): a site every user names is one target with
  // thousands of referrers, so the duplicate check is a set look-up, not a scan of the list (issue 15).
  const seen = new Map<string, Set<string>>();
  const add = (r: Reference) => {
    const at = inboundKey(r.kind, r.key, registry);
    let list = out.get(at);
    let listed = seen.get(at);
    if (!list || !listed) {
      list = [];
      listed = new Set();
      out.set(at, list);
      seen.set(at, listed);
    }
    const id = `${r.from}\u0000${r.relation}`;
    if (listed.has(id)) return;
    listed.add(id);
    list.push({ ref: toPlanReference(r), relation: r.relation, sourceKey: r.source.key });
  };
  for (const kind of registry.kinds) {
    for (const l of live.objects.get(kind.name) ?? []) kind.references(l.key, l.comparable).forEach(add);
    for (const d of desired.objects.get(kind.name) ?? []) kind.references(d.key, d.comparable).forEach(add);
  }
  // `localeCompare` without locale or options is this collator's `compare` (ECMA-402), built once.
  const { compare } = new Intl.Collator();
  for (const list of out.values())
    list.sort((a, b) => compare(a.ref.from, b.ref.from) || compare(a.ref.relation, b.ref.relation));
  return out;
}

/** Does an object of the target kind with this key exist in the files or on the platform? */
function targetExists(desired: DomainDesiredState, live: DomainLiveState, r: Reference): boolean {
  if (r.kind === ANY_EXTENSION) {
    if (live.extensions.has(r.key)) return true;
    for (const list of desired.objects.values())
      if (list.some((o) => o.key === r.key && /^[0-9]+$/.test(o.key))) return true;
    return false;
  }
  const inFiles = (desired.objects.get(r.kind) ?? []).some((o) => o.key === r.key);
  return inFiles || (live.objects.get(r.kind) ?? []).some((o) => o.key === r.key);
}

/**
 * References whose relation requires a target (ring-group members and fallbacks) must point at something
 * in the files or on the platform (docs/design.md §2). Checked once live state is known; reported like any
 * other desired-state error.
 */
export function assertReferencesExist(
  desired: DomainDesiredState,
  live: DomainLiveState,
  registry: Registry = DEFAULT_REGISTRY,
): void {
  const issues: DesiredStateIssue[] = [];
  for (const kind of registry.kinds) {
    for (const d of desired.objects.get(kind.name) ?? []) {
      for (const ref of kind.references(d.key, d.comparable, d.spec)) {
        if (!RELATIONS[ref.relation].mustExist || targetExists(desired, live, ref)) continue;
        const words = RELATIONS[ref.relation].words;
        const what =
          ref.kind === ANY_EXTENSION ? 'an extension' : `${/^[aeiou]/.test(ref.kind) ? 'an' : 'a'} ${ref.kind}`;
        // At the field that names the target when the kind says which (the entry's line otherwise).
        const entry = d.path ?? d.key;
        issues.push({
          position: (ref.field !== undefined ? d.positions?.[ref.field] : undefined) ?? d.source,
          path: ref.field !== undefined ? `${entry}.${ref.field}` : entry,
          message: `${words} ${ref.key} is not ${what} in the files or on ${desired.domain}`,
          hint: `add ${ref.kind === ANY_EXTENSION ? 'extension' : ref.kind} ${ref.key} to the file, or fix the ${words}`,
        });
      }
    }
  }
  if (issues.length) throw new DesiredStateError(issues);
}

/**
 * An extension the file gives to one kind must not be taken on the platform by something else (a user
 * where the file has a ring group, or an auto attendant, queue or other system user): creating it would
 * only fail with 409 at apply time, half-way through.
 */
export function assertExtensionsFree(
  desired: DomainDesiredState,
  live: DomainLiveState,
  registry: Registry = DEFAULT_REGISTRY,
): void {
  const issues: DesiredStateIssue[] = [];
  for (const kind of registry.kinds) {
    if (!kind.identity.ownsExtension) continue;
    const mine = new Set((live.objects.get(kind.name) ?? []).map((o) => o.key));
    for (const d of desired.objects.get(kind.name) ?? []) {
      if (mine.has(d.key) || !live.extensions.has(d.key)) continue;
      const other = registry.kinds.find(
        (k) => k !== kind && (live.objects.get(k.name) ?? []).some((o) => o.key === d.key),
      );
      const what = other
        ? `a ${other.title.toLowerCase()}`
        : 'a system user (auto attendant, call queue, conference …)';
      issues.push({
        position: d.source,
        path: `${d.path ?? d.key}.extension`,
        message: `extension ${d.key} is already ${what} on ${desired.domain}`,
        hint: other
          ? `remove the ${other.title.toLowerCase()} ${d.key} first (a separate change), or pick another extension`
          : 'pick another extension',
      });
    }
  }
  if (issues.length) throw new DesiredStateError(issues);
}
