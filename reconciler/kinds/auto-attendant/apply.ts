/**
 * The `auto_attendant` kind's writes. Create is one call (the platform makes the attendant's user, dial plan
 * and menu: docs/reference/netsapiens-api.md §13); update PUTs the name and the menu; a new time frame is a
 * new menu (PUT cannot move one: its body has no `time-frame`), so the old one is deleted first.
 */
import { createAutoAttendant, deleteAutoAttendant, updateAutoAttendant } from '../../platform/callcenter';
import { DID_UNASSIGNED } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { type ApplyContext, type ChangeTarget, type Comparable, profileOf } from '../kind';
import { str } from '../normalize';
import { ALWAYS, type AutoAttendantPlatform, type AutoAttendantSpec, tierBody } from './spec';

type Target = ChangeTarget<AutoAttendantSpec, AutoAttendantPlatform>;

function createBody(ctx: ApplyContext, key: string, c: Comparable): PlatformRecord {
  return {
    'attendant-name': str(c.name),
    user: key,
    'time-frame': str(c.time_frame) || ALWAYS,
    'auto-attendant': tierBody(c, undefined, profileOf(ctx).attendantGreetingField),
  };
}

export async function createAttendant(ctx: ApplyContext, target: Target): Promise<void> {
  const desired = target.desired!;
  await createAutoAttendant(ctx.client, ctx.domain, createBody(ctx, desired.key, desired.comparable));
}

export async function updateAttendant(ctx: ApplyContext, target: Target): Promise<void> {
  const live = target.live!;
  const merged = { ...live.comparable, ...target.desired!.comparable };
  const prompt = str(live.platform.record['starting-prompt']);
  const top = new Set(target.changedFields.map((f) => f.split('.')[0] as string));
  if (top.has('time_frame')) {
    await deleteAutoAttendant(ctx.client, ctx.domain, target.key, prompt);
    await createAutoAttendant(ctx.client, ctx.domain, createBody(ctx, target.key, merged));
    return;
  }
  const existing = live.platform.record['auto-attendant'] as PlatformRecord | undefined;
  await updateAutoAttendant(ctx.client, ctx.domain, target.key, prompt, {
    'attendant-name': str(merged.name),
    'auto-attendant': tierBody(merged, existing, profileOf(ctx).attendantGreetingField),
  });
}

/** Every menu of the extension, the numbers routed to it (released to inventory), then its user. */
export async function deleteAttendant(ctx: ApplyContext, target: Target): Promise<void> {
  const live = target.live!;
  for (const prompt of live.platform.prompts) await deleteAutoAttendant(ctx.client, ctx.domain, live.key, prompt);
  for (const number of live.platform.phoneNumbers)
    await ctx.client.updatePhoneNumber(ctx.domain, number, { ...DID_UNASSIGNED });
  if (await ctx.client.getUser(ctx.domain, live.key)) await ctx.client.deleteUser(ctx.domain, live.key);
}
