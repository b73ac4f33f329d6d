/**
 * The `user` kind's reads: people (user records that are not system users) with their devices, the
 * phone numbers routed to them, and — only where needed — their default answer rule.
 */
import { isSystemUser, phoneDeviceName } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { mapBounded } from '../../util/map-bounded';
import { type Comparable, type LiveObject, profileOf, type ReadContext } from '../kind';
import { str } from '../normalize';
import { domainNumbersByDestination } from '../phone-number-refs';
import { answerRules, domainDevices, domainUserPages, domainUsers, domainUsersFirstPage } from '../domain-reads';
import { assertMacsFree, type StopSignal } from './mac-conflicts';
import { isPlainRule, listedScope } from './answering-rules';
import { liveRules, OWN_DEVICES } from './answering-rules-codec';
import { addressNames } from '../placement';
import { withAddressName } from './placement';
import { liveComparableWithRules, type UserPlatform } from './spec';
import { liveUserTimeFrames } from './user-time-frames';
import { listUserTimeframes } from '../../platform/user-timeframes';

/** Owner extension → its devices. */
function devicesByOwner(devices: readonly PlatformRecord[]): Map<string, PlatformRecord[]> {
  const out = new Map<string, PlatformRecord[]>();
  for (const d of devices) {
    const owner = str(d.user);
    const list = out.get(owner);
    if (list) list.push(d);
    else out.set(owner, [d]);
  }
  return out;
}

/** The desk phone: the device named after the extension. */
function deskOf(owner: string, devices: readonly PlatformRecord[] | undefined): PlatformRecord | undefined {
  return devices?.find((d) => str(d.device) === phoneDeviceName(owner));
}

/**
 * Answer rules have no domain-wide endpoint: they are read per user, only where the file manages
 * spam/allow/block (or everything, for export), under bounded concurrency.
 */
function needsRules(ctx: ReadContext, ext: string): boolean {
  if (ctx.full) return true;
  const d = ctx.desired?.get(ext);
  return d !== undefined && RULE_FIELDS.some((f) => d.comparable[f] !== undefined);
}
const RULE_FIELDS = ['spam', 'allow', 'block', 'answering_rules'];

/** Every user id of the domain, as a set: built once per read, not once per user. */
function userKeys(ctx: ReadContext): Promise<ReadonlySet<string>> {
  return ctx.cache.once('users:keys', async () => new Set((await domainUsers(ctx)).map((u) => str(u.user))));
}

/** The live `answering_rules` when the file manages them (or on a full read), else undefined. */
export async function answeringRulesOf(
  ctx: ReadContext,
  key: string,
  records: readonly PlatformRecord[],
  ring: readonly string[],
): Promise<Comparable[string] | undefined> {
  const d = ctx.desired?.get(key);
  if (!ctx.full && d?.comparable.answering_rules === undefined) return undefined;
  const known = await userKeys(ctx);
  const scope = d?.comparable.answering_rules === undefined ? undefined : listedScope(d.comparable, d.spec);
  return liveRules(records, scope, ring, (ext) => known.has(ext), isPlainRule) as unknown as Comparable[string];
}

/**
 * A user's own time frames are read where the file lists them, or where its answering rules may name one
 * (the check that every named time frame exists looks there), and on a full read.
 */
function framesRead(ctx: ReadContext, key: string): boolean {
  const d = ctx.desired?.get(key);
  return ctx.full || (d !== undefined && (d.comparable.time_frames ?? d.comparable.answering_rules) !== undefined);
}

/** Compared where the file lists them; on a full read (export) only for a user who has some. */
function timeFramesCompared(ctx: ReadContext, key: string, records: readonly PlatformRecord[] | undefined): boolean {
  if (!records) return false;
  return ctx.full ? records.length > 0 : ctx.desired?.get(key)?.comparable.time_frames !== undefined;
}

