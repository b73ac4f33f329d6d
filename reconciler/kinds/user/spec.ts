/**
 * The `user` kind's content: the YAML spec, the platform records behind a user, and both normalised to
 * the same comparable content.
 */
import {
  decodeSpam,
  fromYesNo,
  normalizeMac,
  readField,
  type SpamAction,
  type SpamEncodings,
} from '../../platform/codec';
import { DEFAULT_PLATFORM_PROFILE } from '../../platform/profile';
import type { PlatformRecord } from '../../platform/client';
import type { Comparable } from '../kind';
import { desiredDevices, liveDevices, type PhoneEntry } from './devices';
import type { RecycleMode } from './recycle-modes';
import { normalizeEmail, normalizeNumber, normalizeNumberSet, normalizeText, str } from '../normalize';
import type { TimeFrameSpec } from '../time-frame/codec';
import { type AnsweringRuleSpec, type AnsweringRulesManaged, rulesContent } from './answering-rules';
import { userTimeFramesContent } from './user-time-frames';
import { SecretValue, isSecretRef, type SecretRef, type SecretResolver } from '../secret';

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
  phone?: boolean | { enabled?: boolean; mac?: string; model?: string; emergency_address?: string };
  /** Every device of the user (devices.ts); instead of `phone`. */
  phones?: PhoneEntry[];
  spam?: SpamAction;
  allow?: string[];
  block?: string[];
  welcome_email?: boolean;
  /** How a recycle (a different person here) is done: reset in place (default) or delete + create. */
  recycle?: RecycleMode;
  answering_rules?: AnsweringRuleSpec[];
  answering_rules_managed?: AnsweringRulesManaged;
  /** The user's own time frames (user-time-frames.ts). */
  time_frames?: TimeFrameSpec[];
}

export interface UserPlatform {
  readonly user: PlatformRecord;
  readonly device?: PlatformRecord;
  /** Every device the user owns (the desk phone included), when read. */
  readonly devices?: readonly PlatformRecord[];
  /** The default (`*`) answer rule, when it was read. */
  readonly answerRule?: PlatformRecord;
  /** Phone numbers routed to this extension. */
  readonly phoneNumbers: readonly string[];
  /** Every answer rule of the user, when the file manages answering rules (answering-rules.ts). */
  readonly answerRules?: readonly PlatformRecord[];
  /** The user's own time frames, when the file lists them (or on a full read). */
  readonly timeFrames?: readonly PlatformRecord[];
}

/** Simple one-to-one fields: YAML name → platform field, and how values normalise. */
export const SIMPLE: ReadonlyArray<readonly [keyof UserSpec, string, 'text' | 'email' | 'number' | 'int']> = [
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

export function norm(kind: 'text' | 'email' | 'number' | 'int', value: unknown): string | number {
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

export function toComparable(spec: UserSpec, secrets: SecretResolver): Comparable {
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
  if (spec.phones !== undefined)
    out.phones = desiredDevices(spec.extension, spec.phones) as unknown as Comparable[string];
  if (spec.recycle !== undefined) out.recycle = spec.recycle;
  // `phones` describes every device, the desk phone included (the loader refuses both in one entry).
  if (spec.phone !== undefined && spec.phones === undefined) {
    if (!wantsPhone(spec)) out.phone = null;
    else if (spec.phone === true) out.phone = {};
    else if (spec.phone !== false) {
      const p: Record<string, string> = {};
      if (spec.phone.mac !== undefined) p.mac = normalizeMac(spec.phone.mac);
      if (spec.phone.model !== undefined) p.model = spec.phone.model.trim();
      if (spec.phone.emergency_address !== undefined) p.emergency_address = normalizeText(spec.phone.emergency_address);
      out.phone = p;
    }
  }
  if (spec.spam !== undefined) out.spam = spec.spam;
  if (spec.allow !== undefined) out.allow = normalizeNumberSet(spec.allow);
  if (spec.block !== undefined) out.block = normalizeNumberSet(spec.block);
  if (spec.answering_rules !== undefined)
    out.answering_rules = rulesContent(spec.answering_rules) as unknown as Comparable[string];
  if (spec.time_frames !== undefined) out.time_frames = userTimeFramesContent(spec.time_frames);
  return out;
}

export function liveComparable(
  key: string,
  p: UserPlatform,
  profile: SpamEncodings = DEFAULT_PLATFORM_PROFILE,
): Comparable {
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
    // The address id as stored: placement.ts reads it as the address's name.
    const address = str(p.device['emergency-address-id']).trim();
    if (address) phone.emergency_address = address;
    out.phone = phone;
  } else out.phone = null;
  out.phones = liveDevices(key, p.devices ?? (p.device ? [p.device] : [])) as unknown as Comparable[string];
  if (p.answerRule) {
    const rule = p.answerRule;
    out.spam = decodeSpam(rule['forward-on-spam-call'], profile);
    out.allow = normalizeNumberSet(paramsOf(rule['phone-numbers-to-allow']));
    out.block = normalizeNumberSet(paramsOf(rule['phone-numbers-to-reject']));
  }
  // Not a YAML field (never compared: desired entries do not set it), but part of what the platform has:
  // deleting the user strands these numbers, so plans list them and saved plans notice when they move.
  out.phone_numbers = [...p.phoneNumbers].sort();
  return out;
}

function paramsOf(block: unknown): string[] {
  const b = block as { enabled?: unknown; parameters?: unknown } | undefined;
  if (!b || fromYesNo(b.enabled) === false) return [];
  return Array.isArray(b.parameters) ? b.parameters.map(String) : [];
}

export function liveComparableWithRules(
  key: string,
  p: UserPlatform,
  rulesRead: boolean,
  profile: SpamEncodings = DEFAULT_PLATFORM_PROFILE,
): Comparable {
  const c = liveComparable(key, p, profile) as Record<string, Comparable[string]>;
  if (rulesRead && !p.answerRule) {
    // No default rule yet: the platform behaves as ring-as-normal with empty lists.
    c.spam = 'ring';
    c.allow = [];
    c.block = [];
  }
  return c;
}

/** `phone: false` and `phone: { enabled: false }` (the spelling Terraform can express) both mean "no desk phone". */
export function wantsPhone(spec: UserSpec): boolean {
  if (spec.phone === undefined || spec.phone === false) return false;
  return spec.phone === true || spec.phone.enabled !== false;
}
