/**
 * What a change does to calls, in words (design.md: "the first tool that understands phone systems —
 * what a change destroys, what it reroutes"). PURE. Lines name extensions and counts, never phone
 * numbers or names, so they are safe under --redact-pii.
 */
import type { Comparable, ComparableValue } from './kind';

const SPAM_WORDS: Record<string, string> = {
  ring: 'ring as normal',
  voicemail: 'go to voicemail',
  drop: 'are rejected',
  screen: 'must record their name first',
};

function list(v: ComparableValue | undefined): string[] {
  return Array.isArray(v) ? (v as ComparableValue[]).map(String) : [];
}

function setDelta(before: string[], after: string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

function numbers(n: number): string {
  return `${n} number${n === 1 ? '' : 's'}`;
}

/** spam / allow / block: shared by users and ring groups (both are user records with a default rule). */
export function answeringImpact(
  subject: string,
  before: Comparable,
  after: Comparable,
  changed: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  if (changed.has('spam') && typeof after.spam === 'string') {
    const was = typeof before.spam === 'string' ? ` (was: ${SPAM_WORDS[before.spam] ?? before.spam})` : '';
    out.push(`spam calls to ${subject} ${SPAM_WORDS[after.spam] ?? after.spam}${was}`);
  }
  for (const [field, verb, unverb] of [
    ['block', 'blocked', 'unblocked'],
    ['allow', 'always let through', 'no longer always let through'],
  ] as const) {
    if (!changed.has(field)) continue;
    const { added, removed } = setDelta(list(before[field]), list(after[field]));
    const special = (xs: string[]) => xs.filter((x) => x === 'anonymous' || x === 'unknown');
    const plain = (xs: string[]) => xs.filter((x) => x !== 'anonymous' && x !== 'unknown');
    const parts: string[] = [];
    for (const s of special(added)) parts.push(`${s} callers ${verb}`);
    if (plain(added).length) parts.push(`${numbers(plain(added).length)} ${verb}`);
    for (const s of special(removed)) parts.push(`${s} callers ${unverb}`);
    if (plain(removed).length) parts.push(`${numbers(plain(removed).length)} ${unverb}`);
    if (parts.length) out.push(`${subject}: ${parts.join(', ')}`);
  }
  return out;
}

/** A user's call handling: desk phone, voicemail, ring time. */
export function userImpact(
  key: string,
  before: Comparable,
  after: Comparable,
  changedFields: readonly string[],
): string[] {
  const changed = new Set(changedFields.map((f) => f.split('.')[0] as string));
  const out: string[] = [];
  if (changed.has('phone')) {
    const was = before.phone;
    const now = after.phone;
    if (now === null && was) out.push(`the desk phone of ${key} is removed: calls no longer ring it`);
    else if (now && !was) out.push(`${key} gets a desk phone`);
    else if (now && was) out.push(`the desk phone of ${key} is re-provisioned`);
  }
  if (changedFields.includes('voicemail.enabled')) {
    const vm = after.voicemail as Comparable | undefined;
    out.push(
      vm?.enabled === false
        ? `unanswered calls to ${key} no longer go to voicemail`
        : `unanswered calls to ${key} go to voicemail`,
    );
  }
  if (changed.has('ring_timeout') && typeof after.ring_timeout === 'number') {
    const was = typeof before.ring_timeout === 'number' ? ` (was ${before.ring_timeout} s)` : '';
    out.push(`calls to ${key} ring ${after.ring_timeout} s before no-answer handling${was}`);
  }
  out.push(...answeringImpact(key, before, after, changed));
  return out;
}

interface Member {
  readonly extension: string;
  readonly ring_seconds?: number;
}
interface Fallback {
  readonly type: string;
  readonly extension: string;
}

function describeMembers(v: ComparableValue | undefined): string {
  const members = (Array.isArray(v) ? v : []) as unknown as Member[];
  if (members.length === 0) return 'nobody';
  return members
    .map((m) => (m.ring_seconds === undefined ? m.extension : `${m.extension} (${m.ring_seconds} s)`))
    .join(', ');
}

function describeFallback(v: ComparableValue | undefined): string {
  const f = v as unknown as Fallback | null | undefined;
  if (!f) return 'nowhere (calls keep ringing, then drop)';
  switch (f.type) {
    case 'user':
      return `user ${f.extension}`;
    case 'voicemail':
      return `the voicemail of ${f.extension}`;
    case 'group_voicemail':
      return "the group's voicemail";
    case 'auto_attendant':
      return `auto attendant ${f.extension}`;
    case 'call_queue':
      return `call queue ${f.extension}`;
    default:
      return `${f.type} ${f.extension}`;
  }
}

/** A ring group's routing: who it rings, for how long, and where unanswered calls go. */
export function ringGroupImpact(
  key: string,
  before: Comparable,
  after: Comparable,
  changedFields: readonly string[],
): string[] {
  const changed = new Set(changedFields.map((f) => f.split('.')[0] as string));
  const out: string[] = [];
  if (changed.has('members')) {
    const b = (Array.isArray(before.members) ? before.members : []) as unknown as Member[];
    const a = (Array.isArray(after.members) ? after.members : []) as unknown as Member[];
    const { added, removed } = setDelta(
      b.map((m) => m.extension),
      a.map((m) => m.extension),
    );
    const parts = [`calls to ${key} ring ${describeMembers(after.members)} (was ${describeMembers(before.members)})`];
    if (added.length) parts.push(`starts ringing ${added.join(', ')}`);
    if (removed.length) parts.push(`stops ringing ${removed.join(', ')}`);
    out.push(parts.join('; '));
  }
  if (changed.has('ring_timeout') && typeof after.ring_timeout === 'number') {
    const was = typeof before.ring_timeout === 'number' ? ` (was ${before.ring_timeout} s)` : '';
    out.push(`${key} rings ${after.ring_timeout} s before the fallback${was}`);
  }
  if (changed.has('fallback')) {
    out.push(
      `unanswered calls to ${key} go to ${describeFallback(after.fallback)} (was ${describeFallback(before.fallback)})`,
    );
  }
  out.push(...answeringImpact(key, before, after, changed));
  return out;
}

/** The domain block list: counts only (the numbers are personal data in some plans). */
export function blockListImpact(key: string, before: Comparable, after: Comparable): string[] {
  const { added, removed } = setDelta(list(before.numbers), list(after.numbers));
  const parts: string[] = [];
  if (added.length) parts.push(`${numbers(added.length)} blocked`);
  if (removed.length) parts.push(`${numbers(removed.length)} unblocked`);
  return parts.length ? [`for every extension of ${key}: ${parts.join(', ')}`] : [];
}

/** "on 2 calls right now", from a user record's read-only `active-calls-total-current`. */
export function activeCalls(record: Readonly<Record<string, unknown>>): string | undefined {
  const n = Number(record['active-calls-total-current']);
  return Number.isFinite(n) && n > 0 ? `on ${n} call${n === 1 ? '' : 's'} right now` : undefined;
}
