/**
 * The `user` kind's writes: the user record, its devices (devices-apply.ts) and its default answer rule.
 */
import {
  defaultRuleLanded,
  encodeSpam,
  normalizeMac,
  DID_UNASSIGNED,
  serverApiVersion,
  type SpamEncodings,
  yesNo,
  withEmailSpelling,
  writeDefaultAnswerRule,
} from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { type ApplyContext, type ChangeTarget, profileOf } from '../kind';
import { normalizeNumber, normalizeNumberSet, str } from '../normalize';
import { SecretValue } from '../secret';
import { devicesOnCreate, ensureDevice, release, removeDevice, shorthandDevice, syncDevices } from './devices-apply';
import { type DeviceContent, desiredDevices } from './devices';
import { rulesOf } from './answering-rules';
import { writeAnsweringRules } from './answering-rules-apply';
import { deleteUnlistedTimeFrames, timeFramesOf, writeUserTimeFrames } from './user-time-frames';
import { OWN_DEVICES } from './answering-rules-codec';
import { userBodyWithAddressId } from './placement';
import { type UserPlatform, type UserSpec, SIMPLE, wantsPhone } from './spec';

/** Platform body for the user record from a spec (only the fields set, or only `fields` when given). */
export function userBody(spec: UserSpec, secrets: SecretValue | undefined, only?: ReadonlySet<string>): PlatformRecord {
  const body: PlatformRecord = {};
  const want = (f: string) => !only || only.has(f);
  for (const [name, field, kind] of SIMPLE) {
    if (spec[name] === undefined || !want(name)) continue;
    body[field] =
      kind === 'int' ? Number(spec[name]) : kind === 'number' ? normalizeNumber(str(spec[name])) : spec[name];
  }
  const vm = spec.voicemail;
  if (vm) {
    if (vm.enabled !== undefined && want('voicemail.enabled')) body['voicemail-enabled'] = yesNo(vm.enabled);
    if (secrets && want('voicemail.pin')) body['voicemail-login-pin'] = secrets.reveal();
    if (vm.email_notification !== undefined && want('voicemail.email_notification')) {
      body['email-send-alert-new-voicemail-enabled'] = yesNo(vm.email_notification !== 'none');
      if (vm.email_notification !== 'none')
        body['email-send-alert-new-voicemail-behavior'] = vm.email_notification === 'attach' ? 'attnew' : 'yes';
    }
    if (vm.transcription !== undefined && want('voicemail.transcription'))
      body['voicemail-transcription-enabled'] = vm.transcription ? 'Deepgram' : 'no';
  }
  return body;
}

function answerRuleBody(
  spec: UserSpec,
  extension: string,
  existing: PlatformRecord | undefined,
  profile: SpamEncodings,
): PlatformRecord {
  const body: PlatformRecord = {};
  if (spec.spam !== undefined) body['forward-on-spam-call'] = encodeSpam(spec.spam, extension, profile);
  if (spec.allow !== undefined) {
    const list = normalizeNumberSet(spec.allow);
    body['phone-numbers-to-allow'] = { enabled: yesNo(list.length > 0), parameters: list };
  }
  if (spec.block !== undefined) {
    const list = normalizeNumberSet(spec.block);
    // `remove: "no"` = the list replaces what is there (call-blocking guide); see docs/reference/netsapiens-api.md §6.
    body['phone-numbers-to-reject'] = { enabled: yesNo(list.length > 0), remove: 'no', parameters: list };
  }
  if (!existing) Object.assign(body, { 'time-frame': '*', enabled: 'yes', 'is-active': true });
  return body;
}

export function pinOf(target: ChangeTarget<UserSpec, UserPlatform>): SecretValue | undefined {
  const vm = target.desired?.comparable.voicemail as Record<string, unknown> | undefined;
  const pin = vm?.pin;
  return pin instanceof SecretValue && pin.reveal() !== '' ? pin : undefined;
}

const ANSWERING = new Set(['spam', 'allow', 'block']);

/** `devices`: what to create (default: what the entry says; a recreate carries the handsets over). */
export async function createUser(
  ctx: ApplyContext,
  target: ChangeTarget<UserSpec, UserPlatform>,
  devices?: readonly DeviceContent[],
): Promise<void> {
  const spec = target.desired!.spec;
  const { client, domain } = ctx;
  const welcome = ctx.sendWelcomeEmail && spec.welcome_email !== false && !!spec.email;
  // Owed from now on, whatever fails below: the next apply sends it (issue 13 #3).
  if (welcome) ctx.requestWelcome?.(spec.extension);
  const profile = profileOf(ctx);
  await client.createUser(
    domain,
    withEmailSpelling(
      {
        user: spec.extension,
        'name-first-name': spec.first_name,
        'name-last-name': spec.last_name,
        'user-scope': spec.scope ?? 'Basic User',
        // The spec marks email-address required on create; an empty string means "none".
        'email-address': '',
        ...(await userBodyWithAddressId(ctx, userBody(spec, pinOf(target)))),
      },
      await serverApiVersion(client),
    ),
  );
  // The devices (device, MAC record) and the default answer rule only need the user: they are written side
  // by side (issue 15: a create is 3 round trips deep instead of 5). Both are awaited before the change
  // ends, whatever fails: no write of a change is still in flight once it is reported.
  const devicesWritten = (async () => {
    for (const device of devices ?? devicesOnCreate(spec)) await ensureDevice(ctx, spec.extension, device, undefined);
  })();
  const ruleWritten =
    spec.spam !== undefined || spec.allow !== undefined || spec.block !== undefined
      ? // User create already wrote a `*` rule on v2: PUT first, read only when it is refused (codec.ts).
        writeDefaultAnswerRule(client, domain, spec.extension, answerRuleBody(spec, spec.extension, undefined, profile))
      : Promise.resolve();
  for (const r of await Promise.allSettled([devicesWritten, ruleWritten])) if (r.status === 'rejected') throw r.reason;
  if (spec.time_frames !== undefined) await writeUserTimeFrames(ctx, spec.extension, timeFramesOf(content(target)));
  if (spec.answering_rules !== undefined) await writeUserRules(ctx, target, undefined);
  if (welcome && !ctx.requestWelcome) {
    await client.sendEmail(domain, spec.extension, { ...profile.welcomeEmail });
  }
}

