/** The `ring_group` kind's spec and comparable content: YAML/Terraform shape ↔ platform records. */
import {
  decodeFallback,
  decodeMember,
  decodeSpam,
  type FallbackType,
  fromYesNo,
  type SpamAction,
  type SpamEncodings,
} from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import type { Comparable, ComparableValue } from '../kind';
import { normalizeNumberSet, str } from '../normalize';
import { type AnsweringRuleSpec, type AnsweringRulesManaged, rulesContent } from '../user/answering-rules';
import { FALLBACK_TARGETS } from './fields';

export interface RingGroupMemberSpec {
  extension: string;
  delay_seconds?: number;
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
  /** Shorthand entries (`"1002"`, `1002`) and `{ extension, delay_seconds }` may be mixed. */
  members?: Array<string | number | RingGroupMemberSpec>;
  ring_timeout?: number;
  fallback?: RingGroupFallbackSpec;
  spam?: SpamAction;
  allow?: string[];
  block?: string[];
  answering_rules?: AnsweringRuleSpec[];
  answering_rules_managed?: AnsweringRulesManaged;
}

export interface RingGroupPlatform {
  readonly user: PlatformRecord;
  /** The default (`*`) answer rule; absent when the group has none yet. */
  readonly answerRule?: PlatformRecord;
  /** Phone numbers routed to the group's extension. */
  readonly phoneNumbers: readonly string[];
  /** Every answer rule of the group (its time-frame rules beside the default one). */
  readonly answerRules?: readonly PlatformRecord[];
}

/** Comparable member: `delay_seconds` only when the member starts ringing late. */
export type MemberContent = { extension: string; delay_seconds?: number };
/** Comparable fallback: one target, or null for none. */
export type FallbackContent = { type: FallbackType; extension: string } | null;

/** Group-record fields: YAML name → platform field. */
export const RECORD_FIELDS: ReadonlyArray<readonly [keyof RingGroupSpec, string, 'text' | 'int']> = [
  ['name', 'name-first-name', 'text'],
  ['department', 'department', 'text'],
  ['site', 'site', 'text'],
  ['ring_timeout', 'ring-no-answer-timeout-seconds', 'int'],
];
/** Fields stored in the `*` answer rule. */
export const RULE_FIELDS = new Set(['members', 'fallback', 'spam', 'allow', 'block']);

export function normalizeMembers(members: RingGroupSpec['members']): MemberContent[] {
  return (members ?? []).map((m) => {
    if (typeof m === 'string' || typeof m === 'number') return { extension: String(m).trim() };
    const out: MemberContent = { extension: String(m.extension).trim() };
    if (m.delay_seconds !== undefined) out.delay_seconds = Number(m.delay_seconds);
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

export function toComparable(spec: RingGroupSpec): Comparable {
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
  if (spec.answering_rules !== undefined)
    out.answering_rules = rulesContent(spec.answering_rules) as unknown as ComparableValue;
  return out;
}

export function feature(block: unknown): { enabled: boolean; parameters: string[] } {
  const b = block as { enabled?: unknown; parameters?: unknown } | undefined;
  const enabled = fromYesNo(b?.enabled) === true;
  return { enabled, parameters: enabled && Array.isArray(b?.parameters) ? b.parameters.map(String) : [] };
}

/** What the extensions of the domain are (bare-number fallbacks are decoded by it). */
export type TypeOfExtension = (extension: string) => FallbackType;

export function liveComparable(
  key: string,
  p: RingGroupPlatform,
  profile: SpamEncodings = {},
  typeOf: TypeOfExtension = () => 'user',
): Comparable {
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
    if (m.delaySeconds !== undefined) member.delay_seconds = m.delaySeconds;
    return member;
  });
  const forward = feature(rule?.['forward-no-answer']).parameters[0];
  let fallback: FallbackContent = forward === undefined ? null : (decodeFallback(forward, key, typeOf) ?? null);
  const mailbox = fromYesNo(u['voicemail-enabled']);
  // Forwarding to the group's own mailbox while it is switched off reaches nobody: that is no fallback.
  if (fallback?.type === 'group_voicemail' && mailbox === false) fallback = null;
  // No fallback with the mailbox on: unanswered calls go to the group's voicemail (real data, issue 12).
  if (forward === undefined && mailbox === true) fallback = { type: 'group_voicemail', extension: key };
  out.fallback = fallback ? { type: fallback.type, extension: fallback.extension } : null;
  out.spam = decodeSpam(rule?.['forward-on-spam-call'], profile);
  out.allow = normalizeNumberSet(feature(rule?.['phone-numbers-to-allow']).parameters);
  out.block = normalizeNumberSet(feature(rule?.['phone-numbers-to-reject']).parameters);
  // Not a YAML field (never compared): deleting the group strands these numbers, so plans list them.
  out.phone_numbers = [...p.phoneNumbers].sort();
  return out;
}
