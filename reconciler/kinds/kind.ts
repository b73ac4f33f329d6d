/**
 * What every kind provides (docs/design.md §3, §4). One registry (`registry.ts`, `DEFAULT_REGISTRY`) of these
 * drives the JSON Schema, the loader, diff, apply, export and the Terraform resources, so YAML and Terraform
 * can never disagree about a field. Adding a kind: docs/adding-a-kind.md.
 */
import type { SourcePosition } from '../errors';
import type { NetSapiensClient } from '../platform/client';
import { DEFAULT_PLATFORM_PROFILE, type PlatformProfile } from '../platform/profile';
import type { SecretResolver, SecretValue } from './secret';

export type ChangeClass = 'cosmetic' | 'routing' | 'data-destroying';
export const CHANGE_CLASSES: readonly ChangeClass[] = ['cosmetic', 'routing', 'data-destroying'];

// ---- Field specs: the one description of a kind's YAML/Terraform shape ----------------------------------

interface FieldBase {
  /** snake_case name, the same in YAML and Terraform. */
  readonly name: string;
  readonly description: string;
  /** Class of a change to this field (docs/design.md §4). */
  readonly class: ChangeClass;
  readonly required?: boolean;
  /** Personal data masked by `--redact-pii`. */
  readonly pii?: boolean;
  /** The platform cannot change it in place (Terraform `requires_replace`). */
  readonly forceNew?: boolean;
  /** Documented default when omitted (informational; omitted optional fields are not managed). */
  readonly default?: unknown;
  /**
   * Terraform: optional but not computed — leaving it out means its default, not "keep what is there"
   * (switches such as `phone.enabled`).
   */
  readonly defaultWhenOmitted?: boolean;
  /** Not part of the compared content (behaviour flags such as `welcome_email`). */
  readonly notCompared?: boolean;
  /** Extra JSON-Schema alternatives accepted in YAML (shorthands such as `phone: true`). */
  readonly yamlAlternatives?: readonly Record<string, unknown>[];
}

export type FieldSpec =
  | (FieldBase & {
      readonly type: 'string';
      readonly enum?: readonly string[];
      readonly pattern?: string;
      readonly format?: 'email' | 'phone' | 'extension' | 'mac';
      readonly maxLength?: number;
    })
  | (FieldBase & { readonly type: 'integer'; readonly minimum?: number; readonly maximum?: number })
  | (FieldBase & { readonly type: 'boolean' })
  | (FieldBase & {
      readonly type: 'list';
      readonly items: 'string' | 'phone' | 'extension';
      /** Order does not matter: compared and stored as a sorted set. */
      readonly set?: boolean;
    })
  | (FieldBase & {
      readonly type: 'object';
      readonly fields: readonly FieldSpec[];
      /** At most this many of the fields may be set ("exactly one of" choices). */
      readonly maxProperties?: number;
    })
  | (FieldBase & { readonly type: 'object-list'; readonly fields: readonly FieldSpec[] })
  /** YAML `{ env: NAME }`; Terraform: a sensitive string. Never printed. */
  | (FieldBase & { readonly type: 'secret' });

// ---- Comparable content ----------------------------------------------------------------------------------

export type ComparableValue =
  | string
  | number
  | boolean
  | null
  | SecretValue
  | readonly ComparableValue[]
  | { readonly [k: string]: ComparableValue };
export type Comparable = { readonly [field: string]: ComparableValue };

/** An object of this kind as the desired state says it should be. */
export interface DesiredObject<Spec = Record<string, unknown>> {
  readonly kind: string;
  readonly domain: string;
  readonly key: string;
  readonly spec: Spec;
  /** Normalised content; only the fields the file sets (omitted optional fields are not managed). */
  readonly comparable: Comparable;
  readonly source?: SourcePosition;
  /** Path of the entry in the file, e.g. `users[3]`, for messages. */
  readonly path?: string;
  /**
   * Where the entry names other objects (`Reference.field` → file:line), for the checks made once live
   * state is known (a target that exists nowhere is reported at the line that names it).
   */
  readonly positions?: Readonly<Record<string, SourcePosition>>;
}

