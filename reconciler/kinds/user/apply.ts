/**
 * The `user` kind's writes: the user record, its desk phone and its default answer rule.
 */
import {
  defaultRuleLanded,
  encodeSpam,
  normalizeMac,
  phoneDeviceName,
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
import { userBodyWithAddressId } from './placement';
import { type UserPlatform, type UserSpec, SIMPLE, wantsPhone } from './spec';

/** Platform body for the user record from a spec (only the fields set, or only `fields` when given). */
function userBody(spec: UserSpec, secrets: SecretValue | undefined, only?: ReadonlySet<string>): PlatformRecord {
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

function deviceBody(spec: UserSpec): PlatformRecord {
  const body: PlatformRecord = {};
  if (typeof spec.phone === 'object') {
    if (spec.phone.mac) body['device-provisioning-mac-address'] = normalizeMac(spec.phone.mac);
    if (spec.phone.model) body['device-models-model'] = spec.phone.model;
  }
  return body;
}

function pinOf(target: ChangeTarget<UserSpec, UserPlatform>): SecretValue | undefined {
  const vm = target.desired?.comparable.voicemail as Record<string, unknown> | undefined;
  const pin = vm?.pin;
  return pin instanceof SecretValue && pin.reveal() !== '' ? pin : undefined;
}

const ANSWERING = new Set(['spam', 'allow', 'block']);

export async function createUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
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
  if (wantsPhone(spec)) {
    await client.createDevice(domain, spec.extension, { device: phoneDeviceName(spec.extension), ...deviceBody(spec) });
  }
  if (spec.spam !== undefined || spec.allow !== undefined || spec.block !== undefined) {
    // User create already wrote a `*` rule on v2: read first, PUT when it exists (codec.ts).
    await writeDefaultAnswerRule(
      client,
      domain,
      spec.extension,
      answerRuleBody(spec, spec.extension, undefined, profile),
    );
  }
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
  const userFields = new Set([...changed].filter((f) => !f.startsWith('phone') && !ANSWERING.has(f)));
  if (userFields.size > 0) {
    // Send only the changed keys: on PUT an empty string clears a field (docs/reference/netsapiens-api.md §2 quirks).
    const body = await userBodyWithAddressId(ctx, userBody(spec, pinOf(target), userFields));
    if (Object.keys(body).length > 0)
      await client.updateUser(domain, spec.extension, withEmailSpelling(body, await serverApiVersion(client)));
  }
  if (top.has('phone')) {
    const device = phoneDeviceName(spec.extension);
    if (!wantsPhone(spec)) {
      if (live.platform.device) await client.deleteDevice(domain, spec.extension, device);
    } else if (!live.platform.device) {
      await client.createDevice(domain, spec.extension, { device, ...deviceBody(spec) });
    } else {
      await client.updateDevice(domain, spec.extension, device, deviceBody(spec));
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
}

export async function deleteUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const live = target.live!;
  // The platform deletes devices, answer rules, contacts and voicemail with the user, but leaves phone
  // numbers routed to it dangling (docs/reference/netsapiens-api.md §4): return them to the domain's inventory first.
  for (const number of live.platform.phoneNumbers) {
    await ctx.client.updatePhoneNumber(ctx.domain, number, { ...DID_UNASSIGNED });
  }
  await ctx.client.deleteUser(ctx.domain, live.key);
}

/**
 * Recycle = the portal's Reset, in place (docs/reference/platform-evidence.md §5): the user record is kept (its creation
 * time, time frames, addresses and the desk phone's SIP password survive); name, e-mail and PIN are
 * replaced (cleared when the new entry has none), devices other than the desk phone are removed, then the
 * new person's settings are written and the welcome e-mail is sent. Phone numbers keep routing here.
 */
export async function recycleUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const spec = target.desired!.spec;
  const { client, domain } = ctx;
  const ext = spec.extension;
  const pin = pinOf(target);
  await client.updateUser(
    domain,
    ext,
    withEmailSpelling(
      {
        'name-first-name': spec.first_name,
        'name-last-name': spec.last_name,
        'email-address': spec.email ?? '',
        'voicemail-login-pin': pin ? pin.reveal() : '',
        ...(await userBodyWithAddressId(ctx, userBody(spec, pin))),
      },
      await serverApiVersion(client),
    ),
  );
  for (const d of await client.listUserDevices(domain, ext)) {
    const name = str(d.device);
    if (name !== phoneDeviceName(ext)) await client.deleteDevice(domain, ext, name);
  }
  const rewrite = (['phone', 'spam', 'allow', 'block'] as const).filter((f) => spec[f] !== undefined);
  if (rewrite.length > 0) await updateUser(ctx, { ...target, changedFields: rewrite });
  if (ctx.sendWelcomeEmail && spec.welcome_email !== false && spec.email) {
    // Owed through the welcome ledger when apply keeps one (issue 13 #3); otherwise sent here.
    if (ctx.requestWelcome) ctx.requestWelcome(ext);
    else await client.sendEmail(domain, ext, { ...profileOf(ctx).welcomeEmail });
  }
}