async function readPeople(
  ctx: ReadContext,
  people: readonly PlatformRecord[],
  devicesOf: ReadonlyMap<string, readonly PlatformRecord[]>,
): Promise<LiveObject<UserPlatform>[]> {
  // Two domain-wide lists, read together (one after the other cost a round trip more before the first user).
  const [numbersOf, names] = await Promise.all([domainNumbersByDestination(ctx), addressNames(ctx)]);
  return mapBounded(people, ctx.concurrency, async (u) => {
    const key = str(u.user);
    const rulesRead = needsRules(ctx, key);
    const rules = rulesRead ? await answerRules(ctx, key) : undefined;
    const timeFrames = framesRead(ctx, key) ? await listUserTimeframes(ctx.client, ctx.domain, key) : undefined;
    const answerRule = rules?.find((r) => str(r['time-frame']) === '*');
    const platform: UserPlatform = {
      user: u,
      device: deskOf(key, devicesOf.get(key)),
      devices: devicesOf.get(key) ?? [],
      answerRule,
      phoneNumbers: numbersOf.get(key) ?? [],
      ...(rules ? { answerRules: rules } : {}),
      ...(timeFrames ? { timeFrames } : {}),
    };
    const comparable = liveComparableWithRules(key, platform, rulesRead, profileOf(ctx));
    const answering = rules ? await answeringRulesOf(ctx, key, rules, [OWN_DEVICES]) : undefined;
    const live: LiveObject<UserPlatform> = {
      kind: 'user',
      domain: ctx.domain,
      key,
      comparable: withAddressName(
        {
          ...comparable,
          ...(answering === undefined ? {} : { answering_rules: answering }),
          // On a full read (export) only a user who has time frames gets the field.
          ...(timeFramesCompared(ctx, key, timeFrames) ? { time_frames: liveUserTimeFrames(timeFrames ?? []) } : {}),
        },
        names,
      ),
      platform,
      lastModified: str(u['last-modified-datetime']) || undefined,
    };
    ctx.made?.(live);
    return live;
  });
}

/**
 * The people's answer rules are read as each page of the users' list arrives (issue 15: before, they waited
 * for the whole list — 11 pages one after another at 10,000 users — its count, the devices, numbers and
 * addresses), through the memo `readPeople` reads them from: the same requests, begun sooner, by
 * `ctx.concurrency` workers in page order. The first failure ends it (`readPeople` meets and reports it), as
 * does `stop` (the plan's read failed).
 */
async function prefetchRules(ctx: ReadContext, stop: StopSignal): Promise<void> {
  const keys: string[] = [];
  const queued = new Set<string>();
  let next = 0;
  let failed = false;
  let listEnded = false;
  let waiting: Array<() => void> = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const r of w) r();
  };
  const pages = await domainUserPages(ctx);
  const ended = pages.follow((page) => {
    for (const u of page) {
      const key = str(u.user);
      if (queued.has(key) || isSystemUser(u) || !needsRules(ctx, key)) continue;
      queued.add(key);
      keys.push(key);
    }
    wake();
  });
  void ended.then(() => {
    listEnded = true;
    wake();
  });
  const worker = async (): Promise<void> => {
    while (!failed && !stop.stopped) {
      if (next < keys.length) {
        const key = keys[next++] as string;
        await answerRules(ctx, key).catch(() => {
          failed = true;
        });
      } else if (listEnded) return;
      else await new Promise<void>((r) => waiting.push(r));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, ctx.concurrency) }, worker));
}

export async function readUsers(ctx: ReadContext): Promise<LiveObject<UserPlatform>[]> {
  const stop = { stopped: false };
  // The users' list goes out first, and the domain's other long lists (devices, MAC records: megabytes at
  // 1,000 users) only once its first page is in: the client parses that page alone, and the per-user reads
  // begin while the long lists are read and parsed (issue 15).
  const early = prefetchRules(ctx, stop);
  const firstPage = domainUsersFirstPage(ctx);
  const devicesRead = firstPage.then(() => domainDevices(ctx));
  // A MAC the file gives a device must not be bound to another one: refused now, not as a 409 mid-apply.
  // Its reads overlap the answer rules' (they need the file alone); a refusal still fails the read.
  const macsChecked = firstPage.then(() => assertMacsFree(ctx, devicesRead, stop));
  macsChecked.catch(() => {}); // awaited below
  try {
    const [users, devices] = await Promise.all([domainUsers(ctx), devicesRead]);
    const [, people] = await Promise.all([
      macsChecked,
      readPeople(
        ctx,
        users.filter((u) => !isSystemUser(u)),
        devicesByOwner(devices),
      ),
    ]);
    await early;
    return people;
  } catch (err) {
    // Nothing more is asked for, and nothing is left in flight when the failure is reported.
    stop.stopped = true;
    await Promise.allSettled([macsChecked, early]);
    throw err;
  }
}

export async function readUser(ctx: ReadContext, key: string): Promise<LiveObject<UserPlatform> | undefined> {
  // The domain-wide lists this read needs go out with the user's own read (issue 15): the provider's first
  // refresh of a plan read the user, its devices, the numbers and the addresses one after another, and every
  // other refresh of the plan waited for them. They are memoised in the read's cache, so readPeople meets the
  // same requests and reports their failure. The devices wait for the user: of a user who is not there, the
  // platform answers 404.
  const lists = Promise.all([domainNumbersByDestination(ctx), addressNames(ctx)]);
  lists.catch(() => {});
  const u = await ctx.client.getUser(ctx.domain, key);
  if (!u || isSystemUser(u)) return undefined;
  const devices = await ctx.client.listUserDevices(ctx.domain, key, { checked: true });
  return (await readPeople(ctx, [u], devicesByOwner(devices)))[0];
}
