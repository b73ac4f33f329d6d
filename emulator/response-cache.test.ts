// The serialised-answer cache of the domain-wide lists (response-cache.ts): reused only while nothing can
// have changed the state, never in place of auth, faults or the request log.
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from './index';
import { ResponseCache } from './response-cache';
import { StateStore } from './state-store';
import { DOMAIN, call, newUser, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;
const names = (list: Array<{ user: string }>) => list.map((u) => u.user);

describe('ResponseCache', () => {
  it('keys only cacheable reads, and forgets an answer when the state may have changed', () => {
    const store = StateStore.open(undefined, richSeed());
    const cache = new ResponseCache(store);
    expect(cache.keyFor('GET', '/domains/{domain}/users', '/x?limit=5', false)).toBe('/x?limit=5');
    // The answer rules' `is-active` follows the clock, /version carries the time, a write is a write.
    expect(cache.keyFor('GET', '/domains/{domain}/users/{user}/answerrules', '/x', false)).toBeUndefined();
    expect(cache.keyFor('GET', '/version', '/version', false)).toBeUndefined();
    expect(cache.keyFor('POST', '/domains/{domain}/users', '/x', false)).toBeUndefined();
    expect(cache.keyFor('GET', '/domains/{domain}/users', '/x', true)).toBeUndefined();
    cache.set('/x', 200, Buffer.from('[]'));
    cache.set('/y', 404, Buffer.from('{}'));
    expect(cache.get('/x')?.json.toString()).toBe('[]');
    expect(cache.get('/y')).toBeUndefined();
    store.touch();
    expect(cache.get('/x')).toBeUndefined();
    cache.set('/x', 200, Buffer.from('[1]'));
    store.mutate(() => {});
    expect(cache.get('/x')).toBeUndefined();
    cache.set('/x', 200, Buffer.from('[2]'));
    store.state = { version: 1, domains: {} };
    expect(cache.get('/x')).toBeUndefined();
  });
});

describe('cached lists over HTTP', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ seed: richSeed() });
  });
  afterEach(() => emu.close());

  it('a list read after a create, an update and a delete shows each of them', async () => {
    const first = await call(emu, 'GET', `${D}/users`);
    expect((await call(emu, 'GET', `${D}/users`)).json).toEqual(first.json);
    expect((await call(emu, 'POST', `${D}/users`, newUser('1077'))).status).toBe(202);
    expect(names((await call(emu, 'GET', `${D}/users`)).json)).toEqual([...names(first.json), '1077'].sort());
    expect((await call(emu, 'GET', `${D}/users/count`)).json.total).toBe(first.json.length + 1);
    await call(emu, 'PUT', `${D}/users/1077`, { department: 'Ops' });
    const updated = (await call(emu, 'GET', `${D}/users`)).json.find((u: { user: string }) => u.user === '1077');
    expect(updated.department).toBe('Ops');
    await call(emu, 'DELETE', `${D}/users/1077`);
    expect(names((await call(emu, 'GET', `${D}/users`)).json)).toEqual(names(first.json));
  });

  it('a device list follows a MAC moved on /phones, and pages of one list stay apart', async () => {
    const devices = (await call(emu, 'GET', `${D}/devices`)).json as Array<Record<string, unknown>>;
    const withMac = devices.find((d) => d['device-provisioning-mac-address']);
    expect(withMac).toBeDefined();
    const mac = String(withMac?.['device-provisioning-mac-address']);
    expect((await call(emu, 'DELETE', `${D}/phones`, { 'device-provisioning-mac-address': mac })).status).toBe(202);
    const after = (await call(emu, 'GET', `${D}/devices`)).json as Array<Record<string, unknown>>;
    expect(after.find((d) => d.device === withMac?.device)?.['device-provisioning-mac-address']).not.toBe(mac);
    const one = (await call(emu, 'GET', `${D}/users?start=0&limit=1`)).json;
    const two = (await call(emu, 'GET', `${D}/users?start=1&limit=1`)).json;
    expect(one).toHaveLength(1);
    expect(two).toHaveLength(1);
    expect(one[0].user).not.toBe(two[0].user);
  });

  it('an out-of-band edit and a replaced state are seen by the next read', async () => {
    await call(emu, 'GET', `${D}/users`);
    emu.mutate((s) => {
      const user = s.domains[DOMAIN]?.users[0];
      if (user) user['name-first-name'] = 'Edited';
    });
    expect((await call(emu, 'GET', `${D}/users`)).json[0]['name-first-name']).toBe('Edited');
    const put = await request(`${emu.url.replace('/ns-api/v2', '')}/__emulator/state`, {
      method: 'PUT',
      body: JSON.stringify({ domains: { [DOMAIN]: { users: [{ user: '2001' }] } } }),
    });
    await put.body.text();
    expect(names((await call(emu, 'GET', `${D}/users`)).json)).toEqual(['2001']);
  });

  it('replication lag: the list keeps the old answer for the lag, then shows the write', async () => {
    const before = names((await call(emu, 'GET', `${D}/users`)).json);
    emu.faults.add({ method: 'POST', path: '/domains/*/users', delayVisibilityMs: 300 });
    await call(emu, 'POST', `${D}/users`, newUser('1078'));
    expect(names((await call(emu, 'GET', `${D}/users`)).json)).toEqual(before);
    await new Promise((r) => setTimeout(r, 350));
    expect(names((await call(emu, 'GET', `${D}/users`)).json)).toContain('1078');
  });

  it('faults, auth and the request log apply to a cached answer as to any', async () => {
    await call(emu, 'GET', `${D}/users`);
    const logged = emu.requests.count;
    emu.faults.add({ method: 'GET', path: '/domains/*/users', status: 503, times: 1 });
    expect((await call(emu, 'GET', `${D}/users`)).status).toBe(503);
    expect((await call(emu, 'GET', `${D}/users`, undefined, { key: 'wrong' })).status).toBe(401);
    emu.faults.add({ method: 'GET', path: '/domains/*/users', cutBody: true, times: 1 });
    const cut = await request(`${emu.url}${D}/users`, { headers: { authorization: `Bearer ${DEFAULT_API_KEY}` } });
    await expect(cut.body.text()).rejects.toThrow();
    expect((await call(emu, 'GET', `${D}/users`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    const statuses = emu.requests
      .list()
      .slice(logged)
      .map((e) => [e.status, e.cut]);
    expect(statuses).toEqual([
      [503, undefined],
      [401, undefined],
      [200, 'cut-body'],
      [200, undefined],
    ]);
  });
});