/** An object of this kind as the platform has it. */
export interface LiveObject<Platform = unknown> {
  readonly kind: string;
  readonly domain: string;
  readonly key: string;
  /** Normalised content, every field the kind knows. */
  readonly comparable: Comparable;
  /** The platform records, carried for apply and export; never compared. */
  readonly platform: Platform;
  readonly lastModified?: string;
}

/**
 * How one object points at another. A CLOSED set: every rule the core applies to a reference (ordering,
 * existence checks, blast radius, what a delete releases) is declared per relation in `RELATIONS`.
 */
export type Relation = 'member' | 'fallback' | 'routes_to' | 'located_at' | 'emergency_address';

/** Target kind of a reference that may point at any extension (a user, a ring group, a system user). */
export const ANY_EXTENSION = 'extension';

export interface RelationRule {
  /** How the relation is written in plans ("referenced by: ring_group 2000 (member)"). */
  readonly words: string;
  /** The target must exist in the files or on the platform (checked before planning). */
  readonly mustExist: boolean;
  /** The referrer is applied after a create of the target, and before a delete of it. */
  readonly ordersApply: boolean;
  /** Listed as blast radius of a delete of the target (a recycle lists every inbound reference). */
  readonly blocksDelete: boolean;
  /**
   * The target is never deleted while something still points at it after the plan (an emergency address
   * in use): the planner leaves it in place and says who uses it.
   */
  readonly keepsTargetAlive?: boolean;
  /** A delete of the target releases the referrer (phone numbers go back to inventory): a loss. */
  readonly releasedOnDelete?: {
    readonly what: string;
    readonly impact: (count: number, target: string) => string;
  };
}

export const RELATIONS: Readonly<Record<Relation, RelationRule>> = {
  member: { words: 'member', mustExist: true, ordersApply: true, blocksDelete: true },
  fallback: { words: 'fallback', mustExist: true, ordersApply: true, blocksDelete: true },
  routes_to: {
    words: 'routes to',
    mustExist: false,
    ordersApply: false,
    blocksDelete: false,
    releasedOnDelete: {
      what: 'phone numbers routed here (returned to inventory)',
      impact: (n, target) =>
        `${n === 1 ? '1 phone number' : `${n} phone numbers`} routed to ${target} ${n === 1 ? 'stops' : 'stop'} reaching anyone`,
    },
  },
  /** A user (or ring group) placed at a site: the site must exist and is created first. */
  located_at: { words: 'site', mustExist: true, ordersApply: true, blocksDelete: true },
  /** A user, site or phone whose emergency calls report this address: created first, never deleted while used. */
  emergency_address: {
    words: 'emergency address',
    mustExist: true,
    ordersApply: true,
    blocksDelete: true,
    keepsTargetAlive: true,
  },
};

/** Something that points at an object: what a delete or recycle would break or reroute. */
export interface Reference {
  /** The referrer, named for plans: "ring_group 2000", "phone number 12125550100". */
  readonly from: string;
  /** The referrer's kind and key (a phone number is not a kind yet: `phone_number`). */
  readonly source: { readonly kind: string; readonly key: string };
  readonly relation: Relation;
  /** The target: a kind name, or `ANY_EXTENSION`, and its key. */
  readonly kind: string;
  readonly key: string;
  /**
   * Where the entry writes it, dotted from the entry (`emergency_address`, `phones[1].emergency_address`):
   * given when the references are read with the entry's spec (`Kind.references`), for messages at file:line.
   */
  readonly field?: string;
}

/** A reference as a plan lists it (the plan document's format: relation in words, target extension). */
export interface PlanReference {
  readonly from: string;
  readonly relation: string;
  readonly extension: string;
}

/** Data a destructive change would lose, counted from the platform. */
export interface Loss {
  readonly what: string; // "voicemail messages", "greetings", "personal contacts", "answer rules", "phone numbers"
  readonly count: number;
  readonly detail?: readonly string[];
}

/** A rule one entry breaks that the schema cannot express; `path` is relative to the entry (file:line). */
export interface EntryIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint?: string;
}

// ---- Contexts --------------------------------------------------------------------------------------------

