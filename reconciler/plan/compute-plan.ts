/**
 * computePlan(desired, live) → DomainPlan. PURE and deterministic (docs/design.md §6.2): no HTTP, clock, env or
 * randomness; changes are sorted, so the same inputs always print the same plan. A test fails if any
 * module under plan/ imports something that does I/O.
 */
import type { DomainDesiredState } from '../desired/load-desired-state';
import type { AnyKind, ChangeClass, Comparable, DesiredObject, LiveObject, Loss, PlanReference } from '../kinds/kind';
import { RELATIONS, supports, whyNot } from '../kinds/kind';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import { diffFields, type FieldChange, maxClass } from './diff-fields';
import { type Inbound, inboundKey, inboundReferences } from './references';
import { addDependencies, orderChanges } from './change-order';
import { joinByKey } from './key-join';
import { keepReferencedTargets } from './still-referenced';
import type { SafetyViolation } from '../errors';
import type { CallFlowChange } from './call-flows';
import type { DomainLiveState } from '../live/read-live-state';

export { diffFields, type FieldChange, maxClass, sameValue } from './diff-fields';

export type ChangeAction = 'create' | 'update' | 'delete' | 'recycle';

export interface Change {
  /** `<kind>:<key>` — unique within a domain. */
  readonly id: string;
  readonly action: ChangeAction;
  readonly domain: string;
  readonly kind: string;
  readonly key: string;
  readonly label: string;
  readonly class: ChangeClass;
  readonly fields: readonly FieldChange[];
  readonly before?: Comparable;
  readonly after?: Comparable;
  /** What the change does to calls, in words: what it reroutes (update, recycle) or strands (delete). */
  readonly impact: readonly string[];
  /**
   * Live conditions worth a second look before a destructive change (calls in progress). Volatile, so
   * not part of the plan checksum.
   */
  readonly warnings?: readonly string[];
  /** What points at this extension (delete/recycle): the blast radius. */
  readonly references: readonly PlanReference[];
  /** What a delete/recycle destroys. */
  readonly losses: readonly Loss[];
  /** Ids of changes that must be applied first. */
  readonly dependsOn: readonly string[];
  readonly lastModified?: string;
  /** file:line of the desired entry. */
  readonly source?: string;
}

export interface Unmanaged {
  readonly kind: string;
  readonly key: string;
  readonly label: string;
  readonly lastModified?: string;
  /** Why it is left alone although pruning is on: the kind cannot be deleted (its capabilities). */
  readonly reason?: string;
}

/** A difference the kind cannot act on (a capability it does not have), with the reason. */
export interface NotPlanned {
  readonly kind: string;
  readonly key: string;
  readonly action: 'create' | 'update';
  readonly reason: string;
}

/** A difference left alone because the field is user-owned (policy.user_owned). */
export interface UserOwnedDifference {
  readonly kind: string;
  readonly key: string;
  readonly path: string;
}

export interface DomainPlan {
  readonly domain: string;
  readonly changes: readonly Change[];
  /** Differences in user-owned settings: reported, never applied. */
  readonly userOwned?: readonly UserOwnedDifference[];
  readonly unmanaged: readonly Unmanaged[];
  /** Differences left alone because the kind cannot create or update (capabilities). */
  readonly notPlanned?: readonly NotPlanned[];
  readonly violations: readonly SafetyViolation[];
  /** Extensions this apply sends a welcome e-mail to (apply/welcome-plan.ts; issue 14 #2). */
  readonly welcomes?: readonly string[];
  /** Extensions whose earlier welcome e-mail send was cut off: maybe sent, not re-sent. */
  readonly welcomesUncertain?: readonly string[];
  /** Where calls go before and after, where that changes (call-flows.ts; pipeline.ts fills it). */
  readonly callFlows?: readonly CallFlowChange[];
}

/** Destructive-change losses read from the platform (voicemail, greetings, contacts) by extension. */
export type LossTable = ReadonlyMap<string, readonly Loss[]>;

export interface PlanInput {
  readonly desired: DomainDesiredState;
  readonly live: DomainLiveState;
  readonly losses?: LossTable;
  /** The kinds (default: the production registry). */
  readonly registry?: Registry;
}

/** Keys (extensions) whose change would destroy data: read their losses before computing the plan. */
export function destructiveCandidates(input: Omit<PlanInput, 'losses'>): string[] {
  return destructiveKeys(computePlan(input), input.registry);
}

/** The keys (extensions) of a plan's deletes and recycles of kinds that own an extension. */
export function destructiveKeys(plan: DomainPlan, registry: Registry = DEFAULT_REGISTRY): string[] {
  // Kinds that own an extension are user records on the platform: they have mailboxes, greetings, rules.
  return plan.changes
    .filter((c) => (c.action === 'delete' || c.action === 'recycle') && registry.get(c.kind)?.identity.ownsExtension)
    .map((c) => c.key);
}

