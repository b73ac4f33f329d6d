/**
 * The `ring_group` kind: the portal's "Ring Group". API v2 has no ring-group resource (docs/reference/netsapiens-api.md
 * §8), so a group is a system user (codec: `RING_GROUP_SERVICE_CODE`) whose default (`*`) answer rule
 * sim-rings the members and forwards to the fallback on no answer. Spam, allow and block live in the same
 * rule, exactly as for a user. How these pieces are encoded is decided in `platform/codec.ts`.
 */
import { activeCalls } from '../impact';
import { ringGroupImpact } from './impact';
import { answerRules, domainPhoneNumbers, domainUsers } from '../shared-reads';
import { numbersByDestination, routedNumberReferences } from '../phone-number-refs';
import {
  decodeFallback,
  decodeMember,
  decodeSpam,
  encodeFallback,
  encodeMember,
  encodeSpam,
  type FallbackType,
  fromYesNo,
  isRingGroupUser,
  RING_GROUP_LAST_NAME,
  RING_GROUP_SCOPE,
  RING_GROUP_SERVICE_CODE,
  DID_UNASSIGNED,
  defaultRuleLanded,
  type SpamAction,
  yesNo,
  withEmailSpellings,
  writeDefaultAnswerRule,
} from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { mapBounded } from '../../util/map-bounded';
import {
  absent,
  ANY_EXTENSION,
  type ApplyContext,
  type ChangeTarget,
  type Comparable,
  type ComparableValue,
  type Kind,
  type LiveObject,
  type ReadContext,
  type Reference,
  SUPPORTED,
} from '../kind';
import { normalizeNumberSet, str } from '../normalize';
import { FALLBACK_TARGETS, RING_GROUP_FIELDS } from './fields';

export interface RingGroupMemberSpec {
  extension: string;
  ring_seconds?: number;
}

export interface RingGroupFallbackSpec {
  user?: string;
  voicemail?: string;
  group_voicemail?: boolean;
  auto_attendant?: string;
  call_queue?: string;
}

export interface RingGroupSpec {
  extension: string;
  name: string;
  department?: string;
  site?: string;
  /** Shorthand entries (`"1002"`, `1002`) and `{ extension, ring_seconds }` may be mixed. */
  members?: Array<string | number | RingGroupMemberSpec>;
  ring_timeout?: number;
  fallback?: RingGroupFallbackSpec;
  spam?: SpamAction;
  allow?: string[];
  block?: string[];
}

export interface RingGroupPlatform {
  readonly user: PlatformRecord;
  /** The default (`*`) answer rule; absent when the group has none yet. */
  readonly answerRule?: PlatformRecord;
  /** Phone numbers routed to the group's extension. */
  readonly phoneNumbers: readonly string[];
}

/** Comparable member: `ring_seconds` only when the member rings for less than the group. */
type MemberContent = { extension: string; ring_seconds?: number };
/** Comparable fallback: one target, or null for none. */
type FallbackContent = { type: FallbackType; extension: string } | null;

/** Group-record fields: YAML name → platform field. */
const RECORD_FIELDS: ReadonlyArray<readonly [keyof RingGroupSpec, string, 'text' | 'int']> = [
  ['name', 'name-first-name', 'text'],
  ['department', 'department', 'text'],
  ['site', 'site', 'text'],
  ['ring_timeout', 'ring-no-answer-timeout-seconds', 'int'],
];
/** Fields stored in the `*` answer rule. */
const RULE_FIELDS = new Set(['members', 'fallback', 'spam', 'allow', 'block']);

export function normalizeMembers(members: RingGroupSpec['members']): MemberContent[] {
  return (members ?? []).map((m) => {
    if (typeof m === 'string' || typeof m === 'number') return { extension: String(m).trim() };
    const out: MemberContent = { extension: String(m.extension).trim() };
    if (m.ring_seconds !== undefined) out.ring_seconds = Number(m.ring_seconds);
    return out;
  });
}

/**
 * The one fallback a spec names. The schema cannot say "exactly one" (the field DSL has no
 * min/maxProperties), so when several are given the first in `FALLBACK_TARGETS` order wins.
 * `{}` (or `group_voicemail: false` alone) means "no fallback".
 */
