/**
 * The `user` kind's reads: people (user records that are not system users) with their desk phone, the
 * phone numbers routed to them, and — only where needed — their default answer rule.
 */
import { isSystemUser, phoneDeviceName } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { mapBounded } from '../../util/map-bounded';
import { type LiveObject, profileOf, type ReadContext } from '../kind';
import { str } from '../normalize';
import { numbersByDestination } from '../phone-number-refs';
import { answerRules, domainDevices, domainPhoneNumbers, domainUsers } from '../shared-reads';
import { addressNames } from '../placement';
import { withAddressName } from './placement';
import { liveComparableWithRules, type UserPlatform } from './spec';

/** Owner extension → its desk phone (the device named after the extension). */
function desksByOwner(devices: readonly PlatformRecord[]): Map<string, PlatformRecord> {
  const out = new Map<string, PlatformRecord>();
  for (const d of devices) {
    const owner = str(d.user);
    if (str(d.device) === phoneDeviceName(owner)) out.set(owner, d);
  }
  return out;
}

/**
 * Answer rules have no domain-wide endpoint: they are read per user, only where the file manages
 * spam/allow/block (or everything, for export), under bounded concurrency.
 */
function needsRules(ctx: ReadContext, ext: string): boolean {
  if (ctx.full) return true;
  const d = ctx.desired?.get(ext);
  return d !== undefined && ['spam', 'allow', 'block'].some((f) => d.comparable[f] !== undefined);
}

async function readPeople(
  ctx: ReadContext,
  people: readonly PlatformRecord[],
  deviceOf: ReadonlyMap<string, PlatformRecord>,
): Promise<LiveObject<UserPlatform>[]> {
  const numbersOf = numbersByDestination(await domainPhoneNumbers(ctx));
  const names = await addressNames(ctx);
  return mapBounded(people, ctx.concurrency, async (u) => {
    const key = str(u.user);
    const rulesRead = needsRules(ctx, key);
    const answerRule = rulesRead ? (await answerRules(ctx, key)).find((r) => str(r['time-frame']) === '*') : undefined;
    const platform: UserPlatform = {
      user: u,
      device: deviceOf.get(key),
      answerRule,
      phoneNumbers: numbersOf.get(key) ?? [],
    };
    const live: LiveObject<UserPlatform> = {
      kind: 'user',
      domain: ctx.domain,
      key,
      comparable: withAddressName(liveComparableWithRules(key, platform, rulesRead, profileOf(ctx)), names),
      platform,
      lastModified: str(u['last-modified-datetime']) || undefined,
    };
    return live;
  });
}

export async function readUsers(ctx: ReadContext): Promise<LiveObject<UserPlatform>[]> {
  const [users, devices] = await Promise.all([domainUsers(ctx), domainDevices(ctx)]);
  return readPeople(
    ctx,
    users.filter((u) => !isSystemUser(u)),
    desksByOwner(devices),
  );
}

export async function readUser(ctx: ReadContext, key: string): Promise<LiveObject<UserPlatform> | undefined> {
  const u = await ctx.client.getUser(ctx.domain, key);
  if (!u || isSystemUser(u)) return undefined;
  const devices = await ctx.client.listUserDevices(ctx.domain, key, { checked: true });
  return (await readPeople(ctx, [u], desksByOwner(devices)))[0];
}
