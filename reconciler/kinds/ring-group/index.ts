/**
 * The `ring_group` kind: the portal's "Ring Group". API v2 has no ring-group resource (docs/reference/netsapiens-api.md
 * §8), so a group is a system user (codec: `RING_GROUP_SERVICE_CODE`) whose default (`*`) answer rule
 * sim-rings the members and forwards to the fallback on no answer. Spam, allow and block live in the same
 * rule, exactly as for a user. How these pieces are encoded is decided in `platform/codec.ts`.
 */
import { isKnownSpam, mayBeRingGroup, targetTypeOf } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { mapBounded } from '../../util/map-bounded';
import { activeCalls } from '../impact';
import {
  absent,
  ANY_EXTENSION,
  type Comparable,
  type Kind,
  type LiveObject,
  profileOf,
  type ReadContext,
  type Reference,
  SUPPORTED,
} from '../kind';
import { str } from '../normalize';
import { domainNumbersByDestination, routedNumberReferences } from '../phone-number-refs';
import { answerRules, domainUsers } from '../domain-reads';
import { ruleSpec, rulesOf } from '../user/answering-rules';
import { answeringRulesOf } from '../user/read';
import { createRingGroup, deleteRingGroup, updateRingGroup } from './apply';
import { RING_GROUP_FIELDS } from './fields';
import { ringGroupImpact } from './impact';
import {
  type FallbackContent,
  feature,
  liveComparable,
  type MemberContent,
  type RingGroupPlatform,
  type RingGroupSpec,
  type TypeOfExtension,
  toComparable,
} from './spec';

export {
  fallbackOf,
  liveComparable,
  normalizeMembers,
  type RingGroupFallbackSpec,
  type RingGroupMemberSpec,
  type RingGroupPlatform,
  type RingGroupSpec,
} from './spec';

/** With the entry's `spec`, each reference names its field (`members[2]`, `fallback.user`). */
function references(key: string, content: Comparable, spec?: RingGroupSpec): Reference[] {
  const from = `ring_group ${key}`;
  const source = { kind: 'ring_group', key };
  const out: Reference[] = [];
  const at = (field: string) => (spec ? { field } : {});
  // The comparable's members are the spec's, one for one and in order.
  if (Array.isArray(content.members))
    (content.members as readonly MemberContent[]).forEach((m, i) => {
      out.push({ from, source, relation: 'member', kind: ANY_EXTENSION, key: m.extension, ...at(`members[${i}]`) });
    });
  const fb = content.fallback as FallbackContent | undefined;
  // The group's own mailbox is not a reference to anything else; `type` is the word the file wrote.
  if (fb && fb.type !== 'group_voicemail' && fb.extension !== key)
    out.push({
      from,
      source,
      relation: 'fallback',
      kind: ANY_EXTENSION,
      key: fb.extension,
      ...at(`fallback.${fb.type}`),
    });
  out.push(...routedNumberReferences(key, content));
  return out;
}

/** The live objects of these ring-group user records (their answer rules are read one by one). */
async function readGroups(
  ctx: ReadContext,
  groups: readonly PlatformRecord[],
): Promise<LiveObject<RingGroupPlatform>[]> {
  const numbersOf = await domainNumbersByDestination(ctx);
  const typeOf = await extensionTypes(ctx);
  // Members and fallback live in the answer rule, so every group's rules are read (no domain-wide endpoint).
  const code = profileOf(ctx).ringGroupServiceCode;
  const read = await mapBounded(groups, ctx.concurrency, async (u) => {
    const key = str(u.user);
    const rules = await answerRules(ctx, key);
    const answerRule = rules.find((r) => str(r['time-frame']) === '*');
    // A system user with another code is a ring group only when its default rule sim-rings someone.
    if (u['service-code'] !== code && !simRings(answerRule)) return undefined;
    const platform: RingGroupPlatform = {
      user: u,
      answerRule,
      phoneNumbers: numbersOf.get(key) ?? [],
      answerRules: rules,
    };
    const comparable = liveComparable(key, platform, profileOf(ctx), typeOf);
    const answering = await answeringRulesOf(ctx, key, rules, feature(answerRule?.['simultaneous-ring']).parameters);
    const live: LiveObject<RingGroupPlatform> = {
      kind: 'ring_group',
      domain: ctx.domain,
      key,
      comparable: answering === undefined ? comparable : { ...comparable, answering_rules: answering },
      platform,
      lastModified: str(u['last-modified-datetime']) || undefined,
    };
    return live;
  });
  return read.filter((g): g is LiveObject<RingGroupPlatform> => g !== undefined);
}

function simRings(rule: PlatformRecord | undefined): boolean {
  return feature(rule?.['simultaneous-ring']).parameters.length > 0;
}

/** Extension → what it is (user, queue, attendant), from the domain's user records. */
async function extensionTypes(ctx: ReadContext): Promise<TypeOfExtension> {
  // The index is built once per read (the read's `LiveCache`), not once per ring group read (issue 15).
  const byExt = await ctx.cache.once('users:by-extension', async () => {
    const index = new Map<string, PlatformRecord>();
    // The last record of an extension wins, as the Map built from the list did.
    for (const u of await domainUsers(ctx)) index.set(str(u.user), u);
    return index;
  });
  return (ext) => targetTypeOf(byExt.get(ext));
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
    const code = profileOf(ctx).ringGroupServiceCode;
    return readGroups(
      ctx,
      (await domainUsers(ctx)).filter((u) => mayBeRingGroup(u, code)),
    );
  },

  async readOne(ctx, key) {
    const u = await ctx.client.getUser(ctx.domain, key);
    if (!u || !mayBeRingGroup(u, profileOf(ctx).ringGroupServiceCode)) return undefined;
    return (await readGroups(ctx, [u]))[0];
  },

  export(live) {
    const c = live.comparable;
    const spec: RingGroupSpec = { extension: live.key, name: str(c.name) };
    if (typeof c.department === 'string' && c.department !== '') spec.department = c.department;
    if (typeof c.site === 'string' && c.site !== '') spec.site = c.site;
    if (Array.isArray(c.members)) {
      spec.members = (c.members as readonly MemberContent[]).map((m) =>
        m.delay_seconds === undefined ? m.extension : { extension: m.extension, delay_seconds: m.delay_seconds },
      );
    }
    if (typeof c.ring_timeout === 'number') spec.ring_timeout = c.ring_timeout;
    const fb = c.fallback as FallbackContent | undefined;
    if (fb) spec.fallback = fb.type === 'group_voicemail' ? { group_voicemail: true } : { [fb.type]: fb.extension };
    // A live value pbxctl does not recognise is not exported: the entry leaves it alone (unmanaged).
    if (isKnownSpam(c.spam) && c.spam !== 'ring') spec.spam = c.spam;
    if (Array.isArray(c.allow) && c.allow.length > 0) spec.allow = [...(c.allow as string[])];
    if (Array.isArray(c.block) && c.block.length > 0) spec.block = [...(c.block as string[])];
    const rules = rulesOf(c.answering_rules);
    if (rules.length > 0) spec.answering_rules = rules.map(ruleSpec);
    return spec;
  },

  create: createRingGroup,
  update: updateRingGroup,
  delete: deleteRingGroup,
};
