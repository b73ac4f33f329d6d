/**
 * Reads what the platform has (docs/design.md §4, second stage). Domain-wide list endpoints with limit=1000
 * where they exist; per-object reads only where the API has nothing domain-wide, under bounded concurrency.
 * Any failed read throws: a failed read is *unknown*, never "absent", so it can never turn into a create
 * or a delete.
 */
import type { DesiredObject, LiveCache, LiveObject, Loss } from '../kinds/kind';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import { domainUsers } from '../kinds/domain-reads';
import type { NetSapiensClient } from '../platform/client';
import { VOICEMAIL_FOLDERS } from '../platform/codec';
import type { PlatformProfile } from '../platform/profile';
import { mapBounded } from '../util/map-bounded';
import { compareKeys } from '../util/compare-keys';
import { PlatformApiError } from '../errors';

export interface DomainLiveState {
  readonly domain: string;
  readonly objects: ReadonlyMap<string, readonly LiveObject[]>;
  /** Every user id of the domain, system users (attendants, queues) included: reference targets. */
  readonly extensions: ReadonlySet<string>;
  /** The domain record's `time-zone` (time frames are evaluated in it), when it has one. */
  readonly timeZone?: string;
}

export interface ReadOptions {
  /** Read every per-object detail (export). */
  readonly full?: boolean;
  readonly concurrency?: number;
  readonly desired?: ReadonlyMap<string, readonly DesiredObject[]>;
  /** The kinds to read (default: the production registry). */
  readonly registry?: Registry;
  /** The domain's platform profile (default: the defaults). */
  readonly platform?: PlatformProfile;
  /** Called once with each object read, as soon as it is complete (see `ReadContext.made`). */
  readonly made?: (object: LiveObject) => void;
}

/** The domain's record; a 404/403 says which domain and why, in words. */
async function readDomain(client: NetSapiensClient, domain: string): Promise<Record<string, unknown>> {
  try {
    return await client.getDomain(domain);
  } catch (err) {
    if (err instanceof PlatformApiError && (err.status === 404 || err.status === 403)) {
      throw new PlatformApiError(
        err.status,
        err.method,
        err.path,
        `domain ${domain} does not exist or this key cannot see it (${err.platformMessage})`,
        false,
        err.requestId,
      );
    }
    throw err;
  }
}

/** A fresh memo for one domain's read (the shared reads are in kinds/domain-reads.ts). */
export function createLiveCache(): LiveCache {
  const memo = new Map<string, Promise<unknown>>();
  return {
    once<T>(name: string, load: () => Promise<T>): Promise<T> {
      let p = memo.get(name) as Promise<T> | undefined;
      if (!p) {
        p = load();
        memo.set(name, p);
      }
      return p;
    },
  };
}

export async function readLiveState(
  client: NetSapiensClient,
  domain: string,
  options: ReadOptions = {},
): Promise<DomainLiveState> {
  const cache = createLiveCache();
  // The domain record and the kinds are read at once (issue 15: the domain's read alone was one round trip
  // with every other slot idle). The domain's failure is the one reported: a missing domain fails its lists
  // too, and those answers are awaited (nothing is left in flight) but not shown.
  const domainRead = readDomain(client, domain);
  // The kinds do not depend on each other's results (shared lists are read once through the cache), so they
  // are read at once; the client's pacer bounds the requests in flight.
  const kinds = (options.registry ?? DEFAULT_REGISTRY).kinds;
  // Each object is handed over once: by its kind as it is complete, or here once its kind is read.
  const handed = new WeakSet<LiveObject>();
  const hook = options.made;
  const made =
    hook &&
    ((o: LiveObject) => {
      if (handed.has(o)) return;
      handed.add(o);
      hook(o);
    });
  const reading = Promise.allSettled(
    kinds.map(async (kind) => {
      const desired = new Map((options.desired?.get(kind.name) ?? []).map((d) => [d.key, d] as const));
      const live = await kind.read({
        client,
        domain,
        cache,
        concurrency: options.concurrency ?? 8,
        desired,
        full: options.full,
        platform: options.platform,
        made,
      });
      // Kinds that read their objects all at once hand them over here, while the others are still read.
      if (made) for (const o of live) made(o);
      return [...live].sort((a, b) => compareKeys(a.key, b.key));
    }),
  );
  const [domainResult, read] = await Promise.all([
    domainRead.then(
      (record) => ({ record }),
      (error: unknown) => ({ error }),
    ),
    reading,
  ]);
  if ('error' in domainResult) throw domainResult.error;
  const { record } = domainResult;
  const objects = new Map<string, readonly LiveObject[]>();
  // The first failure in registry order, so the same failure gives the same error whatever finished first.
  for (const [i, r] of read.entries()) {
    if (r.status === 'rejected') throw r.reason;
    objects.set((kinds[i] as (typeof kinds)[number]).name, r.value);
  }
  const extensions = new Set((await domainUsers({ client, domain, cache })).map((u) => String(u.user)));
  const zone = record['time-zone'];
  return { domain, objects, extensions, ...(typeof zone === 'string' && zone !== '' ? { timeZone: zone } : {}) };
}

/**
 * What deleting or recycling these extensions would lose (docs/design.md §1 Reset/Recycle): voicemail messages,
 * greetings, personal contacts. Read only for the extensions a plan would destroy.
 */
export async function readLosses(
  client: NetSapiensClient,
  domain: string,
  extensions: readonly string[],
  concurrency = 8,
): Promise<Map<string, Loss[]>> {
  const out = new Map<string, Loss[]>();
  await mapBounded(extensions, concurrency, async (ext) => {
    // The spec's folders are new, save and trash (an unknown folder is a 404 on the platform).
    const [inbox, saved, greetings, contacts, rules] = await Promise.all([
      client.countVoicemails(domain, ext, VOICEMAIL_FOLDERS.unheard),
      client.countVoicemails(domain, ext, VOICEMAIL_FOLDERS.saved),
      client.countGreetings(domain, ext),
      client.countUserContacts(domain, ext),
      client.listAnswerRules(domain, ext),
    ]);
    const losses: Loss[] = [];
    // The inbox holds the messages nobody has listened to yet: the ones a delete loses unheard.
    if (inbox + saved > 0)
      losses.push({
        what: 'voicemail messages',
        count: inbox + saved,
        ...(inbox > 0 ? { detail: [`${inbox} unheard`] } : {}),
      });
    if (greetings > 0) losses.push({ what: 'voicemail greetings', count: greetings });
    if (contacts > 0) losses.push({ what: 'personal contacts', count: contacts });
    if (rules.length > 0)
      losses.push({
        what: 'answer rules',
        count: rules.length,
        detail: rules.map((r) => String(r['time-frame'] ?? '?')),
      });
    out.set(ext, losses);
  });
  return out;
}
