/**
 * What a change to a ring group does to calls, in words. PURE; names extensions and counts, never numbers or names.
 */
import { answeringImpact, setDelta } from '../impact';
import type { Comparable, ComparableValue } from '../kind';
import { answeringRulesImpact } from '../user/answering-rules-impact';

interface Member {
  readonly extension: string;
  readonly delay_seconds?: number;
}
interface Fallback {
  readonly type: string;
  readonly extension: string;
}

function describeMembers(v: ComparableValue | undefined): string {
  const members = (Array.isArray(v) ? v : []) as unknown as Member[];
  if (members.length === 0) return 'nobody';
  return members
    .map((m) => (m.delay_seconds === undefined ? m.extension : `${m.extension} (after ${m.delay_seconds} s)`))
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
  if (changed.has('answering_rules')) {
    const seconds = typeof after.ring_timeout === 'number' ? after.ring_timeout : 25;
    out.push(...answeringRulesImpact(key, before, after, seconds));
  }
  return out;
}
