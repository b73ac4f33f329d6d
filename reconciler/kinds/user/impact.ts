/**
 * What a change to a user does to calls, in words. PURE; names extensions and counts, never numbers or names.
 */
import { answeringImpact } from '../impact';
import type { Comparable } from '../kind';
import { addressImpactLine } from '../placement';
import { devicesImpact } from './devices';
import { isRecycle, recycleLines } from './recycle-modes';
import { answeringRulesImpact } from './answering-rules-impact';
import { userTimeFramesImpact } from './user-time-frames';

/** The platform's ring time when a user sets none (callflow/trace.ts says the same). */
const DEFAULT_RING_SECONDS = 25;

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
    else if (now && was && changedFields.some((f) => f.startsWith('phone') && f !== 'phone.emergency_address'))
      out.push(`the desk phone of ${key} is re-provisioned`);
    if (now && typeof now === 'object' && !Array.isArray(now)) {
      const line = addressImpactLine(`${key}'s desk phone`, (was ?? {}) as Comparable, now as Comparable);
      if (line) out.push(line);
    }
  }
  if (changed.has('phones')) out.push(...devicesImpact(key, before, after));
  if (isRecycle(before, after)) out.push(...recycleLines(key, after));
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
  if (changed.has('answering_rules')) {
    const seconds = typeof after.ring_timeout === 'number' ? after.ring_timeout : DEFAULT_RING_SECONDS;
    out.push(...answeringRulesImpact(key, before, after, seconds));
  }
  if (changed.has('time_frames')) out.push(...userTimeFramesImpact(key, before, after));
  return out;
}
