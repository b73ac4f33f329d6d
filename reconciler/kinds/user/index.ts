/**
 * The `user` kind: a person at an extension, with the desk phone and the default answer rule's spam,
 * allow and block settings as facets of the same object (they have no identity of their own on the
 * platform: the device is named after the extension, the rule is the user's `*` rule).
 */
import { activeCalls } from '../impact';
import {
  decodeSpam,
  encodeSpam,
  fromYesNo,
  isSystemUser,
  normalizeMac,
  phoneDeviceName,
  readField,
  type SpamAction,
  WELCOME_EMAIL,
  DID_UNASSIGNED,
  yesNo,
  withEmailSpellings,
  writeDefaultAnswerRule,
} from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { mapBounded } from '../../util/map-bounded';
import type { ApplyContext, ChangeTarget, Comparable, Kind, LiveObject } from '../kind';
import { normalizeEmail, normalizeNumber, normalizeNumberSet, str } from '../normalize';
import { SecretValue, isSecretRef, type SecretRef, type SecretResolver } from '../secret';
import { USER_FIELDS } from './fields';
import { userImpact } from '../impact';

export interface UserSpec {
  extension: string;
  first_name: string;
  last_name: string;
  email?: string;
  department?: string;
  site?: string;
  scope?: string;
  time_zone?: string;
  caller_id_name?: string;
  caller_id_number?: string;
  emergency_caller_id?: string;
  emergency_address?: string;
  ring_timeout?: number;
  voicemail?: {
    enabled?: boolean;
    pin?: SecretRef;
    email_notification?: 'none' | 'notify' | 'attach';
    transcription?: boolean;
  };
  phone?: boolean | { enabled?: boolean; mac?: string; model?: string };
  spam?: SpamAction;
  allow?: string[];
  block?: string[];
  welcome_email?: boolean;
}

export interface UserPlatform {
  readonly user: PlatformRecord;
  readonly device?: PlatformRecord;
  /** The default (`*`) answer rule, when it was read. */
  readonly answerRule?: PlatformRecord;
  /** Phone numbers routed to this extension. */
  readonly phoneNumbers: readonly string[];
}

/** Simple one-to-one fields: YAML name → platform field, and how values normalise. */
const SIMPLE: ReadonlyArray<readonly [keyof UserSpec, string, 'text' | 'email' | 'number' | 'int']> = [
  ['first_name', 'name-first-name', 'text'],
  ['last_name', 'name-last-name', 'text'],
  ['email', 'email-address', 'email'],
  ['department', 'department', 'text'],
  ['site', 'site', 'text'],
  ['scope', 'user-scope', 'text'],
  ['time_zone', 'time-zone', 'text'],
  ['caller_id_name', 'caller-id-name', 'text'],
  ['caller_id_number', 'caller-id-number', 'number'],
  ['emergency_caller_id', 'caller-id-number-emergency', 'number'],
  ['emergency_address', 'emergency-address-id', 'text'],
  ['ring_timeout', 'ring-no-answer-timeout-seconds', 'int'],
];

function norm(kind: 'text' | 'email' | 'number' | 'int', value: unknown): string | number {
  switch (kind) {
    case 'text':
      return str(value).trim();
    case 'email':
      return normalizeEmail(str(value));
    case 'number':
      return str(value) === '' ? '' : normalizeNumber(str(value));
    case 'int':
      return Number(value);
  }
}

function toComparable(spec: UserSpec, secrets: SecretResolver): Comparable {
  const out: Record<string, Comparable[string]> = {};
  for (const [name, , kind] of SIMPLE) if (spec[name] !== undefined) out[name] = norm(kind, spec[name]);
  if (spec.voicemail) {
    const vm: Record<string, Comparable[string]> = {};
    const v = spec.voicemail;
    if (v.enabled !== undefined) vm.enabled = v.enabled;
    if (v.pin !== undefined) {
      const secret = isSecretRef(v.pin) ? secrets(v.pin) : undefined;
      // An unresolvable reference is caught by the loader (with file:line); this is a safety net.
      vm.pin = secret ?? new SecretValue('', `env ${isSecretRef(v.pin) ? v.pin.env : '?'} (unset)`);
    }
    if (v.email_notification !== undefined) vm.email_notification = v.email_notification;
    if (v.transcription !== undefined) vm.transcription = v.transcription;
    out.voicemail = vm;
  }
  if (spec.phone !== undefined) {
    if (!wantsPhone(spec)) out.phone = null;
    else if (spec.phone === true) out.phone = {};
    else if (spec.phone !== false) {
      const p: Record<string, string> = {};
      if (spec.phone.mac !== undefined) p.mac = normalizeMac(spec.phone.mac);
      if (spec.phone.model !== undefined) p.model = spec.phone.model.trim();
      out.phone = p;
    }
  }
  if (spec.spam !== undefined) out.spam = spec.spam;
  if (spec.allow !== undefined) out.allow = normalizeNumberSet(spec.allow);
  if (spec.block !== undefined) out.block = normalizeNumberSet(spec.block);
  return out;
}

