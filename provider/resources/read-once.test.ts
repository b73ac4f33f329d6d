/**
 * Reads once (issue 15): the refresh of every resource of one Terraform run shares the process's reads —
 * the domain-wide lists and the kinds' shared reads (the emergency addresses every user read names) are
 * read once, a write drops them all, and the primed single-object reads answer from per-domain indexes
 * exactly what the platform's single reads answer. In-process against the strict emulator.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import type { CtyObject } from '../cty';
import { resolveProviderConfig } from '../framework';
import { configureNetsapiens, type NetsapiensContext } from './context';
import { resources } from './index';
import { DEFAULT_REGISTRY, type LiveObject } from '../../reconciler';

const D = 'once.example.com';
const USERS = ['1001', '1002', '1003', '1004'];
let emu: RunningEmulator;
const contexts: NetsapiensContext[] = [];

beforeAll(async () => {
  const users = USERS.map((u, i) => ({
    user: u,
    'name-first-name': `First${i}`,
    'name-last-name': 'Last',
    'email-address': `u${u}@once.example.com`,
    // Two users name an emergency address: the id reads back as the address's name (placement.ts).
    ...(i < 2 ? { 'emergency-address-id': 'hq-main' } : {}),
  }));
  // A number routed to each of the first three users, and one left in the inventory.
  const phonenumbers = [
    ...USERS.slice(0, 3).map((u, i) => ({
      phonenumber: `1212555010${i}`,
      'dial-rule-application': 'to-user',
      'dial-rule-translation-destination-user': u,
    })),
    { phonenumber: '12125550199', 'dial-rule-application': 'available-number' },
  ];
  const addresses = [
    {
      'emergency-address-id': 'hq-main',
      'address-name': 'HQ',
      'caller-name': 'Once Inc',
      'address-line-1': '1 Main St',
      'address-city': 'New York',
      'address-state-province-abbreviation': 'NY',
      'address-postal-code': '10001',
      'address-country-abbreviation': 'US',
    },
  ];
  const devices = USERS.map((u, i) => ({
    device: u,
    user: u,
    'device-models-model': 'yealink-t54w',
    'device-provisioning-mac-address': `0004f2aa00${String(i).padStart(2, '0')}`,
  }));
  emu = await startEmulator({
    seed: { domains: { [D]: { domain: { description: 'once' }, users, devices, phonenumbers, addresses } } },
  });
});
afterAll(async () => {
  for (const c of contexts) await c.client.close();
  await emu?.close();
});

function context(): NetsapiensContext {
  const block: CtyObject = { api_url: null, api_key: null, protect: null, platform: null };
  const ctx = configureNetsapiens(
    resolveProviderConfig(block, { NS_API_URL: emu.url, NS_API_KEY: DEFAULT_API_KEY }, '1.11.4'),
  );
  contexts.push(ctx);
  return ctx;
}

const userResource = () => {
  const r = resources.find((x) => x.typeName === 'netsapiens_user');
  if (!r) throw new Error('no netsapiens_user resource');
  return r;
};

function state(ext: string): CtyObject {
  const out: Record<string, CtyObject[string]> = {};
  for (const name of Object.keys(userResource().schema.attributes ?? {})) out[name] = null;
  return { ...out, id: `${D}/${ext}`, domain: D, extension: ext };
}

const refresh = (ctx: NetsapiensContext, ext: string) =>
  userResource().read({ client: ctx, signal: new AbortController().signal, state: state(ext) });

/** GET paths since the last reset, the domain prefix left out. */
const gets = () =>
  emu.requests
    .list()
    .filter((r) => r.method === 'GET')
    .map((r) => r.path.split('?')[0]?.replace(`/domains/${D}`, '') ?? '');

