// The emulator's state: loading, seeding, atomic persistence, and the replication-lag overlay that
// lets a 202-accepted write stay invisible to reads for a while.

import { noteEdit } from './record-index';
import fs from 'node:fs';
import path from 'node:path';
import {
  defaultAnswerrule,
  defaultAudio,
  defaultContact,
  defaultDevice,
  defaultDomain,
  defaultPhonenumber,
  defaultUser,
  nowIso,
  userAliases,
} from './record-defaults';
import { bindMac, defaultPhone, normalizeMac, phoneByMac } from './mac-records';
import { readSeed } from './seed-files';
import { defaultSite, ensureSite } from './site-records';
import type { DomainSeed, DomainState, EmulatorSeed, EmulatorState, JsonRecord } from './types';

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function emptyDomainState(name: string, domain: JsonRecord = {}): DomainState {
  return {
    domain: defaultDomain(name, domain),
    users: [],
    devices: [],
    answerrules: [],
    contacts: [],
    user_contacts: {},
    number_filters: [],
    phonenumbers: [],
    phones: [],
    timeframes: [],
    sites: [],
    addresses: [],
    voicemails: {},
    greetings: {},
    emails_sent: [],
  };
}

function requireString(value: unknown, what: string): string {
  if (value === undefined || value === null || value === '') throw new Error(`seed: ${what} is required`);
  return String(value);
}

/** Seed → full state: the same defaults as records created through the API. */
export function stateFromSeed(seed: EmulatorSeed): EmulatorState {
  const now = nowIso();
  const state: EmulatorState = { version: 1, domains: {} };
  for (const [name, domainSeed] of Object.entries(seed.domains ?? {})) {
    const s: DomainSeed = domainSeed ?? {};
    const d = emptyDomainState(name, s.domain ?? {});
    for (const u of s.users ?? []) {
      const user = requireString(u.user, `domains.${name}.users[].user`);
      // Seeds describe existing platform state, so read-only fields (account-status …) may be set.
      d.users.push({ ...defaultUser(d.domain, user, {}, now), ...userAliases(u), user, domain: name });
    }
    for (const dev of s.devices ?? []) {
      const device = requireString(dev.device, `domains.${name}.devices[].device`);
      const user = requireString(dev.user, `domains.${name}.devices[${device}].user`);
      d.devices.push({ ...defaultDevice(name, user, device, {}), ...dev, device, user, domain: name });
    }
    const orders = new Map<string, number>();
    for (const rule of s.answerrules ?? []) {
      const user = requireString(rule.user, `domains.${name}.answerrules[].user`);
      const record = defaultAnswerrule(name, user, rule);
      if (record.order === undefined) {
        const next = (orders.get(user) ?? 0) + 1;
        orders.set(user, next);
        record.order = record['time-frame'] === '*' ? 99 : next;
      }
      d.answerrules.push(record);
    }
    d.contacts = (s.contacts ?? []).map((c) => defaultContact(c, now));
    for (const [user, contacts] of Object.entries(s.user_contacts ?? {})) {
      d.user_contacts[user] = (contacts ?? []).map((c) => defaultContact(c, now));
    }
    d.number_filters = (s.number_filters ?? []).map(String);
    d.phonenumbers = (s.phonenumbers ?? []).map((p) => {
      requireString(p.phonenumber, `domains.${name}.phonenumbers[].phonenumber`);
      return defaultPhonenumber(name, { ...p, phonenumber: String(p.phonenumber) });
    });
    seedPhones(d, s);
    d.timeframes = (s.timeframes ?? []).map((t) => ({ ...t }));
    // Call queues, agents and attendants as given (their users are seeded as users: `system-queue`, `system-aa`).
    if (s.callqueues) d.callqueues = s.callqueues.map((q) => ({ ...q, callqueue: String(q.callqueue), domain: name }));
    if (s.agents) d.agents = s.agents.map((a) => ({ ...a, callqueue: String(a.callqueue), domain: name }));
    if (s.autoattendants)
      d.autoattendants = s.autoattendants.map((a) => ({ 'time-frame': '*', ...a, user: String(a.user) }));
    seedLocations(d, s);
    seedVoicemails(d, s, name, now);
    for (const [user, files] of Object.entries(s.greetings ?? {})) {
      d.greetings[user] = (files ?? []).map((f, i) =>
        defaultAudio(
          { filename: `greeting-${f.index ?? i + 1}.wav`, ...f, 'ordinal-order': f.index ?? i + 1 },
          i + 1,
          now,
        ),
      );
    }
    d.emails_sent = [...(s.emails_sent ?? [])];
    state.domains[name] = d;
  }
  return state;
}