export function fallbackOf(spec: RingGroupFallbackSpec, groupExtension: string): FallbackContent {
  for (const type of FALLBACK_TARGETS) {
    const v = spec[type];
    if (v === undefined || v === false) continue;
    const extension = String(v).trim();
    // `voicemail: <own extension>` is the group mailbox: the platform cannot tell the two apart.
    if (type === 'group_voicemail' || (type === 'voicemail' && extension === groupExtension)) {
      return { type: 'group_voicemail', extension: groupExtension };
    }
    return { type, extension };
  }
  return null;
}

function toComparable(spec: RingGroupSpec): Comparable {
  const out: Record<string, ComparableValue> = {};
  const key = String(spec.extension);
  for (const [name, , kind] of RECORD_FIELDS) {
    const v = spec[name];
    if (v !== undefined) out[name] = kind === 'int' ? Number(v) : str(v).trim();
  }
  if (spec.members !== undefined) out.members = normalizeMembers(spec.members);
  if (spec.fallback !== undefined) out.fallback = fallbackOf(spec.fallback, key);
  if (spec.spam !== undefined) out.spam = spec.spam;
  if (spec.allow !== undefined) out.allow = normalizeNumberSet(spec.allow);
  if (spec.block !== undefined) out.block = normalizeNumberSet(spec.block);
  return out;
}

function feature(block: unknown): { enabled: boolean; parameters: string[] } {
  const b = block as { enabled?: unknown; parameters?: unknown } | undefined;
  const enabled = fromYesNo(b?.enabled) === true;
  return { enabled, parameters: enabled && Array.isArray(b?.parameters) ? b.parameters.map(String) : [] };
}

export function liveComparable(key: string, p: RingGroupPlatform): Comparable {
  const u = p.user;
  const out: Record<string, ComparableValue> = {};
  for (const [name, field, kind] of RECORD_FIELDS) {
    const raw = u[field];
    if (raw === undefined || raw === null) continue;
    if (kind === 'int') {
      if (Number.isFinite(Number(raw)) && str(raw) !== '') out[name] = Number(raw);
    } else out[name] = str(raw).trim();
  }
  const rule = p.answerRule;
  // No default rule = nobody rung, no fallback, ring-as-normal, empty lists.
  out.members = feature(rule?.['simultaneous-ring']).parameters.map((param) => {
    const m = decodeMember(param);
    const member: Record<string, ComparableValue> = { extension: m.extension };
    if (m.ringSeconds !== undefined) member.ring_seconds = m.ringSeconds;
    return member;
  });
  const forward = feature(rule?.['forward-no-answer']).parameters[0];
  let fallback: FallbackContent = forward === undefined ? null : (decodeFallback(forward, key) ?? null);
  // Forwarding to the group's own mailbox while it is switched off reaches nobody: that is no fallback.
  if (fallback?.type === 'group_voicemail' && fromYesNo(u['voicemail-enabled']) === false) fallback = null;
  out.fallback = fallback ? { type: fallback.type, extension: fallback.extension } : null;
  out.spam = decodeSpam(rule?.['forward-on-spam-call']);
  out.allow = normalizeNumberSet(feature(rule?.['phone-numbers-to-allow']).parameters);
  out.block = normalizeNumberSet(feature(rule?.['phone-numbers-to-reject']).parameters);
  // Not a YAML field (never compared): deleting the group strands these numbers, so plans list them.
  out.phone_numbers = [...p.phoneNumbers].sort();
  return out;
}

function references(key: string, content: Comparable): Reference[] {
  const from = `ring_group ${key}`;
  const source = { kind: 'ring_group', key };
  const out: Reference[] = [];
  if (Array.isArray(content.members)) {
    for (const m of content.members as readonly MemberContent[])
      out.push({ from, source, relation: 'member', kind: ANY_EXTENSION, key: m.extension });
  }
  const fb = content.fallback as FallbackContent | undefined;
  // The group's own mailbox is not a reference to anything else.
  if (fb && fb.type !== 'group_voicemail' && fb.extension !== key)
    out.push({ from, source, relation: 'fallback', kind: ANY_EXTENSION, key: fb.extension });
  out.push(...routedNumberReferences(key, content));
  return out;
}