/**
 * The plan `computePlan` gives with `losses`, from the plan it gave without them (so the plan is computed
 * once: losses only add to the `losses` of deletes and recycles, read ones first).
 */
export function withLosses(plan: DomainPlan, losses: LossTable, registry: Registry = DEFAULT_REGISTRY): DomainPlan {
  return {
    ...plan,
    changes: plan.changes.map((c) => {
      const read = losses.get(c.key);
      if (!read?.length || (c.action !== 'delete' && c.action !== 'recycle')) return c;
      if (c.action === 'recycle') {
        const kind = registry.get(c.kind);
        if (kind?.recycleLosses && c.before) {
          const after = { ...c.before, ...(c.after ?? {}) };
          return { ...c, losses: kind.recycleLosses(c.key, c.before, after, read) };
        }
      }
      return { ...c, losses: [...read, ...c.losses] };
    }),
  };
}

/** What every per-object planning step needs. */
interface PlanScope {
  readonly kind: AnyKind;
  readonly domain: string;
  readonly registry: Registry;
  readonly desired: DomainDesiredState;
  readonly losses?: LossTable;
  /** Who points at an object (`inboundKey`): built on first use, by deletes and recycles only. */
  readonly inbound: (kind: string, key: string) => readonly Inbound[];
  readonly out: {
    changes: Change[];
    unmanaged: Unmanaged[];
    userOwned: UserOwnedDifference[];
    notPlanned: NotPlanned[];
  };
}

export function computePlan({ desired, live, losses, registry = DEFAULT_REGISTRY }: PlanInput): DomainPlan {
  const domain = desired.domain;
  const out = {
    changes: [] as Change[],
    unmanaged: [] as Unmanaged[],
    userOwned: [] as UserOwnedDifference[],
    notPlanned: [] as NotPlanned[],
  };
  let byTarget: Map<string, Inbound[]> | undefined;
  const inbound = (kind: string, key: string): readonly Inbound[] => {
    if (!byTarget) byTarget = inboundReferences(desired, live, registry);
    return byTarget.get(inboundKey(kind, key, registry)) ?? [];
  };
  for (const kind of registry.kinds) {
    const scope: PlanScope = { kind, domain, registry, desired, losses, inbound, out };
    joinByKey(desired.objects.get(kind.name) ?? [], live.objects.get(kind.name) ?? [], planObject, scope);
  }
  keepReferencedTargets(out, desired, live, registry);
  return {
    domain,
    changes: orderChanges(addDependencies(out.changes, registry), registry),
    unmanaged: out.unmanaged,
    ...(out.userOwned.length ? { userOwned: out.userOwned } : {}),
    ...(out.notPlanned.length ? { notPlanned: out.notPlanned } : {}),
    violations: [],
  };
}

/** One object, by what each side has. One function for every kind and plan (see `joinByKey`). */
function planObject(_key: string, d: DesiredObject | undefined, l: LiveObject | undefined, scope: PlanScope): void {
  if (d && !l) planCreate(scope, d);
  else if (d && l) planUpdate(scope, d, l);
  else if (l) planDelete(scope, l);
}

function planCreate(scope: PlanScope, d: DesiredObject): void {
  const { kind } = scope;
  const reason = whyNot(kind, 'create');
  if (reason) {
    scope.out.notPlanned.push({ kind: kind.name, key: d.key, action: 'create', reason });
    return;
  }
  scope.out.changes.push({
    // Written out: a spread of shared fields costs ten times more per change (issue 15).
    domain: scope.domain,
    kind: kind.name,
    key: d.key,
    id: `${kind.name}:${d.key}`,
    dependsOn: [],
    action: 'create',
    label: kind.label(d.key, d.comparable),
    class: 'routing',
    fields: diffFields(kind.name, d.comparable, undefined, '', scope.registry),
    after: d.comparable,
    impact: [],
    references: [],
    losses: [],
    source: src(d),
  });
}

