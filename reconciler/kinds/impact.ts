/**
 * Impact wording shared by several kinds (each kind's own wording is in its folder: `<kind>/impact.ts`):
 * what a change does to calls, in words. PURE. Lines name extensions and counts, never phone
 * numbers or names, so they are safe under --redact-pii.
 */
import type { Comparable, ComparableValue } from './kind';

const SPAM_WORDS: Record<string, string> = {
  ring: 'ring as normal',
  voicemail: 'go to voicemail',
  drop: 'are rejected',
  screen: 'must record their name first',
};

export function list(v: ComparableValue | undefined): string[] {
  return Array.isArray(v) ? (v as ComparableValue[]).map(String) : [];
}

export function setDelta(before: string[], after: string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

export function numbers(n: number): string {
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
    const known = typeof before.spam === 'string' && SPAM_WORDS[before.spam] !== undefined;
    const was =
      typeof before.spam !== 'string'
        ? ''
        : known
          ? ` (was: ${SPAM_WORDS[before.spam]})`
          : ` (replaces "${before.spam}", a spam setting pbxctl does not recognise — run pbxctl doctor)`;
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

/** "on 2 calls right now", from a user record's read-only `active-calls-total-current`. */
export function activeCalls(record: Readonly<Record<string, unknown>>): string | undefined {
  const n = Number(record['active-calls-total-current']);
  return Number.isFinite(n) && n > 0 ? `on ${n} call${n === 1 ? '' : 's'} right now` : undefined;
}
