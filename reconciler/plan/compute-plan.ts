/**
 * computePlan(desired, live) → DomainPlan. PURE and deterministic (design.md §6.2): no HTTP, clock, env or
 * randomness; changes are sorted, so the same inputs always print the same plan. A test fails if any
 * module under plan/ imports something that does I/O.
 */
import type { DomainDesiredState } from '../desired/load-desired-state';
import type {
  AnyKind,
  ChangeClass,
  Comparable,
  ComparableValue,
  DesiredObject,
  LiveObject,
  Loss,
  Reference,
} from '../kinds/kind';
import { fieldAt } from '../kinds/kind';
import { KINDS } from '../kinds/registry';
import { SecretValue } from '../kinds/secret';
import type { SafetyViolation } from '../errors';
import type { DomainLiveState } from '../live/read-live-state';
import { compareKeys } from '../util/compare-keys';

export type ChangeAction = 'create' | 'update' | 'delete' | 'recycle';

export interface FieldChange {
  /** Dotted path, e.g. `voicemail.pin`. */
  readonly path: string;
  readonly before?: ComparableValue;
  readonly after?: ComparableValue;
  readonly class: ChangeClass;
  readonly sensitive?: boolean;
  readonly pii?: boolean;
}

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
  readonly references: readonly Reference[];
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
  readonly violations: readonly SafetyViolation[];
}

/** Destructive-change losses read from the platform (voicemail, greetings, contacts) by extension. */
export type LossTable = ReadonlyMap<string, readonly Loss[]>;

const RANK: Record<ChangeClass, number> = { cosmetic: 0, routing: 1, 'data-destroying': 2 };
export function maxClass(classes: readonly ChangeClass[]): ChangeClass {
  return classes.reduce<ChangeClass>((a, b) => (RANK[b] > RANK[a] ? b : a), 'cosmetic');
}

/** Deep equality for comparable values; secrets compare by value without being revealed. */
export function sameValue(a: ComparableValue | undefined, b: ComparableValue | undefined): boolean {
  if (a instanceof SecretValue || b instanceof SecretValue) return a instanceof SecretValue && a.equals(b);
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && sameValue((a as Comparable)[k], (b as Comparable)[k]))
    );
  }
  return false;
}

/**
 * Field differences between desired and live, projected onto what the desired content sets: omitted
 * optional fields are not managed. Nested objects recurse over the desired keys; `{}` means "exists".
 */
export function diffFields(
  kindName: string,
  desired: Comparable,
  live: Comparable | undefined,
  prefix = '',
): FieldChange[] {
  const kind = KINDS.find((k) => k.name === kindName);
  const out: FieldChange[] = [];
  for (const name of Object.keys(desired).sort()) {
    const path = prefix ? `${prefix}.${name}` : name;
    const spec = kind ? fieldAt(kind.fields, path) : undefined;
    if (spec?.notCompared) continue;
    const after = desired[name];
    const before = live?.[name];
    const isObj = (v: unknown): v is Comparable =>
      !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof SecretValue);
    if (isObj(after) && isObj(before)) {
      out.push(...diffFields(kindName, after, before, path));
      continue;
    }
    if (isObj(after) && Object.keys(after).length === 0 && isObj(before)) continue;
    if (sameValue(after, before)) continue;
    out.push({
      path,
      before,
      after,
      class: spec?.class ?? 'routing',
      ...(after instanceof SecretValue || before instanceof SecretValue || spec?.type === 'secret'
        ? { sensitive: true }
        : {}),
      ...(spec?.pii ? { pii: true } : {}),
    });
  }
  return out;
}

export interface PlanInput {
  readonly desired: DomainDesiredState;
  readonly live: DomainLiveState;
  readonly losses?: LossTable;
}

/** Keys (extensions) whose change would destroy data: read their losses before computing the plan. */
export function destructiveCandidates(input: Omit<PlanInput, 'losses'>): string[] {
  // Users and ring groups are user records on the platform: both have mailboxes, greetings and rules.
  const extensionKinds = new Set(KINDS.filter((k) => k.fields.some((f) => f.name === 'extension')).map((k) => k.name));
  return computePlan(input)
    .changes.filter((c) => (c.action === 'delete' || c.action === 'recycle') && extensionKinds.has(c.kind))
    .map((c) => c.key);
}