/**
 * Memoised reads shared by the kinds of one domain (several kinds read the users list). Generic: the
 * shared reads themselves are declared where they are used (kinds/domain-reads.ts).
 */
export interface LiveCache {
  /** The first call with `name` runs `load`; every later call gets the same promise. */
  once<T>(name: string, load: () => Promise<T>): Promise<T>;
}

export interface ReadContext {
  readonly client: NetSapiensClient;
  readonly domain: string;
  readonly cache: LiveCache;
  /** Per-object reads in flight at once. */
  readonly concurrency: number;
  /** The desired objects of this kind by key: kinds may read per-object details only where needed. */
  readonly desired?: ReadonlyMap<string, DesiredObject>;
  /** Read every detail (export, drift of unmanaged objects). */
  readonly full?: boolean;
  /** The domain's platform profile (default: `DEFAULT_PLATFORM_PROFILE`). */
  readonly platform?: PlatformProfile;
  /**
   * Called with each object as soon as it is complete, so the caller can work on it while the rest is read
   * (the plan's digests, issue 15). A kind whose objects all arrive at once may leave it: `readLiveState`
   * hands every object over once its kind is read (each object once, whoever hands it over).
   */
  readonly made?: (object: LiveObject) => void;
}

export interface ApplyContext {
  readonly client: NetSapiensClient;
  readonly domain: string;
  /** Send the welcome e-mail after creating a user whose spec asks for it. */
  readonly sendWelcomeEmail: boolean;
  /**
   * Records, durably and BEFORE the user is created, that this user is owed a welcome e-mail (welcome
   * ledger, apply/welcome-ledger.ts); apply sends it after the domain's changes, exactly once. Without
   * it (library callers with no ledger) createUser sends the e-mail itself.
   */
  readonly requestWelcome?: (user: string) => void;
  /** The domain's platform profile (default: `DEFAULT_PLATFORM_PROFILE`). */
  readonly platform?: PlatformProfile;
}

/** The profile a context carries, or the defaults. */
export function profileOf(ctx: { readonly platform?: PlatformProfile }): PlatformProfile {
  return ctx.platform ?? DEFAULT_PLATFORM_PROFILE;
}

/** What apply hands a kind: the change plus the objects behind it (with secrets, in memory only). */
export interface ChangeTarget<Spec = Record<string, unknown>, Platform = unknown> {
  readonly key: string;
  readonly desired?: DesiredObject<Spec>;
  readonly live?: LiveObject<Platform>;
  /** Dotted paths of the fields that differ (update/recycle). */
  readonly changedFields: readonly string[];
}

// ---- Identity and capabilities --------------------------------------------------------------------------

export interface KindIdentity {
  /** The spec field that holds the key (`extension`, `name`); absent for one-per-domain kinds. */
  readonly keyField?: string;
  /** The key is personal data (a person's name): masked with `--redact-pii`. */
  readonly keyIsPii: boolean;
  /** The key is an extension this object owns (no other object may hold it). */
  readonly ownsExtension: boolean;
}

export type Capability = 'create' | 'update' | 'delete' | 'prune' | 'recycle';
export const CAPABILITIES: readonly Capability[] = ['create', 'update', 'delete', 'prune', 'recycle'];
export type CapabilityState = { readonly supported: true } | { readonly supported: false; readonly reason: string };
export type Capabilities = Readonly<Record<Capability, CapabilityState>>;

export const SUPPORTED: CapabilityState = { supported: true };
export function absent(reason: string): CapabilityState {
  return { supported: false, reason };
}
export function supports(kind: { readonly capabilities: Capabilities }, c: Capability): boolean {
  return kind.capabilities[c].supported;
}
/** Why a kind cannot do `c` (undefined when it can). */
export function whyNot(kind: { readonly capabilities: Capabilities }, c: Capability): string | undefined {
  const state = kind.capabilities[c];
  return state.supported ? undefined : state.reason;
}

/** How the Terraform provider exposes a kind. */
export interface KindTerraform {
  /** Resource type name; default `netsapiens_<name>`. */
  readonly typeName?: string;
  /** Also a data source, looked up by this field. */
  readonly dataSource?: { readonly keyField: string };
}

