// Serialised answers of the domain-wide lists, reused while the state cannot have changed (issue 15: a
// page of 1,000 users or the domain's devices is megabytes of JSON; rebuilding and encoding it for every
// read was most of the emulator's CPU in a large plan). Only for reads whose answer is a function of the
// stored state alone: not the answer rules (`is-active` follows the clock), not `/version` (the time).
// Everything around the handler — auth, faults, logging, routing — runs for a cached answer as for any.

import type { StateStore } from './state-store';

/** GET templates whose answer depends on the state and the query only. */
const CACHEABLE: ReadonlySet<string> = new Set([
  '/domains/{domain}',
  '/domains/{domain}/users',
  '/domains/{domain}/users/count',
  '/domains/{domain}/devices',
  '/domains/{domain}/devices/count',
  '/domains/{domain}/phones',
  '/domains/{domain}/contacts',
  '/domains/{domain}/contacts/count',
  '/domains/{domain}/phonenumbers',
  '/domains/{domain}/phonenumbers/count',
  '/domains/{domain}/sites',
  '/domains/{domain}/sites/count',
  '/domains/{domain}/addresses',
  '/domains/{domain}/addresses/count',
  '/domains/{domain}/callqueues',
  '/domains/{domain}/autoattendants',
  '/domains/{domain}/timeframes',
  '/domains/{domain}/number-filters',
]);

interface Cached {
  readonly generation: number;
  readonly status: number;
  readonly json: Buffer;
}

/** Bounded: the lists a client reads are few; a scan of many distinct queries just starts over. */
const MAX_ENTRIES = 256;

export class ResponseCache {
  private entries = new Map<string, Cached>();

  constructor(private readonly store: StateStore) {}

  /**
   * The key of a read whose answer can be reused, or undefined: not a cacheable template, a body sent with
   * the read, or a write being hidden from readers (its end depends on the clock, not on a write).
   */
  keyFor(method: string, template: string, pathAndQuery: string, hasBody: boolean): string | undefined {
    if (method !== 'GET' || hasBody || !CACHEABLE.has(template) || this.store.hasOverlays()) return undefined;
    return pathAndQuery;
  }

  get(key: string): Cached | undefined {
    const hit = this.entries.get(key);
    return hit && hit.generation === this.store.generation ? hit : undefined;
  }

  /** Keeps a 200 answer computed at the current generation. */
  set(key: string, status: number, json: Buffer): void {
    if (status !== 200) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { generation: this.store.generation, status, json });
  }

  static isCacheable(template: string): boolean {
    return CACHEABLE.has(template);
  }
}