describe('ReadOnceClient', () => {
  it('reads the shared lists once for all the refreshes of a run (addresses included)', async () => {
    const ctx = context();
    emu.requests.reset();
    const states = await Promise.all(USERS.map((u) => refresh(ctx, u)));
    expect(states.map((s) => s?.extension)).toEqual(USERS);
    const paths = gets();
    expect(paths.filter((p) => p === '/addresses')).toHaveLength(1);
    expect(paths.filter((p) => p === '/addresses/count')).toHaveLength(1);
    expect(paths.filter((p) => p === '/users')).toHaveLength(1);
    expect(paths.filter((p) => p === '/devices')).toHaveLength(1);
    // Nothing more is read for a second refresh of the same users.
    emu.requests.reset();
    await Promise.all(USERS.map((u) => refresh(ctx, u)));
    expect(gets()).toEqual([]);
  });

  it("asks for the domain-wide lists with a refresh's first read, not one after another behind it", async () => {
    const ctx = context();
    emu.requests.reset();
    expect((await refresh(ctx, '1001'))?.extension).toBe('1001');
    const paths = gets();
    // The user's devices are read only once the user is known (a missing user's devices answer 404); the
    // numbers and addresses went out with the user's own read, so they are in before the devices are asked.
    const devices = paths.indexOf('/users/1001/devices');
    expect(devices).toBeGreaterThan(-1);
    expect(paths.indexOf('/phonenumbers')).toBeGreaterThan(-1);
    expect(paths.indexOf('/phonenumbers')).toBeLessThan(devices);
    expect(paths.indexOf('/addresses')).toBeLessThan(devices);
  });

  it("asks for a primed refresh's devices list together with the users' list, not behind it", async () => {
    const ctx = context();
    const c = ctx.client;
    c.noteRefresh(D);
    c.noteRefresh(D); // primed: the next refresh reads the domain-wide lists
    let usersIn = false;
    let devicesAskedWhileUsersOut: boolean | undefined;
    const listUsers = c.listUsers.bind(c);
    const listDomainDevices = c.listDomainDevices.bind(c);
    c.listUsers = (domain, o) => {
      const p = listUsers(domain, o);
      void p.then(() => {
        usersIn = true;
      });
      return p;
    };
    c.listDomainDevices = (domain, o) => {
      devicesAskedWhileUsersOut ??= !usersIn;
      return listDomainDevices(domain, o);
    };
    emu.requests.reset();
    expect((await refresh(ctx, '1003'))?.extension).toBe('1003');
    expect(devicesAskedWhileUsersOut).toBe(true);
    const paths = gets();
    expect(paths.filter((p) => p === '/users')).toHaveLength(1);
    expect(paths.filter((p) => p === '/devices')).toHaveLength(1);
  });

  it('answers a primed refresh (lists, indexes) exactly as the single reads do', async () => {
    const single = context();
    const fromSingle = [];
    for (const u of USERS) {
      single.client.invalidate(); // never primed: every refresh takes the single-object reads
      fromSingle.push(await refresh(single, u));
    }
    const primed = context();
    await refresh(primed, '1001');
    await refresh(primed, '1002');
    emu.requests.reset();
    const fromLists = await Promise.all(USERS.map((u) => refresh(primed, u)));
    expect(gets().some((p) => /^\/users\/\d+$/.test(p))).toBe(false);
    expect(fromLists).toEqual(fromSingle);
    expect(await refresh(primed, '1999')).toBeNull();
  });

  it('reads again after a write, and never keeps a failed read', async () => {
    const ctx = context();
    await Promise.all(USERS.map((u) => refresh(ctx, u)));
    ctx.client.invalidate();
    emu.requests.reset();
    await Promise.all(USERS.map((u) => refresh(ctx, u)));
    expect(gets().filter((p) => p === '/addresses')).toHaveLength(1);

    const shared = ctx.client.liveCache(D);
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('read failed'));
    };
    await expect(shared.once('probe', failing)).rejects.toThrow('read failed');
    await expect(shared.once('probe', failing)).rejects.toThrow('read failed');
    expect(calls).toBe(2);
  });
});