function liveComparable(key: string, p: UserPlatform): Comparable {
  const u = p.user;
  const out: Record<string, Comparable[string]> = {};
  for (const [name, field, kind] of SIMPLE) {
    const raw = readField(u, field);
    if (raw === undefined || raw === null) continue;
    if (kind === 'int' && !Number.isFinite(Number(raw))) continue;
    out[name] = norm(kind, raw);
  }
  const vm: Record<string, Comparable[string]> = {};
  const enabled = fromYesNo(u['voicemail-enabled']);
  if (enabled !== undefined) vm.enabled = enabled;
  const pin = u['voicemail-login-pin'];
  if (pin !== undefined && pin !== null && pin !== '') vm.pin = new SecretValue(String(pin), 'platform');
  const alert = fromYesNo(u['email-send-alert-new-voicemail-enabled']);
  if (alert !== undefined) {
    const behavior = str(u['email-send-alert-new-voicemail-behavior']);
    vm.email_notification = !alert
      ? 'none'
      : behavior.startsWith('att') || behavior.includes('att')
        ? 'attach'
        : 'notify';
  }
  const transcription = u['voicemail-transcription-enabled'];
  if (transcription !== undefined) vm.transcription = str(transcription) !== '' && str(transcription) !== 'no';
  out.voicemail = vm;
  if (p.device) {
    const phone: Record<string, string> = {};
    const mac = str(p.device['device-provisioning-mac-address']);
    const model = str(p.device['device-models-model']);
    if (mac) phone.mac = normalizeMac(mac);
    if (model) phone.model = model;
    out.phone = phone;
  } else out.phone = null;
  if (p.answerRule) {
    const rule = p.answerRule;
    out.spam = decodeSpam(rule['forward-on-spam-call']);
    out.allow = normalizeNumberSet(paramsOf(rule['phone-numbers-to-allow']));
    out.block = normalizeNumberSet(paramsOf(rule['phone-numbers-to-reject']));
  }
  // Not a YAML field (never compared: desired entries do not set it), but part of what the platform has:
  // deleting the user strands these numbers, so plans list them and saved plans notice when they move.
  out.phone_numbers = [...p.phoneNumbers].sort();
  void key;
  return out;
}

function paramsOf(block: unknown): string[] {
  const b = block as { enabled?: unknown; parameters?: unknown } | undefined;
  if (!b || fromYesNo(b.enabled) === false) return [];
  return Array.isArray(b.parameters) ? b.parameters.map(String) : [];
}

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

function answerRuleBody(spec: UserSpec, extension: string, existing: PlatformRecord | undefined): PlatformRecord {
  const body: PlatformRecord = {};
  if (spec.spam !== undefined) body['forward-on-spam-call'] = encodeSpam(spec.spam, extension);
  if (spec.allow !== undefined) {
    const list = normalizeNumberSet(spec.allow);
    body['phone-numbers-to-allow'] = { enabled: yesNo(list.length > 0), parameters: list };
  }
  if (spec.block !== undefined) {
    const list = normalizeNumberSet(spec.block);
    // `remove: "no"` = the list replaces what is there (call-blocking guide); see netsapiens-api.md §6.
    body['phone-numbers-to-reject'] = { enabled: yesNo(list.length > 0), remove: 'no', parameters: list };
  }
  if (!existing) Object.assign(body, { 'time-frame': '*', enabled: 'yes', 'is-active': true });
  return body;
}

