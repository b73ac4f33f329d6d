/**
 * Answering rules name time frames: each must be a time frame in the files or on the platform (the
 * platform answers a rule for an unknown time frame with 404 half-way through an apply). PURE.
 */
import type { DomainDesiredState } from '../desired/load-desired-state';
import { DesiredStateError, type DesiredStateIssue } from '../errors';
import type { DomainLiveState } from '../live/read-live-state';
import type { ComparableValue } from '../kinds/kind';

interface RuleLike {
  readonly time_frame?: unknown;
}

export function assertRuleTimeFramesExist(desired: DomainDesiredState, live: DomainLiveState): void {
  const known = new Set(
    [...(desired.objects.get('time_frame') ?? []), ...(live.objects.get('time_frame') ?? [])].map((t) => t.key),
  );
  const issues: DesiredStateIssue[] = [];
  for (const kind of ['user', 'ring_group']) {
    for (const d of desired.objects.get(kind) ?? []) {
      const rules = d.comparable.answering_rules;
      if (!Array.isArray(rules)) continue;
      const own = kind === 'user' ? userFrames(d.comparable.time_frames, live, d.key) : new Set<string>();
      (rules as readonly RuleLike[]).forEach((r, i) => {
        const frame = String(r.time_frame ?? '');
        if (frame === '*' || known.has(frame) || own.has(frame)) return;
        issues.push({
          position: d.source,
          path: `${d.path ?? d.key}.answering_rules[${i}].time_frame`,
          message: `time frame "${frame}" is not in the files or on ${desired.domain}${kind === 'user' ? `, for ${d.key} or the domain` : ''}`,
          hint: `add it under time_frames:${kind === 'user' ? " (the domain's, or this user's own)" : ''}, or use the name of an existing time frame ("*" for the default rule)`,
        });
      });
    }
  }
  if (issues.length) throw new DesiredStateError(issues);
}

/** The names of a user's own time frames: the file's list when it has one, else the platform's (as read). */
function userFrames(listed: ComparableValue | undefined, live: DomainLiveState, key: string): Set<string> {
  if (Array.isArray(listed))
    return new Set((listed as unknown as Array<{ name?: unknown }>).map((t) => String(t.name)));
  const user = (live.objects.get('user') ?? []).find((o) => o.key === key);
  const records = (user?.platform as { timeFrames?: ReadonlyArray<Record<string, unknown>> } | undefined)?.timeFrames;
  return new Set((records ?? []).map((r) => String(r['timeframe-name'])));
}
