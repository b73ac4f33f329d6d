/**
 * Reads once (issue 15): one provider process serves a whole Terraform graph walk (refresh + plan of every
 * resource), so the domain-wide lists are read once per process and every resource's refresh takes its
 * object from them, plus only the per-object reads the kind needs (a user's answer rules).
 *
 * The rules:
 *  - The first refresh of a domain uses the kinds' single-object reads (`Kind.readOne` → GET of one user);
 *    from the second one on, the domain is "primed": a user or its devices come from the domain-wide
 *    lists (users, devices), each read once. A configuration with one user never lists the domain.
 *  - Domain-wide lists (phone numbers, contacts, the block list) and a user's answer rules are memoised.
 *  - The kinds' shared reads (kinds/domain-reads.ts: the `LiveCache` of a read, e.g. the domain's emergency
 *    addresses every user read names) are memoised per domain too: `liveCache(domain)` is the cache every
 *    resource read of the process gets, not a fresh one per resource (which re-read the addresses list and
 *    its `/count` for every user: 3 requests per user instead of 1). The indexes the kinds build from those
 *    lists (numbers by destination, address names, users by extension) live in the same memo, so they are
 *    built once per process rather than once per refresh (O(n) each: O(n²) over a plan), and go with it.
 *  - Any write (POST/PUT/PATCH/DELETE, seen through the client's write observer) drops every memo and
 *    un-primes every domain, so read-backs after a write go to the platform again.
 *  - A failed read is never memoised (the next caller tries again, and the failure stays a failure).
 *  - Pacing is the client's own (PBXCTL_RATE / PBXCTL_CONCURRENCY ceilings, read from the environment).
 */
import { type LiveCache, NetSapiensClient, type PlatformRecord } from '../../reconciler/provider-api';

type ClientOptions = ConstructorParameters<typeof NetSapiensClient>[0];

export class ReadOnceClient extends NetSapiensClient {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly refreshes = new Map<string, number>();
  private generation = 0;

  constructor(options: ClientOptions) {
    super(options);
    const drop = () => this.invalidate();
    this.observeWrites({
      intent: () => {
        drop();
        return 0;
      },
      outcome: drop,
    });
  }

  /** A resource refresh of `domain` is about to read (the second one primes the domain). */
  noteRefresh(domain: string): void {
    this.refreshes.set(domain, (this.refreshes.get(domain) ?? 0) + 1);
  }

  /** Forgets every memoised read (after a write). */
  invalidate(): void {
    this.memo.clear();
    this.refreshes.clear();
    this.generation++;
  }

  /**
   * The kinds' shared-read cache for reads of `domain` (same rules as the memo above: dropped on a write,
   * a failed read is not kept).
   */
  liveCache(domain: string): LiveCache {
    return { once: (name, load) => this.once(`cache\0${domain}\0${name}`, load) };
  }

  private primed(domain: string): boolean {
    return (this.refreshes.get(domain) ?? 0) >= 2;
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.memo.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const generation = this.generation;
    const p = load();
    this.memo.set(key, p);
    p.catch(() => {
      if (this.memo.get(key) === p) this.memo.delete(key);
    });
    // A read that started before a write must not be served after it.
    p.then(
      () => {
        if (this.generation !== generation && this.memo.get(key) === p) this.memo.delete(key);
      },
      () => undefined,
    );
    return p;
  }

  override listUsers(domain: string, o: { checked?: boolean } = {}): Promise<PlatformRecord[]> {
    return this.once(`users\0${domain}`, () => super.listUsers(domain, o));
  }
  override async getUser(domain: string, user: string): Promise<PlatformRecord | undefined> {
    if (!this.primed(domain)) return super.getUser(domain, user);
    // A user's read asks for its devices next (listUserDevices). Primed, they come from the domain's devices
    // list, which does not depend on the user: it goes out with the users' list, not a round trip behind it
    // (a failure is not kept: listUserDevices asks again and reports it).
    this.listDomainDevices(domain).catch(() => {});
    const byUser = await this.once(`users-by-id\0${domain}`, async () => {
      // The first record of each id, as `find` over the list gave (a scan per refresh: O(n²) over a plan).
      const index = new Map<string, PlatformRecord>();
      for (const u of await this.listUsers(domain)) if (!index.has(String(u.user))) index.set(String(u.user), u);
      return index;
    });
    return byUser.get(user);
  }
  override listDomainDevices(domain: string, o: { checked?: boolean } = {}): Promise<PlatformRecord[]> {
    return this.once(`devices\0${domain}`, () => super.listDomainDevices(domain, o));
  }
  override async listUserDevices(
    domain: string,
    user: string,
    o: { checked?: boolean } = {},
  ): Promise<PlatformRecord[]> {
    if (!this.primed(domain)) return super.listUserDevices(domain, user, o);
    const byOwner = await this.once(`devices-by-owner\0${domain}`, async () => {
      // Each owner's devices in list order, as `filter` over the list gave.
      const index = new Map<string, PlatformRecord[]>();
      for (const d of await this.listDomainDevices(domain)) {
        const owner = String(d.user);
        const list = index.get(owner);
        if (list) list.push(d);
        else index.set(owner, [d]);
      }
      return index;
    });
    // A copy: callers own the array they get (filter gave a fresh one).
    return [...(byOwner.get(user) ?? [])];
  }
  override listPhoneNumbers(domain: string, o: { checked?: boolean } = {}): Promise<PlatformRecord[]> {
    return this.once(`numbers\0${domain}`, () => super.listPhoneNumbers(domain, o));
  }
  override listContacts(domain: string): Promise<PlatformRecord[]> {
    return this.once(`contacts\0${domain}`, () => super.listContacts(domain));
  }
  override getNumberFilters(domain: string): Promise<PlatformRecord[]> {
    return this.once(`filters\0${domain}`, () => super.getNumberFilters(domain));
  }
  override listAnswerRules(domain: string, user: string, o: { checked?: boolean } = {}): Promise<PlatformRecord[]> {
    return this.once(`rules\0${domain}\0${user}`, () => super.listAnswerRules(domain, user, o));
  }
}