// ---- The kind --------------------------------------------------------------------------------------------

export interface Kind<Spec = Record<string, unknown>, Platform = unknown> {
  /** Singular snake_case name: `user`, `ring_group` (Terraform: `netsapiens_<name>`). */
  readonly name: string;
  /** Top-level key of the desired-state file. */
  readonly section: string;
  /** `list`: an array of entries with keys; `set`: one value per domain (block list). */
  readonly shape: 'list' | 'set';
  readonly title: string;
  readonly description: string;
  readonly fields: readonly FieldSpec[];
  /** Apply order: lower first for creates and updates, reversed for deletes (members before groups). */
  readonly order: number;
  readonly identity: KindIdentity;
  /** What the platform lets pbxctl do with objects of this kind; the planner never plans the rest. */
  readonly capabilities: Capabilities;
  readonly terraform?: KindTerraform;

  key(spec: Spec): string;
  /** One-line human label for a key + content, e.g. `1001 (Ada Lovelace)`. */
  label(key: string, content: Comparable | undefined): string;
  toComparable(spec: Spec, secrets: SecretResolver): Comparable;
  /**
   * What this object points at, and what points at it from outside the kinds (phone numbers). With the
   * desired entry's `spec`, a reference may say where the file writes it (`Reference.field`).
   */
  references(key: string, content: Comparable, spec?: Spec): Reference[];

  /**
   * What an update does to calls, in words ("spam calls to 1001 are rejected"): extensions and counts
   * only, never numbers or names. `before` is the live content, `after` the merged desired content.
   */
  impact?(key: string, before: Comparable, after: Comparable, changedFields: readonly string[]): string[];
  /** Live activity a destructive change would cut off ("on 2 calls right now"), from the platform record. */
  activity?(live: LiveObject<Platform>): string | undefined;
  /**
   * Rules of one entry the schema cannot express ("phone: or phones:, not both"; "no_input names a menu
   * digit"), checked by the loader at file:line and by Terraform validation.
   */
  checkEntry?(spec: Spec): readonly EntryIssue[];
  /** The class of a change at `path` where it depends on the values (default: the field's `class`). */
  changeClass?(
    path: string,
    before: ComparableValue | undefined,
    after: ComparableValue | undefined,
  ): ChangeClass | undefined;
  /**
   * What a recycle loses, from what a delete would lose (`read`, counted on the platform): a recycle that
   * keeps the record keeps some of it. Default: all of `read`.
   */
  recycleLosses?(key: string, before: Comparable, after: Comparable, read: readonly Loss[]): Loss[];
  /** Is an update of these fields a recycle (a different person at the same extension)? */
  isRecycle?(before: Comparable, after: Comparable): boolean;

  read(ctx: ReadContext): Promise<LiveObject<Platform>[]>;
  /** One object by key (Terraform reads), or undefined when the platform has none. */
  readOne(ctx: ReadContext, key: string): Promise<LiveObject<Platform> | undefined>;
  /** Live → YAML entry that plans to zero changes. */
  export(live: LiveObject<Platform>): Spec;

  create(ctx: ApplyContext, target: ChangeTarget<Spec, Platform>): Promise<void>;
  update(ctx: ApplyContext, target: ChangeTarget<Spec, Platform>): Promise<void>;
  delete(ctx: ApplyContext, target: ChangeTarget<Spec, Platform>): Promise<void>;
  /** Replace the person at an extension: wipe and re-create. Defaults to delete + create. */
  recycle?(ctx: ApplyContext, target: ChangeTarget<Spec, Platform>): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of different spec types
export type AnyKind = Kind<any, any>;

/** Finds a field spec by dotted path (`voicemail.pin`). */
export function fieldAt(fields: readonly FieldSpec[], path: string): FieldSpec | undefined {
  const [head, ...rest] = path.split('.');
  const f = fields.find((x) => x.name === head);
  if (!f || rest.length === 0) return f;
  if (f.type === 'object' || f.type === 'object-list') return fieldAt(f.fields, rest.join('.'));
  return f;
}
