/**
 * The `time_frame` kind: a domain (shared) time frame (`/domains/{d}/timeframes`, docs/reference/netsapiens-api.md
 * "Time-frames"), keyed by name — answering rules refer to time frames by name. Four types: always, days
 * of week with hours, specific date ranges, holidays. The server's `timeframe-id` rides in the platform
 * record for PUT/DELETE; it is never compared or exported. The time zone is the domain's (the record has
 * none). Per-user time frames (`/users/{u}/timeframes`) are a field of the user: kinds/user/user-time-frames.ts.
 */
import type { PlatformRecord } from '../../platform/client';
import {
  absent,
  type ApplyContext,
  type ChangeTarget,
  type Kind,
  type LiveObject,
  type ReadContext,
  SUPPORTED,
} from '../kind';
import { str } from '../normalize';
import { apiType, liveTimeFrameComparable, platformEntries, type TimeFrameSpec, timeFrameComparable } from './codec';
import { TIME_FRAME_FIELDS, type TimeFrameType, WEEKDAYS, type Weekday } from './fields';
import { timeFrameImpact } from './impact';

export type { TimeFrameSpec } from './codec';

export interface TimeFramePlatform {
  readonly record: PlatformRecord;
  /** `timeframe-id`, the `{id}` of PUT/DELETE. */
  readonly id: string;
}

async function readTimeFrames(ctx: ReadContext): Promise<LiveObject<TimeFramePlatform>[]> {
  const records = await ctx.client.listTimeframes(ctx.domain);
  return records.map((r) => ({
    kind: 'time_frame',
    domain: ctx.domain,
    key: str(r['timeframe-name']),
    comparable: liveTimeFrameComparable(r),
    platform: { record: r, id: str(r['timeframe-id']) },
  }));
}

type Target = ChangeTarget<TimeFrameSpec, TimeFramePlatform>;

async function createTimeFrame(ctx: ApplyContext, target: Target): Promise<void> {
  const c = target.desired!.comparable;
  await ctx.client.createTimeframe(ctx.domain, {
    'timeframe-name': str(c.name),
    'timeframe-type': apiType(c.type),
    ...platformEntries(c),
  });
}

/**
 * A type change is the API's "Convert Timeframe to Another Type" (`{type}`: the entries go), then the
 * entries of the new type; otherwise the "Replace All …" PUT of the type's array. Days of week have no
 * documented "replace all" PUT; the custom type's (same array) is used (UNCONFIRMED, 2026-12-01).
 */
async function updateTimeFrame(ctx: ApplyContext, target: Target): Promise<void> {
  const live = target.live!;
  const c = target.desired!.comparable;
  const type = c.type ?? live.comparable.type;
  if (target.changedFields.includes('type')) {
    await ctx.client.updateTimeframe(ctx.domain, live.platform.id, { type: apiType(type) });
  }
  const entries = platformEntries({ ...live.comparable, ...c, type });
  if (Object.keys(entries).length > 0) await ctx.client.updateTimeframe(ctx.domain, live.platform.id, entries);
}

async function deleteTimeFrame(ctx: ApplyContext, target: Target): Promise<void> {
  await ctx.client.deleteTimeframe(ctx.domain, target.live!.platform.id);
}

function exportTimeFrame(live: LiveObject<TimeFramePlatform>): TimeFrameSpec {
  const c = live.comparable;
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

export const timeFrameKind: Kind<TimeFrameSpec, TimeFramePlatform> = {
  name: 'time_frame',
  section: 'time_frames',
  shape: 'list',
  title: 'Time frame',
  description:
    'A domain-wide time frame (always, days of week with hours, date ranges, holidays) that answering rules use by name.',
  fields: TIME_FRAME_FIELDS,
  // Before the answering rules of users and ring groups that name it; deleted after them.
  order: 5,
  identity: { keyField: 'name', keyIsPii: false, ownsExtension: false },
  capabilities: {
    create: SUPPORTED,
    update: SUPPORTED,
    delete: SUPPORTED,
    prune: SUPPORTED,
    recycle: absent('a time frame is identified by its name: another name is another time frame'),
  },
  key: (spec) => spec.name.trim(),
  label: (key, content) => (content?.type ? `${key} (${str(content.type).replace(/_/g, ' ')})` : key),
  toComparable: (spec) => timeFrameComparable(spec),
  references: () => [],
  impact: timeFrameImpact,

  read: readTimeFrames,
  // The single-object GET is declared with an empty schema; the list is the documented record shape.
  readOne: async (ctx, key) => (await readTimeFrames(ctx)).find((o) => o.key === key),
  export: exportTimeFrame,

  create: createTimeFrame,
  update: updateTimeFrame,
  delete: deleteTimeFrame,
};