function planUpdate(scope: PlanScope, d: DesiredObject, l: LiveObject): void {
  const { kind } = scope;
  const key = d.key;
  const all = diffFields(kind.name, d.comparable, l.comparable, '', scope.registry);
  // No difference: nothing to plan, recycle or report (most objects of a large domain).
  if (all.length === 0) return;
  // User-owned settings (policy.user_owned) were set at creation; whatever their owner changed since
  // stays. A recycle (a new person) is a creation, so it keeps them in.
  const ownedPaths = scope.desired.policy.userOwned ?? [];
  const owned = (f: FieldChange) => ownedPaths.some((p) => f.path === p || f.path.startsWith(`${p}.`));
  const after = { ...l.comparable, ...d.comparable };
  const recycling = supports(kind, 'recycle') && kind.isRecycle?.(l.comparable, after) === true;
  const fields = recycling ? all : all.filter((f) => !owned(f));
  if (!recycling) for (const f of all) if (owned(f)) scope.out.userOwned.push({ kind: kind.name, key, path: f.path });
  if (fields.length === 0) return;
  const reason = whyNot(kind, 'update');
  if (reason) {
    scope.out.notPlanned.push({ kind: kind.name, key, action: 'update', reason });
    return;
  }
  const impact =
    kind.impact?.(
      key,
      l.comparable,
      after,
      fields.map((f) => f.path),
    ) ?? [];
  // Keys in the plan document's order (the JSON output lists them as built).
  if (recycling) {
    scope.out.changes.push({
      domain: scope.domain,
      kind: kind.name,
      key,
      id: `${kind.name}:${key}`,
      dependsOn: [],
      action: 'recycle',
      label: `${kind.label(key, l.comparable)} → ${kind.label(key, after)}`,
      class: 'data-destroying',
      fields,
      before: l.comparable,
      after: d.comparable,
      impact,
      ...warningsOf(kind, l, 'recycle'),
      references: scope.inbound(kind.name, key).map((r) => r.ref),
      losses: kind.recycleLosses
        ? kind.recycleLosses(key, l.comparable, after, scope.losses?.get(key) ?? [])
        : (scope.losses?.get(key) ?? []),
      lastModified: l.lastModified,
      source: src(d),
    });
    return;
  }
  scope.out.changes.push({
    domain: scope.domain,
    kind: kind.name,
    key,
    id: `${kind.name}:${key}`,
    dependsOn: [],
    action: 'update',
    label: kind.label(key, after),
    class: maxClass(fields.map((f) => f.class)),
    fields,
    before: l.comparable,
    after: d.comparable,
    impact,
    references: [],
    losses: [],
    lastModified: l.lastModified,
    source: src(d),
  });
}

/**
 * A kind without a platform key numbers the records that share one (`pizza #2`, shared contacts): such a
 * record is a duplicate already on the platform, and the plan says so (issue 13 #4).
 */
function duplicateReason(key: string): { reason?: string } {
  const m = / #(\d+)$/.exec(key);
  if (!m) return {};
  return { reason: `duplicate: ${m[1]} or more records on the platform share the name "${key.slice(0, m.index)}"` };
}

function planDelete(scope: PlanScope, l: LiveObject): void {
  const { kind } = scope;
  const key = l.key;
  const unmanaged = {
    kind: kind.name,
    key,
    label: kind.label(key, l.comparable),
    lastModified: l.lastModified,
    ...duplicateReason(key),
  };
  // Never pruned: pruning is off, or the kind cannot be pruned (one per domain).
  if (!scope.desired.policy.prune || !supports(kind, 'prune')) {
    scope.out.unmanaged.push(unmanaged);
    return;
  }
  const cannot = whyNot(kind, 'delete');
  if (cannot) {
    scope.out.unmanaged.push({ ...unmanaged, reason: `cannot be deleted: ${cannot}` });
    return;
  }
  const refs = scope.inbound(kind.name, key);
  const lost: Loss[] = [...(scope.losses?.get(key) ?? [])];
  const impact: string[] = [];
  for (const [relation, rule] of Object.entries(RELATIONS)) {
    const released = refs.filter((r) => r.relation === relation);
    if (!rule.releasedOnDelete || released.length === 0) continue;
    lost.push({ what: rule.releasedOnDelete.what, count: released.length, detail: released.map((r) => r.sourceKey) });
    impact.push(rule.releasedOnDelete.impact(released.length, key));
  }
  scope.out.changes.push({
    domain: scope.domain,
    kind: kind.name,
    key,
    id: `${kind.name}:${key}`,
    dependsOn: [],
    action: 'delete',
    label: kind.label(key, l.comparable),
    class: 'data-destroying',
    fields: [],
    before: l.comparable,
    impact,
    ...warningsOf(kind, l, 'delete'),
    references: refs.filter((r) => RELATIONS[r.relation].blocksDelete).map((r) => r.ref),
    losses: lost,
    lastModified: l.lastModified,
  });
}

function warningsOf(kind: AnyKind, live: LiveObject, action: 'delete' | 'recycle'): { warnings?: string[] } {
  const activity = kind.activity?.(live);
  return activity
    ? {
        warnings: [
          `${live.key} is ${activity}: the ${action} cuts ${activity.startsWith('on 1 ') ? 'it' : 'them'} off`,
        ],
      }
    : {};
}

function src(d: DesiredObject): string | undefined {
  return d.source ? `${d.source.file}:${d.source.line}` : undefined;
}