/** Sites (the seed's own, and every site a seeded user is at: user create makes them) and addresses. */
function seedLocations(d: DomainState, s: DomainSeed): void {
  d.sites = (s.sites ?? []).map((site) => defaultSite(d, requireString(site.site, 'sites[].site'), site));
  for (const u of d.users) ensureSite(d, u.site);
  d.addresses = (s.addresses ?? []).map((a) => ({ user: '*', domain: d.domain.domain, ...a }));
}

/** MAC records: the seed's own, plus one for every seeded device with a MAC (as device create writes). */
function seedPhones(d: DomainState, s: DomainSeed): void {
  d.phones = (s.phones ?? []).map((p) => defaultPhone(String(d.domain.domain), p));
  for (const dev of d.devices) {
    const mac = normalizeMac(dev['device-provisioning-mac-address']);
    if (mac && !phoneByMac(d, mac)) {
      bindMac(d, mac, String(dev.device), dev['device-models-model'], dev['device-provisioning-line']);
    }
  }
}

/** Older seeds name the folders `inbox` and `saved`; the spec's names are `new`, `save`, `trash`. */
const FOLDER_ALIASES: Readonly<Record<string, string>> = { inbox: 'new', saved: 'save' };
const FOLDERS = ['new', 'save', 'trash'];

function seedVoicemails(d: DomainState, s: DomainSeed, name: string, now: string): void {
  for (const [user, folders] of Object.entries(s.voicemails ?? {})) {
    d.voicemails[user] = {};
    for (const [given, files] of Object.entries(folders ?? {})) {
      const folder = FOLDER_ALIASES[given] ?? given;
      if (!FOLDERS.includes(folder)) {
        throw new Error(`seed: domains.${name}.voicemails.${user}.${given}: unknown folder (use new, save or trash)`);
      }
      d.voicemails[user][folder] ??= [];
      const list = d.voicemails[user][folder];
      list.push(...(files ?? []).map((f, i) => defaultAudio(f, list.length + i + 1, now)));
    }
  }
}

/** Fill collections a hand-written or older state file lacks. */
function normaliseState(raw: unknown, file: string): EmulatorState {
  if (!raw || typeof raw !== 'object' || !('domains' in raw)) throw new Error(`${file} is not an emulator state file`);
  const state = raw as EmulatorState;
  state.version = 1;
  for (const [name, d] of Object.entries(state.domains)) {
    state.domains[name] = { ...emptyDomainState(name), ...d };
  }
  return state;
}

// ---- change tracking (replication lag, last-modified bumps) ----------------------------------

type Collection =
  | 'domain'
  | 'users'
  | 'devices'
  | 'answerrules'
  | 'contacts'
  | 'user_contacts'
  | 'phonenumbers'
  | 'phones'
  | 'timeframes'
  | 'sites'
  | 'addresses'
  | 'number_filters';
