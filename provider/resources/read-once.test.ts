/**
 * Reads once (issue 15): the refresh of every resource of one Terraform run shares the process's reads —
 * the domain-wide lists and the kinds' shared reads (the emergency addresses every user read names) are
 * read once, a write drops them all, and the primed single-object reads answer from per-domain indexes
 * exactly what the platform's single reads answer. In-process against the strict emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import type { CtyObject } from '../cty';
import { resolveProviderConfig } from '../framework';
import { configureNetsapiens, type NetsapiensContext } from './context';
import { resources } from './index';

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
  }));
  const devices = USERS.map((u, i) => ({
    device: u,
    user: u,
    'device-models-model': 'yealink-t54w',
    'device-provisioning-mac-address': `0004f2aa00${String(i).padStart(2, '0')}`,
  }));
  emu = await startEmulator({ seed: { domains: { [D]: { domain: { description: 'once' }, users, devices } } } });
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