/** `phone: false` and `phone: { enabled: false }` (the spelling Terraform can express) both mean "no desk phone". */
function wantsPhone(spec: UserSpec): boolean {
  if (spec.phone === undefined || spec.phone === false) return false;
  return spec.phone === true || spec.phone.enabled !== false;
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

async function createUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const spec = target.desired!.spec;
  const { client, domain } = ctx;
  await client.createUser(
    domain,
    withEmailSpellings({
      user: spec.extension,
      'name-first-name': spec.first_name,
      'name-last-name': spec.last_name,
      'user-scope': spec.scope ?? 'Basic User',
      // The spec marks email-address required on create; an empty string means "none".
      'email-address': '',
      ...userBody(spec, pinOf(target)),
    }),
  );
  if (wantsPhone(spec)) {
    await client.createDevice(domain, spec.extension, { device: phoneDeviceName(spec.extension), ...deviceBody(spec) });
  }
  if (spec.spam !== undefined || spec.allow !== undefined || spec.block !== undefined) {
    await writeDefaultAnswerRule(client, domain, spec.extension, answerRuleBody(spec, spec.extension, undefined));
  }
  if (ctx.sendWelcomeEmail && spec.welcome_email !== false && spec.email) {
    await client.sendEmail(domain, spec.extension, { ...WELCOME_EMAIL });
  }
}

async function updateUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const spec = target.desired!.spec;
  const live = target.live!;
  const { client, domain } = ctx;
  const changed = new Set(target.changedFields);
  const top = new Set([...changed].map((f) => f.split('.')[0] as string));
  const userFields = new Set([...changed].filter((f) => !f.startsWith('phone') && !ANSWERING.has(f)));
  if (userFields.size > 0) {
    // Send only the changed keys: on PUT an empty string clears a field (netsapiens-api.md §2 quirks).
    const body = userBody(spec, pinOf(target), userFields);
    if (Object.keys(body).length > 0) await client.updateUser(domain, spec.extension, withEmailSpellings(body));
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
    const body = answerRuleBody(spec, spec.extension, existing);
    if (existing) await client.updateAnswerRule(domain, spec.extension, '*', body);
    else await client.createAnswerRule(domain, spec.extension, body);
  }
}

async function deleteUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  const live = target.live!;
  // The platform deletes devices, answer rules, contacts and voicemail with the user, but leaves phone
  // numbers routed to it dangling (netsapiens-api.md §4): return them to the domain's inventory first.
  for (const number of live.platform.phoneNumbers) {
    await ctx.client.updatePhoneNumber(ctx.domain, number, { ...DID_UNASSIGNED });
  }
  await ctx.client.deleteUser(ctx.domain, live.key);
}

async function recycleUser(ctx: ApplyContext, target: ChangeTarget<UserSpec, UserPlatform>): Promise<void> {
  // No reset endpoint exists (netsapiens-api.md §4): a recycle is delete + create. Phone numbers keep
  // routing to the extension, so they are not released here — the plan lists them as rerouted.
  await ctx.client.deleteUser(ctx.domain, target.live!.key);
  await createUser(ctx, target);
}

