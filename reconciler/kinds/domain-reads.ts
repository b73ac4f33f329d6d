/**
 * Domain-wide reads more than one kind needs (users and ring groups are both user records), memoised in
 * the read's `LiveCache` under a name each. A kind that needs a shared read calls it from here; the cache
 * itself knows nothing about any kind.
 */
import type { PlatformRecord } from '../platform/client';
import { listAddresses } from '../platform/locations';
import type { ReadContext } from './kind';

type Ctx = Pick<ReadContext, 'client' | 'domain' | 'cache'>;

/**
 * The users' first page is this small (later pages are full): the per-user reads begin once it is in, after
 * ~170 KB rather than 1.7 MB at 1,000 users (issue 15), and up to 1,100 users it is still two list requests.
 */
export const USERS_FIRST_PAGE = 100;

/**
 * The users' pages as they arrive, before the list is known to be whole (issue 15: the per-user reads of a
 * page begin when that page is in, not after the whole list — 10,000 users are 11 pages read one after
 * another). A page may be seen again when the read is repeated after a `/count` disagreed. Until
 * `domainUsers` resolves, nothing may be concluded from a page: its users are only candidates.
 */
export class UserPages {
  private readonly pages: (readonly PlatformRecord[])[] = [];
  private readonly followers: Array<(records: readonly PlatformRecord[]) => void> = [];
  private finished = false;
  private readonly ended: Promise<void>;
  private end: () => void = () => {};

  constructor() {
    this.ended = new Promise<void>((r) => (this.end = r));
  }

  push(records: readonly PlatformRecord[]): void {
    if (this.finished) return;
    this.pages.push(records);
    for (const f of this.followers) f(records);
  }

  finish(): void {
    this.finished = true;
    this.end();
  }

  /** `see` gets every page so far, then each later one; resolves when the list read has ended (either way). */
  follow(see: (records: readonly PlatformRecord[]) => void): Promise<void> {
    for (const p of this.pages) see(p);
    if (!this.finished) this.followers.push(see);
    return this.ended;
  }
}

/** Every user record of the domain, system users (attendants, queues, ring groups) included. */
export function domainUsers(ctx: Ctx): Promise<PlatformRecord[]> {
  return ctx.cache.once('users', () => {
    const pages = new UserPages();
    void ctx.cache.once('users:pages', async () => pages);
    const all = ctx.client.listUsers(ctx.domain, {
      onPage: (records) => pages.push(records),
      firstPageSize: USERS_FIRST_PAGE,
    });
    // A read that fails has no more pages (its failure is `domainUsers`'s to report).
    all.then(
      () => pages.finish(),
      () => pages.finish(),
    );
    return all;
  });
}

/** The users' pages as they arrive (see `UserPages`); starts the users' read if it has not begun. */
export function domainUserPages(ctx: Ctx): Promise<UserPages> {
  void domainUsers(ctx).catch(() => {});
  return ctx.cache.once('users:pages', async () => {
    const none = new UserPages(); // not reached: `domainUsers` files its pages first
    none.finish();
    return none;
  });
}

/**
 * The first page of the domain's users, as soon as it arrives (before the list is known to be whole): for
 * reads that may start early (issue 15). Never rejects: `[]` when the read failed first. The first page's
 * users are users of the domain only once `domainUsers` resolves; until then, nothing may be concluded.
 */
export async function domainUsersFirstPage(ctx: Ctx): Promise<readonly PlatformRecord[]> {
  const pages = await domainUserPages(ctx);
  return new Promise((resolve) => {
    void pages.follow(resolve).then(() => resolve([]));
  });
}

export function domainDevices(ctx: Ctx): Promise<PlatformRecord[]> {
  return ctx.cache.once('devices', () => ctx.client.listDomainDevices(ctx.domain));
}

export function domainPhoneNumbers(ctx: Ctx): Promise<PlatformRecord[]> {
  return ctx.cache.once('phonenumbers', () => ctx.client.listPhoneNumbers(ctx.domain));
}

/**
 * An empty list is cross-checked with the rules' `/count` (a `200 []` would hide the rules and plan creates
 * over them); a non-empty one is taken as read — one request per user, the plan's floor (issue 15).
 */
export function answerRules(ctx: Ctx, user: string): Promise<PlatformRecord[]> {
  return ctx.cache.once(`answerrules:${user}`, () =>
    ctx.client.listAnswerRules(ctx.domain, user, { checked: 'empty' }),
  );
}

/**
 * The domain's emergency addresses: the address kind's records, and the id ↔ name map users and sites
 * are read and written through (they store the `emergency-address-id`, the files name the address).
 */
export function domainAddresses(ctx: Ctx): Promise<PlatformRecord[]> {
  return ctx.cache.once('addresses', () => listAddresses(ctx.client, ctx.domain));
}