describe('refresh (ReadResource)', () => {
  it("builds the state's desired object once: the read's, passed on to the state merge (stateFor)", async () => {
    const kind = DEFAULT_REGISTRY.get('user');
    if (!kind) throw new Error('no user kind');
    const ctx = context();
    await refresh(ctx, '1001');
    await refresh(ctx, '1002');
    const spy = vi.spyOn(kind, 'toComparable');
    try {
      const got = await refresh(ctx, '1003');
      expect(got?.extension).toBe('1003');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

/** The user kind's read of one user as a refresh makes it (from-kind.ts), for what the state leaves out. */
async function liveUser(ctx: NetsapiensContext, ext: string): Promise<LiveObject | undefined> {
  const kind = DEFAULT_REGISTRY.get('user');
  if (!kind) throw new Error('no user kind');
  ctx.client.noteRefresh(D);
  return kind.readOne(
    {
      client: ctx.client,
      platform: ctx.platform,
      domain: D,
      cache: ctx.client.liveCache(D),
      concurrency: 4,
      desired: new Map(),
      full: false,
    },
    ext,
  );
}

const numbersOf = (live: LiveObject | undefined) => live?.comparable.phone_numbers;

describe('ReadOnceClient: the indexes built from the shared lists', () => {
  it('gives each user its routed numbers and its address name, primed or not, the lists read once', async () => {
    const ctx = context();
    emu.requests.reset();
    const first = await liveUser(ctx, '1001'); // not primed: single-object reads
    const rest = await Promise.all(USERS.slice(1).map((u) => liveUser(ctx, u)));
    expect([first, ...rest].map(numbersOf)).toEqual([['12125550100'], ['12125550101'], ['12125550102'], []]);
    expect([first, ...rest].map((l) => l?.comparable.emergency_address)).toEqual(['HQ', 'HQ', '', '']);
    expect((await refresh(ctx, '1002'))?.emergency_address).toBe('HQ');
    const paths = gets();
    expect(paths.filter((p) => p === '/phonenumbers')).toHaveLength(1);
    expect(paths.filter((p) => p === '/addresses')).toHaveLength(1);
  });

  it('sees the platform as it is after a write: a number re-routed and a user changed out of band', async () => {
    const ctx = context();
    await Promise.all(USERS.map((u) => liveUser(ctx, u)));
    expect(numbersOf(await liveUser(ctx, '1004'))).toEqual([]);
    // Changed on the platform after the lists were read ...
    emu.mutate((s) => {
      const domain = s.domains[D];
      const n = domain?.phonenumbers?.find((x) => x.phonenumber === '12125550101');
      if (n) n['dial-rule-translation-destination-user'] = '1004';
      const u = domain?.users?.find((x) => x.user === '1003');
      if (u) u['name-first-name'] = 'Renamed';
    });
    // ... then a write of this process (any write drops every memo and every index built from them).
    await ctx.client.call('PUT', `/domains/${D}/users/1001`, { body: { 'name-first-name': 'Written' } });
    const after = await Promise.all(USERS.map((u) => liveUser(ctx, u)));
    expect(after.map(numbersOf)).toEqual([['12125550100'], [], ['12125550102'], ['12125550101']]);
    expect(after.map((l) => l?.comparable.first_name)).toEqual(['Written', 'First1', 'Renamed', 'First3']);
  });

  it('a failed list read fails the refresh (unknown, never absent), and is read again next time', async () => {
    const ctx = context();
    await liveUser(ctx, '1001');
    await liveUser(ctx, '1002');
    ctx.client.invalidate(); // as after a write: the numbers are read again by the next refresh
    ctx.client.noteRefresh(D); // primed: users and devices come from the lists
    const fault = emu.faults.add({ method: 'GET', path: `/domains/${D}/phonenumbers`, status: 403 });
    try {
      await expect(liveUser(ctx, '1003')).rejects.toThrow();
      await expect(refresh(ctx, '1003')).rejects.toThrow();
    } finally {
      emu.faults.remove(fault);
    }
    expect(numbersOf(await liveUser(ctx, '1003'))).toEqual(['12125550102']);
    expect((await refresh(ctx, '1003'))?.extension).toBe('1003');
  });
});