export function computePlan({ desired, live, losses }: PlanInput): DomainPlan {
  const domain = desired.domain;
  const changes: Change[] = [];
  const unmanaged: Unmanaged[] = [];
  const userOwned: UserOwnedDifference[] = [];
  const ownedPaths = desired.policy.userOwned ?? [];
  const inbound = inboundReferences(desired, live);

  for (const kind of KINDS) {
    const want = new Map((desired.objects.get(kind.name) ?? []).map((d) => [d.key, d] as const));
    const have = new Map((live.objects.get(kind.name) ?? []).map((l) => [l.key, l] as const));
    const keys = [...new Set([...want.keys(), ...have.keys()])].sort(compareKeys);
    for (const key of keys) {
      const d = want.get(key);
      const l = have.get(key);
      const base = { domain, kind: kind.name, key, id: `${kind.name}:${key}`, dependsOn: [] as string[] };
      if (d && !l) {
        changes.push({
          ...base,
          action: 'create',
          label: kind.label(key, d.comparable),
          class: 'routing',
          fields: diffFields(kind.name, d.comparable, undefined),
          after: d.comparable,
          impact: [],
          references: [],
          losses: [],
          source: src(d),
        });
      } else if (d && l) {
        const all = diffFields(kind.name, d.comparable, l.comparable);
        // User-owned settings (policy.user_owned) were set at creation; whatever their owner changed since
        // stays. A recycle (a new person) is a creation, so it keeps them in.
        const owned = (f: FieldChange) => ownedPaths.some((p) => f.path === p || f.path.startsWith(`${p}.`));
        const recycling = kind.isRecycle?.(l.comparable, { ...l.comparable, ...d.comparable }) === true;
        const fields = recycling ? all : all.filter((f) => !owned(f));
        if (!recycling) for (const f of all) if (owned(f)) userOwned.push({ kind: kind.name, key, path: f.path });
        if (fields.length === 0) continue;
        const after = { ...l.comparable, ...d.comparable };
        const impact =
          kind.impact?.(
            key,
            l.comparable,
            after,
            fields.map((f) => f.path),
          ) ?? [];
        if (kind.isRecycle?.(l.comparable, after)) {
          changes.push({
            ...base,
            action: 'recycle',
            label: `${kind.label(key, l.comparable)} → ${kind.label(key, after)}`,
            class: 'data-destroying',
            fields,
            before: l.comparable,
            after: d.comparable,
            impact,
            ...warningsOf(kind, l, 'recycle'),
            references: inbound.get(key) ?? [],
            losses: losses?.get(key) ?? [],
            lastModified: l.lastModified,
            source: src(d),
          });
        } else {
          changes.push({
            ...base,
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
      } else if (l) {
        if (!desired.policy.prune || kind.shape === 'set') {
          unmanaged.push({ kind: kind.name, key, label: kind.label(key, l.comparable), lastModified: l.lastModified });
          continue;
        }
        const refs = inbound.get(key) ?? [];
        const numberLoss = refs.filter((r) => r.relation === 'routes to');
        const lost: Loss[] = [...(losses?.get(key) ?? [])];
        if (numberLoss.length)
          lost.push({
            what: 'phone numbers routed here (returned to inventory)',
            count: numberLoss.length,
            detail: numberLoss.map((r) => r.from.replace(/^phone number /, '')),
          });
        changes.push({
          ...base,
          action: 'delete',
          label: kind.label(key, l.comparable),
          class: 'data-destroying',
          fields: [],
          before: l.comparable,
          impact: numberLoss.length
            ? [
                `${numberLoss.length === 1 ? '1 phone number' : `${numberLoss.length} phone numbers`} routed to ${key} ${numberLoss.length === 1 ? 'stops' : 'stop'} reaching anyone`,
              ]
            : [],
          ...warningsOf(kind, l, 'delete'),
          references: refs.filter((r) => r.relation !== 'routes to'),
          losses: lost,
          lastModified: l.lastModified,
        });
      }
    }
  }
  return {
    domain,
    changes: orderChanges(addDependencies(changes, desired)),
    unmanaged,
    ...(userOwned.length ? { userOwned } : {}),
    violations: [],
  };
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

/** Who points at each extension, on the platform now and in the desired state. */
function inboundReferences(desired: DomainDesiredState, live: DomainLiveState): Map<string, Reference[]> {
  const out = new Map<string, Reference[]>();
  const add = (r: Reference) => {
    const list = out.get(r.extension) ?? [];
    if (!list.some((x) => x.from === r.from && x.relation === r.relation)) list.push(r);
    out.set(r.extension, list);
  };
  for (const kind of KINDS) {
    for (const l of live.objects.get(kind.name) ?? []) kind.references(l.key, l.comparable).forEach(add);
    for (const d of desired.objects.get(kind.name) ?? []) kind.references(d.key, d.comparable).forEach(add);
  }
  for (const list of out.values())
    list.sort((a, b) => a.from.localeCompare(b.from) || a.relation.localeCompare(b.relation));
  return out;
}

/** Creates after what they reference; deletes of referenced objects after what referenced them. */
function addDependencies(changes: Change[], desired: DomainDesiredState): Change[] {
  const byKey = new Map<string, Change[]>();
  for (const c of changes) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  return changes.map((c) => {
    const deps = new Set<string>();
    const kind = KINDS.find((k) => k.name === c.kind);
    if (kind && c.after && (c.action === 'create' || c.action === 'update' || c.action === 'recycle')) {
      for (const ref of kind.references(c.key, c.after)) {
        if (ref.relation === 'routes to') continue;
        for (const other of byKey.get(ref.extension) ?? [])
          if (other.id !== c.id && (other.action === 'create' || other.action === 'recycle')) deps.add(other.id);
      }
    }
    if (c.action === 'delete') {
      // Whatever stops pointing at the deleted object goes first.
      for (const other of changes) {
        if (other.id === c.id || !other.before) continue;
        const k = KINDS.find((x) => x.name === other.kind);
        if (k?.references(other.key, other.before).some((r) => r.extension === c.key && r.relation !== 'routes to'))
          deps.add(other.id);
      }
    }
    void desired;
    return deps.size ? { ...c, dependsOn: [...deps].sort() } : c;
  });
}

function orderOf(c: Change): number {
  const kind = KINDS.find((k) => k.name === c.kind);
  const order = kind?.order ?? 50;
  return c.action === 'delete' ? 1000 - order : order;
}

/** Deterministic order: creates/updates by kind order, deletes reversed, keys numerically. */
function orderChanges(changes: Change[]): Change[] {
  return [...changes].sort((a, b) => {
    const da = a.action === 'delete' ? 1 : 0;
    const db = b.action === 'delete' ? 1 : 0;
    return da - db || orderOf(a) - orderOf(b) || compareKeys(a.key, b.key);
  });
}