/** The live objects of these ring-group user records (their answer rules are read one by one). */
async function readGroups(
  ctx: ReadContext,
  groups: readonly PlatformRecord[],
): Promise<LiveObject<RingGroupPlatform>[]> {
  const numbersOf = numbersByDestination(await domainPhoneNumbers(ctx));
  // Members and fallback live in the answer rule, so every group's rules are read (no domain-wide endpoint).
  return mapBounded(groups, ctx.concurrency, async (u) => {
    const key = str(u.user);
    const rules = await answerRules(ctx, key);
    const platform: RingGroupPlatform = {
      user: u,
      answerRule: rules.find((r) => str(r['time-frame']) === '*'),
      phoneNumbers: numbersOf.get(key) ?? [],
    };
    const live: LiveObject<RingGroupPlatform> = {
      kind: 'ring_group',
      domain: ctx.domain,
      key,
      comparable: liveComparable(key, platform),
      platform,
      lastModified: str(u['last-modified-datetime']) || undefined,
    };
    return live;
  });
}

/**
 * The group mailbox is on exactly when something sends calls to it (group voicemail fallback, or spam
 * "send to voicemail"); a mailbox nobody is sent to would only collect messages nobody reads.
 */
function needsMailbox(content: Comparable): boolean {
  const fb = content.fallback as FallbackContent | undefined;
  return fb?.type === 'group_voicemail' || content.spam === 'voicemail';
}

function recordBody(spec: RingGroupSpec, only?: ReadonlySet<string>): PlatformRecord {
  const body: PlatformRecord = {};
  for (const [name, field, kind] of RECORD_FIELDS) {
    const v = spec[name];
    if (v === undefined || (only && !only.has(name))) continue;
    body[field] = kind === 'int' ? Number(v) : str(v).trim();
  }
  return body;
}

function ruleBody(
  spec: RingGroupSpec,
  only: ReadonlySet<string> | undefined,
  existing: PlatformRecord | undefined,
): PlatformRecord {
  const key = String(spec.extension);
  const want = (f: keyof RingGroupSpec) => spec[f] !== undefined && (!only || only.has(f));
  const body: PlatformRecord = {};
  if (want('members')) {
    const params = normalizeMembers(spec.members).map((m) =>
      encodeMember({ extension: m.extension, ringSeconds: m.ring_seconds }),
    );
    body['simultaneous-ring'] = { enabled: yesNo(params.length > 0), parameters: params };
  }
  if (want('fallback')) {
    const fb = fallbackOf(spec.fallback ?? {}, key);
    body['forward-no-answer'] = fb
      ? { enabled: 'yes', parameters: [encodeFallback(fb)] }
      : { enabled: 'no', parameters: [] };
  }
  if (want('spam')) body['forward-on-spam-call'] = encodeSpam(spec.spam as SpamAction, key);
  if (want('allow')) {
    const list = normalizeNumberSet(spec.allow ?? []);
    body['phone-numbers-to-allow'] = { enabled: yesNo(list.length > 0), parameters: list };
  }
  if (want('block')) {
    const list = normalizeNumberSet(spec.block ?? []);
    // `remove: "no"` = the list replaces what is there (docs/reference/netsapiens-api.md §6).
    body['phone-numbers-to-reject'] = { enabled: yesNo(list.length > 0), remove: 'no', parameters: list };
  }
  if (!existing) Object.assign(body, { 'time-frame': '*', enabled: 'yes', 'is-active': true });
  return body;
}

async function createRingGroup(
  ctx: ApplyContext,
  target: ChangeTarget<RingGroupSpec, RingGroupPlatform>,
): Promise<void> {
  const desired = target.desired!;
  const spec = desired.spec;
  const key = String(spec.extension);
  await ctx.client.createUser(
    ctx.domain,
    withEmailSpellings({
      user: key,
      'name-first-name': spec.name,
      'name-last-name': RING_GROUP_LAST_NAME,
      'service-code': RING_GROUP_SERVICE_CODE,
      'user-scope': RING_GROUP_SCOPE,
      // Required on create by the spec; a ring group has no mailbox address of its own.
      'email-address': '',
      ...recordBody(spec),
      'voicemail-enabled': yesNo(needsMailbox(desired.comparable)),
    }),
  );
  // Always write the default rule, even for an empty group: it is where the group's routing lives.
  // User create already wrote a `*` rule on v2, so this reads first and PUTs it when it exists.
  await writeDefaultAnswerRule(ctx.client, ctx.domain, key, ruleBody(spec, undefined, undefined));
}