const ARRAY_COLLECTIONS: ReadonlyArray<{ name: Collection; id: (r: JsonRecord) => string }> = [
  { name: 'users', id: (r) => String(r.user) },
  { name: 'devices', id: (r) => String(r.device) },
  { name: 'answerrules', id: (r) => `${r.user}\u0000${r['time-frame']}` },
  { name: 'contacts', id: (r) => String(r['unique-id']) },
  { name: 'phonenumbers', id: (r) => String(r.phonenumber) },
  { name: 'phones', id: (r) => String(r['device-provisioning-mac-address']) },
  { name: 'timeframes', id: (r) => String(r['timeframe-id']) },
  { name: 'sites', id: (r) => String(r.site) },
  { name: 'addresses', id: (r) => String(r['emergency-address-id']) },
];

interface Entry {
  readonly json: string;
  readonly value: unknown;
}

/** Every addressable object of a domain, keyed `collection\u0001id`. */
function indexDomain(d: DomainState): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const put = (key: string, value: unknown) => out.set(key, { json: JSON.stringify(value), value });
  put('domain\u0001', d.domain);
  put('number_filters\u0001', d.number_filters);
  for (const { name, id } of ARRAY_COLLECTIONS)
    for (const r of (d[name] as JsonRecord[] | undefined) ?? []) put(`${name}\u0001${id(r)}`, r);
  for (const [user, contacts] of Object.entries(d.user_contacts)) {
    for (const c of contacts) put(`user_contacts\u0001${user}\u0000${c['unique-id']}`, c);
  }
  return out;
}

export interface ChangedObject {
  readonly key: string;
  readonly before: unknown;
  readonly after: unknown;
}

function diffIndexes(before: Map<string, Entry>, after: Map<string, Entry>): ChangedObject[] {
  const changes: ChangedObject[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    // `before` is re-parsed: handlers edit records in place, so b.value may already be the new version.
    if (!a || a.json !== b.json) changes.push({ key, before: JSON.parse(b.json), after: a?.value });
  }
  for (const [key, a] of after) if (!before.has(key)) changes.push({ key, before: undefined, after: a.value });
  return changes;
}

interface Overlay {
  until: number;
  /** The version reads keep seeing; undefined = the object does not exist yet. */
  readonly before: unknown;
}

export class StateStore {
  private overlays = new Map<string, Map<string, Overlay>>();
  private current: EmulatorState;
  private changes = 0;

  constructor(
    state: EmulatorState,
    private readonly statePath?: string,
  ) {
    this.current = state;
  }

  get state(): EmulatorState {
    return this.current;
  }

  set state(state: EmulatorState) {
    this.current = state;
    this.changes++;
  }

  /**
   * Moves on whenever the state may change (a write request, an out-of-band edit, a replaced state): an
   * answer computed at one generation is the answer at any later read of the same generation.
   */
  get generation(): number {
    return this.changes;
  }

  /** A write is about to run. */
  touch(): void {
    this.changes++;
  }

  /** Some write is hidden from readers for a while (replication lag): reads depend on the clock. */
  hasOverlays(): boolean {
    return this.overlays.size > 0;
  }

  /** Load `statePath` if it exists, else build from the seed (and write it when a path is given). */
  static open(statePath?: string, seed?: EmulatorSeed | string): StateStore {
    if (statePath && fs.existsSync(statePath)) {
      const raw: unknown = JSON.parse(fs.readFileSync(statePath, 'utf8'));
      return new StateStore(normaliseState(raw, statePath), statePath);
    }
    const seedObject = typeof seed === 'string' ? readSeed(seed) : seed;
    const store = new StateStore(stateFromSeed(seedObject ?? {}), statePath);
    store.persist();
    return store;
  }

  /** Write the state atomically (tmp file + rename) so a crash never leaves half a file. */
  persist(): void {
    if (!this.statePath) return;
    fs.mkdirSync(path.dirname(path.resolve(this.statePath)), { recursive: true });
    const tmp = `${this.statePath}.${process.pid}.tmp`;
    // Compact: rewritten on every mutation, so size matters more than looks (GET /__emulator/state reads it nicely).
    fs.writeFileSync(tmp, JSON.stringify(this.state));
    fs.renameSync(tmp, this.statePath);
  }