export async function updateUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const spec = target.desired!.spec;
  const live = target.live!;
  const { client, domain } = ctx;
  const changed = new Set(target.changedFields);
  const top = new Set([...changed].map((f) => f.split('.')[0] as string));
  const userFields = new Set(
    [...changed].filter(
      (f) =>
        !f.startsWith('phone') && !ANSWERING.has(f) && !f.startsWith('answering_rules') && !f.startsWith('time_frames'),
    ),
  );
  if (userFields.size > 0) {
    // Send only the changed keys: on PUT an empty string clears a field (docs/reference/netsapiens-api.md §2 quirks).
    const body = await userBodyWithAddressId(ctx, userBody(spec, pinOf(target), userFields));
    if (Object.keys(body).length > 0)
      await client.updateUser(domain, spec.extension, withEmailSpelling(body, await serverApiVersion(client)));
  }
  if (top.has('phones') && spec.phones !== undefined) {
    await syncDevices(ctx, spec.extension, desiredDevices(spec.extension, spec.phones), live.platform.devices ?? []);
  } else if (top.has('phone')) {
    const have = live.platform.device;
    if (!wantsPhone(spec)) {
      if (have) await removeDevice(ctx, spec.extension, have);
    } else {
      // The shorthand manages the address only where it names one (or clears it with "").
      const managed = typeof spec.phone === 'object' && spec.phone.emergency_address !== undefined;
      await ensureDevice(ctx, spec.extension, shorthandDevice(spec, have), have, managed);
    }
  }
  if ([...top].some((f) => ANSWERING.has(f))) {
    const existing = live.platform.answerRule;
    const body = answerRuleBody(spec, spec.extension, existing, profileOf(ctx));
    if (existing) await client.updateAnswerRule(domain, spec.extension, '*', body);
    else
      await client.createAnswerRule(domain, spec.extension, body, {
        landed: defaultRuleLanded(client, domain, spec.extension),
      });
  }
  // The user's own time frames before the rules that name them; the ones no longer listed after.
  const stale = top.has('time_frames')
    ? await writeUserTimeFrames(ctx, spec.extension, timeFramesOf(content(target)))
    : [];
  if (top.has('answering_rules')) {
    // The records as read, unless the default rule was just written above (then read again).
    const fresh = live.platform.answerRule || ![...top].some((f) => ANSWERING.has(f));
    await writeUserRules(ctx, target, fresh ? live.platform.answerRules : undefined);
  }
  await deleteUnlistedTimeFrames(ctx, spec.extension, stale);
}

const content = (target: ChangeTarget<UserSpec, UserPlatform>) => target.desired!.comparable.time_frames;

/** The user's answering rules (answering-rules-apply.ts); `live` = the records read, else read now. */
async function writeUserRules(
  ctx: ApplyContext,
  target: ChangeTarget<UserSpec, UserPlatform>,
  live: readonly PlatformRecord[] | undefined,
): Promise<void> {
  const spec = target.desired!.spec;
  await writeAnsweringRules(ctx, {
    extension: spec.extension,
    rules: rulesOf(target.desired!.comparable.answering_rules),
    all: spec.answering_rules_managed === 'all',
    live: live ?? (await ctx.client.listAnswerRules(ctx.domain, spec.extension)),
    ring: [OWN_DEVICES],
  });
}

export async function deleteUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const live = target.live!;
  // The platform deletes devices, answer rules, contacts and voicemail with the user, but leaves phone
  // numbers routed to it dangling (docs/reference/netsapiens-api.md §4): return them to the domain's inventory first.
  for (const number of live.platform.phoneNumbers) {
    await ctx.client.updatePhoneNumber(ctx.domain, number, { ...DID_UNASSIGNED });
  }
  await releaseHandsets(ctx, live.platform);
  await ctx.client.deleteUser(ctx.domain, live.key);
}

/** The delete takes the devices but not the MAC records naming them: those are released first. */
export async function releaseHandsets(ctx: ApplyContext, platform: UserPlatform): Promise<void> {
  for (const d of platform.devices ?? (platform.device ? [platform.device] : [])) {
    const mac = normalizeMac(str(d['device-provisioning-mac-address']));
    if (mac) await release(ctx, mac, str(d.device));
  }
}
