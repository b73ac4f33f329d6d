/**
 * A user's own time frames (`users[].time_frames`, `/domains/{d}/users/{u}/timeframes`, OAS45
 * "Timeframes/User"): the same shapes as the domain `time_frames` kind (kinds/time-frame), named by the
 * user's answering rules. A user's own time frame of a name comes before the domain's of that name.
 *
 * When an entry lists `time_frames:` the list is managed whole: the user's time frames not listed are
 * deleted (after the rules are written, so no rule is left naming a deleted time frame). Without the field
 * they are neither read nor touched. Apply order within the user: time frames created/updated, then the
 * answering rules, then the time frames no longer listed deleted.
 */
import type { PlatformRecord } from '../../platform/client';
import {
  createUserTimeframe,
  deleteUserTimeframe,
  listUserTimeframes,
  updateUserTimeframe,
} from '../../platform/user-timeframes';
import type { ApplyContext, Comparable, ComparableValue, FieldSpec } from '../kind';
import { str } from '../normalize';
import {
  apiType,
  liveTimeFrameComparable,
  platformEntries,
  type TimeFrameSpec,
  timeFrameComparable,
} from '../time-frame/codec';
import { timeFrameImpact } from '../time-frame/impact';
import { TIME_FRAME_FIELDS, type TimeFrameType, WEEKDAYS, type Weekday } from '../time-frame/fields';

/** The `time_frames` field of a user: the domain kind's fields, one entry per time frame. */
export const USER_TIME_FRAMES_FIELD: FieldSpec = {
  name: 'time_frames',
  type: 'object-list',
  class: 'routing',
  description:
    "The user's own time frames (same shapes as time_frames), which this user's answering rules may name; a user's time frame comes before the domain's of the same name. Listed: managed whole (the user's time frames not listed are deleted).",
  fields: TIME_FRAME_FIELDS.map(({ forceNew: _forceNew, ...f }) => f),
};

const byName = (a: Comparable, b: Comparable) => str(a.name).localeCompare(str(b.name));

/** The field each type carries; the others are left out of the comparable form (both sides alike). */
const TYPE_FIELD: Readonly<Record<string, string>> = {
  days_of_week: 'days_of_week',
  specific_dates: 'dates',
  holidays: 'holidays',
};

function lean(c: Comparable): Comparable {
  const field = TYPE_FIELD[str(c.type)];
  const out: Record<string, ComparableValue> = { name: c.name ?? null, type: c.type ?? null };
  if (field) out[field] = c[field] ?? (field === 'days_of_week' ? {} : []);
  return out;
}

/** Comparable form of the listed time frames: each normalised, sorted by name (the platform has no order). */
export function userTimeFramesContent(specs: readonly TimeFrameSpec[]): ComparableValue {
  return specs.map((t) => lean(timeFrameComparable(t))).sort(byName) as unknown as ComparableValue;
}

/** Comparable form of the user's time frame records. */
export function liveUserTimeFrames(records: readonly PlatformRecord[]): ComparableValue {
  return records.map((r) => lean(liveTimeFrameComparable(r))).sort(byName) as unknown as ComparableValue;
}

export function timeFramesOf(v: ComparableValue | undefined): Comparable[] {
  return Array.isArray(v) ? (v as unknown as Comparable[]) : [];
}

/** Export: the YAML entry of one comparable time frame. */
export function userTimeFrameSpec(c: Comparable): TimeFrameSpec {
  const spec: TimeFrameSpec = { name: str(c.name), type: str(c.type) as TimeFrameType };
  if (c.type === 'days_of_week') {
    const days = (c.days_of_week ?? {}) as Record<string, string>;
    spec.days_of_week = Object.fromEntries(WEEKDAYS.filter((d) => days[d]).map((d) => [d, days[d]])) as Partial<
      Record<Weekday, string>
    >;
  }
  if (c.type === 'specific_dates') spec.dates = (c.dates as unknown as TimeFrameSpec['dates']) ?? [];
  if (c.type === 'holidays') spec.holidays = (c.holidays as unknown as TimeFrameSpec['holidays']) ?? [];
  return structuredClone(spec);
}

const same = (a: Comparable, b: Comparable) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates and updates the listed time frames (before the rules are written). Returns the records of the
 * time frames the list no longer names, for `deleteUnlistedTimeFrames` once the rules are written.
 */
export async function writeUserTimeFrames(
  ctx: ApplyContext,
  user: string,
  wanted: readonly Comparable[],
): Promise<PlatformRecord[]> {
  const { client, domain } = ctx;
  const records = await listUserTimeframes(client, domain, user);
  const byKey = new Map(records.map((r) => [str(r['timeframe-name']), r]));
  for (const c of wanted) {
    const record = byKey.get(str(c.name));
    if (!record) {
      const body = { 'timeframe-name': str(c.name), 'timeframe-type': apiType(c.type), ...platformEntries(c) };
      await createUserTimeframe(client, domain, user, body);
      continue;
    }
    const live = lean(liveTimeFrameComparable(record));
    if (same(live, c)) continue;
    const id = str(record['timeframe-id']);
    // A type change converts the time frame (its entries go), then the new type's entries are written.
    if (live.type !== c.type) await updateUserTimeframe(client, domain, user, id, { type: apiType(c.type) });
    const entries = platformEntries(c);
    if (Object.keys(entries).length > 0) await updateUserTimeframe(client, domain, user, id, entries);
  }
  const names = new Set(wanted.map((c) => str(c.name)));
  return records.filter((r) => !names.has(str(r['timeframe-name'])));
}

export async function deleteUnlistedTimeFrames(
  ctx: ApplyContext,
  user: string,
  stale: readonly PlatformRecord[],
): Promise<void> {
  for (const r of stale) await deleteUserTimeframe(ctx.client, ctx.domain, user, str(r['timeframe-id']));
}

/** What a change to a user's own time frames does, in words (created, changed hours/dates, deleted). */
export function userTimeFramesImpact(key: string, before: Comparable, after: Comparable): string[] {
  if (after.time_frames === undefined) return [];
  const was = new Map(timeFramesOf(before.time_frames).map((t) => [str(t.name), t] as const));
  const now = timeFramesOf(after.time_frames);
  const out: string[] = [];
  for (const t of now) {
    const name = str(t.name);
    const old = was.get(name);
    if (!old) out.push(`${key} gets its own time frame "${name}" (${str(t.type).replace(/_/g, ' ')})`);
    else if (!same(old, t)) {
      const changed = Object.keys({ ...old, ...t }).filter((f) => JSON.stringify(old[f]) !== JSON.stringify(t[f]));
      out.push(...timeFrameImpact(name, old, t, changed).map((line) => `${key}: ${line}`));
    }
  }
  for (const name of was.keys())
    if (!now.some((t) => str(t.name) === name)) out.push(`the own time frame "${name}" of ${key} is deleted`);
  return out;
}