  domain(name: string): DomainState | undefined {
    return Object.hasOwn(this.state.domains, name) ? this.state.domains[name] : undefined;
  }

  snapshotDomain(name: string): Map<string, Entry> | undefined {
    const d = this.domain(name);
    return d ? indexDomain(d) : undefined;
  }

  /** Hide what changed in a domain since `before` from reads for `delayMs` (geo-replication lag). */
  hideChanges(name: string, before: Map<string, Entry>, delayMs: number): void {
    const d = this.domain(name);
    if (!d || delayMs <= 0) return;
    const until = Date.now() + delayMs;
    let overlays = this.overlays.get(name);
    if (!overlays) {
      overlays = new Map();
      this.overlays.set(name, overlays);
    }
    for (const change of diffIndexes(before, indexDomain(d))) {
      const existing = overlays.get(change.key);
      // An older pending overlay already holds the version readers see; only extend it.
      if (existing && existing.until > Date.now()) existing.until = Math.max(existing.until, until);
      else overlays.set(change.key, { until, before: change.before });
    }
  }

  /** The domain as readers see it: real state with pending overlays applied. */
  visibleDomain(name: string): DomainState | undefined {
    const d = this.domain(name);
    const overlays = this.overlays.get(name);
    if (!d || !overlays) return d;
    const now = Date.now();
    for (const [key, o] of overlays) if (o.until <= now) overlays.delete(key);
    if (overlays.size === 0) {
      this.overlays.delete(name);
      return d;
    }
    const view: DomainState = { ...d, user_contacts: { ...d.user_contacts } };
    for (const [key, o] of overlays) {
      const [collection, id] = key.split('\u0001') as [Collection, string];
      if (collection === 'domain') view.domain = o.before as JsonRecord;
      else if (collection === 'number_filters') view.number_filters = (o.before as string[]) ?? [];
      else if (collection === 'user_contacts') {
        const [user, uid] = id.split('\u0000');
        view.user_contacts[user] = replaceById(
          view.user_contacts[user] ?? [],
          (r) => String(r['unique-id']),
          uid,
          o.before,
        );
      } else {
        const spec = ARRAY_COLLECTIONS.find((c) => c.name === collection);
        if (spec)
          (view as unknown as Record<string, JsonRecord[]>)[collection] = replaceById(
            view[collection as 'users'],
            spec.id,
            id,
            o.before,
          );
      }
    }
    return view;
  }

  /**
   * Out-of-band edit (tests): run `fn` on the live state, stamp `last-modified-datetime` on every
   * changed record that has one, and persist.
   */
  mutate(fn: (s: EmulatorState) => void): void {
    const before = new Map(Object.entries(this.state.domains).map(([n, d]) => [n, indexDomain(d)]));
    this.touch();
    fn(this.state);
    noteEdit();
    this.touch();
    const now = nowIso();
    for (const [name, d] of Object.entries(this.state.domains)) {
      const old = before.get(name);
      if (!old) continue;
      for (const change of diffIndexes(old, indexDomain(d))) {
        const after = change.after as JsonRecord | undefined;
        const prev = change.before as JsonRecord | undefined;
        if (!after || typeof after !== 'object' || Array.isArray(after) || !('last-modified-datetime' in after))
          continue;
        if (prev && prev['last-modified-datetime'] !== after['last-modified-datetime']) continue;
        after['last-modified-datetime'] = now;
      }
    }
    this.persist();
  }
}

function replaceById(list: JsonRecord[], idOf: (r: JsonRecord) => string, id: string, before: unknown): JsonRecord[] {
  const out = list.slice();
  const at = out.findIndex((r) => idOf(r) === id);
  if (before === undefined) {
    if (at >= 0) out.splice(at, 1);
  } else if (at >= 0) out[at] = before as JsonRecord;
  else out.push(before as JsonRecord);
  return out;
}