async function updateRingGroup(
  ctx: ApplyContext,
  target: ChangeTarget<RingGroupSpec, RingGroupPlatform>,
): Promise<void> {
  const desired = target.desired!;
  const live = target.live!;
  const spec = desired.spec;
  const key = String(spec.extension);
  const top = new Set(target.changedFields.map((f) => f.split('.')[0] as string));
  const record = recordBody(spec, top);
  if (top.has('fallback') || top.has('spam')) {
    record['voicemail-enabled'] = yesNo(needsMailbox({ ...live.comparable, ...desired.comparable }));
  }
  if (Object.keys(record).length > 0) await ctx.client.updateUser(ctx.domain, key, record);
  if ([...top].some((f) => RULE_FIELDS.has(f))) {
    const existing = live.platform.answerRule;
    const body = ruleBody(spec, top, existing);
    if (existing) await ctx.client.updateAnswerRule(ctx.domain, key, '*', body);
    else {
      const landed = defaultRuleLanded(ctx.client, ctx.domain, key);
      await ctx.client.createAnswerRule(ctx.domain, key, ruleBody(spec, undefined, undefined), { landed });
    }
  }
}

async function deleteRingGroup(
  ctx: ApplyContext,
  target: ChangeTarget<RingGroupSpec, RingGroupPlatform>,
): Promise<void> {
  const live = target.live!;
  // As for users: the platform leaves numbers routed to a deleted user dangling (docs/reference/netsapiens-api.md §4).
  for (const number of live.platform.phoneNumbers) {
    await ctx.client.updatePhoneNumber(ctx.domain, number, { ...DID_UNASSIGNED });
  }
  await ctx.client.deleteUser(ctx.domain, live.key);
}

export const ringGroupKind: Kind<RingGroupSpec, RingGroupPlatform> = {
  name: 'ring_group',
  section: 'ring_groups',
  shape: 'list',
  title: 'Ring group',
  description: 'Extensions rung together, with a ring timeout, a fallback, and spam/allow/block answering.',
  fields: RING_GROUP_FIELDS,
  // After users: members exist before the group that rings them, and are deleted after it.
  order: 20,
  identity: { keyField: 'extension', keyIsPii: false, ownsExtension: true },
  capabilities: {
    create: SUPPORTED,
    update: SUPPORTED,
    delete: SUPPORTED,
    prune: SUPPORTED,
    recycle: absent('a ring group holds no person: a new name is an update'),
  },
  key: (spec) => String(spec.extension),
  activity: (live) => activeCalls(live.platform?.user ?? {}),
  impact: ringGroupImpact,
  label(key, content) {
    return typeof content?.name === 'string' && content.name !== '' ? `${key} (${content.name})` : key;
  },
  toComparable: (spec) => toComparable(spec),
  references,

  async read(ctx) {
    return readGroups(
      ctx,
      (await domainUsers(ctx)).filter((u) => isRingGroupUser(u)),
    );
  },

  async readOne(ctx, key) {
    const u = await ctx.client.getUser(ctx.domain, key);
    if (!u || !isRingGroupUser(u)) return undefined;
    return (await readGroups(ctx, [u]))[0];
  },

  export(live) {
    const c = live.comparable;
    const spec: RingGroupSpec = { extension: live.key, name: str(c.name) };
    if (typeof c.department === 'string' && c.department !== '') spec.department = c.department;
    if (typeof c.site === 'string' && c.site !== '') spec.site = c.site;
    if (Array.isArray(c.members)) {
      spec.members = (c.members as readonly MemberContent[]).map((m) =>
        m.ring_seconds === undefined ? m.extension : { extension: m.extension, ring_seconds: m.ring_seconds },
      );
    }
    if (typeof c.ring_timeout === 'number') spec.ring_timeout = c.ring_timeout;
    const fb = c.fallback as FallbackContent | undefined;
    if (fb) spec.fallback = fb.type === 'group_voicemail' ? { group_voicemail: true } : { [fb.type]: fb.extension };
    if (typeof c.spam === 'string' && c.spam !== 'ring') spec.spam = c.spam as SpamAction;
    if (Array.isArray(c.allow) && c.allow.length > 0) spec.allow = [...(c.allow as string[])];
    if (Array.isArray(c.block) && c.block.length > 0) spec.block = [...(c.block as string[])];
    return spec;
  },

  create: createRingGroup,
  update: updateRingGroup,
  delete: deleteRingGroup,
};
