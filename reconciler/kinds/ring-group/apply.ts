/** The `ring_group` kind's writes: the group's user record and its default (`*`) answer rule. */
import {
  DID_UNASSIGNED,
  defaultRuleLanded,
  encodeFallback,
  encodeMember,
  encodeSpam,
  RING_GROUP_LAST_NAME,
  serverApiVersion,
  type SpamAction,
  type SpamEncodings,
  withEmailSpelling,
  writeDefaultAnswerRule,
  yesNo,
} from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { type ApplyContext, type ChangeTarget, type Comparable, profileOf } from '../kind';
import { normalizeNumberSet, str } from '../normalize';
import { rulesOf } from '../user/answering-rules';
import { writeAnsweringRules } from '../user/answering-rules-apply';
import {
  type FallbackContent,
  fallbackOf,
  normalizeMembers,
  RECORD_FIELDS,
  RULE_FIELDS,
  type RingGroupPlatform,
  type RingGroupSpec,
} from './spec';

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
  profile: SpamEncodings,
): PlatformRecord {
  const key = String(spec.extension);
  const want = (f: keyof RingGroupSpec) => spec[f] !== undefined && (!only || only.has(f));
  const body: PlatformRecord = {};
  if (want('members')) {
    const params = normalizeMembers(spec.members).map((m) =>
      encodeMember({ extension: m.extension, delaySeconds: m.delay_seconds }),
    );
    body['simultaneous-ring'] = { enabled: yesNo(params.length > 0), parameters: params };
  }
  if (want('fallback')) {
    const fb = fallbackOf(spec.fallback ?? {}, key);
    body['forward-no-answer'] = fb
      ? { enabled: 'yes', parameters: [encodeFallback(fb)] }
      : { enabled: 'no', parameters: [] };
  }
  if (want('spam')) body['forward-on-spam-call'] = encodeSpam(spec.spam as SpamAction, key, profile);
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

export async function createRingGroup(
  ctx: ApplyContext,
  target: ChangeTarget<RingGroupSpec, RingGroupPlatform>,
): Promise<void> {
  const desired = target.desired!;
  const spec = desired.spec;
  const key = String(spec.extension);
  const profile = profileOf(ctx);
  await ctx.client.createUser(
    ctx.domain,
    withEmailSpelling(
      {
        user: key,
        'name-first-name': spec.name,
        'name-last-name': RING_GROUP_LAST_NAME,
        'service-code': profile.ringGroupServiceCode,
        'user-scope': profile.ringGroupScope,
        // Required on create by the spec; a ring group has no mailbox address of its own.
        'email-address': '',
        ...recordBody(spec),
        'voicemail-enabled': yesNo(needsMailbox(desired.comparable)),
      },
      await serverApiVersion(ctx.client),
    ),
  );
  // Always write the default rule, even for an empty group: it is where the group's routing lives.
  // User create already wrote a `*` rule on v2, so this reads first and PUTs it when it exists.
  await writeDefaultAnswerRule(ctx.client, ctx.domain, key, ruleBody(spec, undefined, undefined, profile));
  if (spec.answering_rules !== undefined) await writeGroupRules(ctx, desired.comparable, spec, undefined);
}

/** The group's time-frame rules; a rule that does not forward rings the members (answering-rules.ts). */
async function writeGroupRules(
  ctx: ApplyContext,
  content: Comparable,
  spec: RingGroupSpec,
  live: readonly PlatformRecord[] | undefined,
): Promise<void> {
  const key = String(spec.extension);
  const members = (content.members ?? []) as unknown as { extension: string; delay_seconds?: number }[];
  await writeAnsweringRules(ctx, {
    extension: key,
    rules: rulesOf(content.answering_rules),
    all: spec.answering_rules_managed === 'all',
    live: live ?? (await ctx.client.listAnswerRules(ctx.domain, key)),
    ring: members.map((m) => encodeMember({ extension: m.extension, delaySeconds: m.delay_seconds })),
  });
}

export async function updateRingGroup(
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
    const profile = profileOf(ctx);
    const body = ruleBody(spec, top, existing, profile);
    if (existing) await ctx.client.updateAnswerRule(ctx.domain, key, '*', body);
    else {
      const landed = defaultRuleLanded(ctx.client, ctx.domain, key);
      await ctx.client.createAnswerRule(ctx.domain, key, ruleBody(spec, undefined, undefined, profile), { landed });
    }
  }
  // Members are written into the rules that ring them, so a new member list rewrites those too.
  if (desired.comparable.answering_rules !== undefined && (top.has('answering_rules') || top.has('members'))) {
    const fresh = live.platform.answerRule !== undefined;
    await writeGroupRules(
      ctx,
      { ...live.comparable, ...desired.comparable },
      spec,
      fresh ? live.platform.answerRules : undefined,
    );
  }
}

export async function deleteRingGroup(
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