export const userKind: Kind<UserSpec, UserPlatform> = {
  name: 'user',
  section: 'users',
  shape: 'list',
  title: 'User',
  description: 'A person at an extension, with voicemail, desk phone, and spam/allow/block answering.',
  fields: USER_FIELDS,
  order: 10,
  key: (spec) => String(spec.extension),
  label(key, content) {
    const name = [content?.first_name, content?.last_name].filter((s) => typeof s === 'string' && s !== '').join(' ');
    return name ? `${key} (${name})` : key;
  },
  toComparable,
  activity: (live) => activeCalls(live.platform?.user ?? {}),
  impact: userImpact,
  references: (key, content) =>
    Array.isArray(content.phone_numbers)
      ? (content.phone_numbers as string[]).map((n) => ({
          from: `phone number ${n}`,
          relation: 'routes to',
          extension: key,
        }))
      : [],
  isRecycle(before, after) {
    // A different person: both the name and the e-mail change. A name fix alone is cosmetic.
    const nameChanged =
      (after.first_name !== undefined && after.first_name !== before.first_name) ||
      (after.last_name !== undefined && after.last_name !== before.last_name);
    // Adding an e-mail where there was none is not a new person (an address only differs from another one).
    const emailChanged =
      typeof after.email === 'string' &&
      typeof before.email === 'string' &&
      before.email !== '' &&
      after.email !== before.email;
    return nameChanged && emailChanged;
  },

  async read(ctx) {
    const [users, devices, numbers] = await Promise.all([
      ctx.cache.users(),
      ctx.cache.devices(),
      ctx.cache.phoneNumbers(),
    ]);
    const people = users.filter((u) => !isSystemUser(u));
    const deviceOf = new Map<string, PlatformRecord>();
    for (const d of devices) {
      const owner = str(d.user);
      if (str(d.device) === phoneDeviceName(owner)) deviceOf.set(owner, d);
    }
    const numbersOf = new Map<string, string[]>();
    for (const n of numbers) {
      if (str(n['dial-rule-application']) === 'available-number') continue;
      const dest = str(n['dial-rule-translation-destination-user']);
      if (!dest) continue;
      numbersOf.set(dest, [...(numbersOf.get(dest) ?? []), str(n.phonenumber)]);
    }
    // Answer rules have no domain-wide endpoint: read them per user, only where the file manages
    // spam/allow/block (or everything, for export), under bounded concurrency.
    const needsRules = (ext: string): boolean => {
      if (ctx.full) return true;
      const d = ctx.desired?.get(ext);
      return d !== undefined && ['spam', 'allow', 'block'].some((f) => d.comparable[f] !== undefined);
    };
    return mapBounded(people, ctx.concurrency, async (u) => {
      const key = str(u.user);
      let answerRule: PlatformRecord | undefined;
      if (needsRules(key)) {
        const rules = await ctx.cache.answerRules(key);
        answerRule = rules.find((r) => str(r['time-frame']) === '*') ?? undefined;
      }
      const platform: UserPlatform = {
        user: u,
        device: deviceOf.get(key),
        answerRule,
        phoneNumbers: numbersOf.get(key) ?? [],
      };
      const live: LiveObject<UserPlatform> = {
        kind: 'user',
        domain: ctx.domain,
        key,
        comparable: liveComparableWithRules(key, platform, needsRules(key)),
        platform,
        lastModified: str(u['last-modified-datetime']) || undefined,
      };
      return live;
    });
  },

  export(live) {
    const c = live.comparable;
    const spec: UserSpec = { extension: live.key, first_name: str(c.first_name), last_name: str(c.last_name) };
    for (const [name] of SIMPLE) {
      if (name === 'first_name' || name === 'last_name') continue;
      const v = c[name];
      if (v === undefined || v === '') continue;
      (spec as unknown as Record<string, unknown>)[name] = name === 'ring_timeout' ? Number(v) : v;
    }
    const vm = c.voicemail as Record<string, unknown> | undefined;
    if (vm && Object.keys(vm).length > 0) {
      const out: NonNullable<UserSpec['voicemail']> = {};
      if (typeof vm.enabled === 'boolean') out.enabled = vm.enabled;
      // The PIN is never exported (not even as a reference that would then have to be set): an exported
      // file leaves PINs unmanaged until someone adds `pin: { env: … }`.
      if (typeof vm.email_notification === 'string') out.email_notification = vm.email_notification as 'none';
      if (typeof vm.transcription === 'boolean') out.transcription = vm.transcription;
      spec.voicemail = out;
    }
    const phone = c.phone as Record<string, string> | null | undefined;
    if (phone) spec.phone = Object.keys(phone).length === 0 ? true : { ...phone };
    if (typeof c.spam === 'string' && c.spam !== 'ring') spec.spam = c.spam as SpamAction;
    if (Array.isArray(c.allow) && c.allow.length > 0) spec.allow = [...(c.allow as string[])];
    if (Array.isArray(c.block) && c.block.length > 0) spec.block = [...(c.block as string[])];
    return spec;
  },

  create: createUser,
  update: updateUser,
  delete: deleteUser,
  recycle: recycleUser,
};

function liveComparableWithRules(key: string, p: UserPlatform, rulesRead: boolean): Comparable {
  const c = liveComparable(key, p) as Record<string, Comparable[string]>;
  if (rulesRead && !p.answerRule) {
    // No default rule yet: the platform behaves as ring-as-normal with empty lists.
    c.spam = 'ring';
    c.allow = [];
    c.block = [];
  }
  return c;
}
