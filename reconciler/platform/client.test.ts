import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, startEmulator, type RunningEmulator } from '../../emulator';
import { PlatformApiError } from '../errors';
import { NetSapiensClient, parseRetryAfter, seg } from './client';

let emu: RunningEmulator;
const DOMAIN = 'paging.example.com';

beforeAll(async () => {
  const users = Array.from({ length: 2501 }, (_, i) => ({
    user: String(1000 + i),
    'name-first-name': `First${i}`,
    'name-last-name': `Last${i}`,
    'user-scope': 'Basic User',
  }));
  const exact = users.slice(0, 200);
  emu = await startEmulator({
    seed: {
      domains: { [DOMAIN]: { domain: { description: 'paging' }, users }, 'exact.example.com': { users: exact } },
    },
    strictRequests: true,
  });
});
afterAll(async () => {
  await emu?.close();
});

function client(extra: Partial<ConstructorParameters<typeof NetSapiensClient>[0]> = {}) {
  return new NetSapiensClient({ baseUrl: emu.url, apiKey: DEFAULT_API_KEY, sleep: async () => {}, ...extra });
}

describe('NetSapiensClient against the emulator', () => {
  it('pages with start/limit until a short page', async () => {
    emu.requests.reset();
    const c = client();
    const users = await c.listUsers(DOMAIN);
    expect(users).toHaveLength(2501);
    const pages = emu.requests.list().filter((r) => r.method === 'GET' && r.path.endsWith('/users'));
    expect(pages.map((p) => p.query.start)).toEqual(['0', '1000', '2000']);
    expect(pages.every((p) => p.query.limit === '1000')).toBe(true);
    await c.close();
  });

  it('asks one more page when the last page is exactly full', async () => {
    const c = client({ pageSize: 100 });
    emu.requests.reset();
    expect(await c.listUsers('exact.example.com')).toHaveLength(200);
    const log = emu.requests.list();
    expect(log.filter((r) => r.path.endsWith('/users')).map((r) => r.query.start)).toEqual(['0', '100', '200']);
    // listUsers is checked against the spec's /users/count (one more request, no paging on it).
    expect(log.filter((r) => r.path.endsWith('/users/count'))).toHaveLength(1);
    await c.close();
  });

  it('raises PlatformApiError with the platform message for 404 and 409', async () => {
    const c = client();
    await expect(c.getDomain('nope.example.com')).rejects.toMatchObject({
      status: 404,
      method: 'GET',
      retryable: false,
    });
    expect(await c.getUser(DOMAIN, '9999')).toBeUndefined();
    const err = await c
      .createUser(DOMAIN, {
        user: '1000',
        'name-first-name': 'X',
        'name-last-name': 'Y',
        'user-scope': 'Basic User',
        'email-address': '',
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(PlatformApiError);
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/already exists/i);
    await c.close();
  });

  it('sends synchronous: "yes" on creates and gets the object back', async () => {
    const c = client();
    const created = await c.createUser(DOMAIN, {
      user: '5100',
      'name-first-name': 'Sync',
      'name-last-name': 'User',
      'user-scope': 'Basic User',
      'email-address': 'sync@example.com',
    });
    expect(created).toMatchObject({ user: '5100', 'name-first-name': 'Sync' });
    const last = emu.requests
      .list()
      .filter((r) => r.method === 'POST')
      .at(-1);
    expect(last?.status).toBe(200);
    expect(emu.contractViolations).toEqual([]);
    await c.close();
  });
});

describe('NetSapiensClient against the emulator: errors, retries, tags, concurrency', () => {
  it('401 with a wrong key, and the key never appears in the error', async () => {
    const c = new NetSapiensClient({ baseUrl: emu.url, apiKey: 'nsd_wrong_key_secret_value_123' });
    const err = await c.listUsers(DOMAIN).catch((e) => e);
    expect(err).toBeInstanceOf(PlatformApiError);
    expect(err.status).toBe(401);
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain('nsd_wrong_key_secret_value_123');
    await c.close();
  });

  it('retries a GET on 503 and honours Retry-After; re-sends a POST answered 500 only after a re-read', async () => {
    const waits: number[] = [];
    const c = client({ sleep: async (ms) => void waits.push(ms) });
    emu.faults.add({ method: 'GET', path: `/domains/${DOMAIN}/users/count`, status: 503, retryAfter: 2, times: 2 });
    expect(await c.count(`/domains/${DOMAIN}/users/count`)).toBeGreaterThan(2000);
    expect(waits).toEqual([2000, 2000]);
    expect(c.stats.retries).toBe(2);
    emu.requests.reset();
    emu.faults.add({ method: 'POST', path: `/domains/${DOMAIN}/users`, status: 500, times: 1 });
    await c.createUser(DOMAIN, {
      user: '5101',
      'name-first-name': 'A',
      'name-last-name': 'B',
      'user-scope': 'Basic User',
      'email-address': '',
    });
    // POST (500) → GET the user (404: it did not land) → POST again.
    expect(emu.requests.list().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 500', 'GET 404', 'POST 200']);
    expect(c.stats.probes).toBe(1);
    emu.faults.clear();
    await c.close();
  });

  it('retries a GET whose connection was dropped; a dropped PUT is re-read and re-sent only if not there', async () => {
    const c = client();
    emu.faults.add({ method: 'GET', path: `/domains/${DOMAIN}`, drop: true, times: 1 });
    await expect(c.getDomain(DOMAIN)).resolves.toMatchObject({ domain: DOMAIN });
    emu.requests.reset();
    emu.faults.add({ method: 'PUT', path: `/domains/${DOMAIN}/users/1000`, drop: true, times: 1 });
    await c.updateUser(DOMAIN, '1000', { department: 'X' });
    emu.faults.add({ method: 'PUT', path: `/domains/${DOMAIN}/users/1000`, dropAfter: true, times: 1 });
    await c.updateUser(DOMAIN, '1000', { department: 'Y' });
    const log = emu.requests.list().map((r) => `${r.method} ${r.status}${r.cut ? ` ${r.cut}` : ''}`);
    // Dropped before handling: re-read (old value), re-sent. Dropped after handling: re-read (new value), done.
    expect(log).toEqual(['PUT 0 dropped', 'GET 200', 'PUT 202', 'PUT 202 dropped-after', 'GET 200']);
    expect(await c.getUser(DOMAIN, '1000')).toMatchObject({ department: 'Y' });
    emu.faults.clear();
    await c.close();
  });

  it('tags requests with X-NetSapiens-Log', async () => {
    const c = client({ logTag: 'pbxctl-abc123' });
    emu.requests.reset();
    await c.version();
    expect(emu.requests.list().at(-1)?.logTag).toBe('pbxctl-abc123');
    await c.close();
  });

  it('bounds concurrency', async () => {
    const c = client({ concurrency: 2 });
    emu.faults.add({ method: 'GET', path: '/version', latencyMs: 50 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => c.version()));
    // 6 requests, 2 at a time, 50 ms each: at least 3 rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    emu.faults.clear();
    await c.close();
  });
});

describe('helpers', () => {
  it('encodes path segments, including * for the default time-frame', () => {
    expect(seg('*')).toBe('%2A');
    expect(seg('a b/c')).toBe('a%20b%2Fc');
  });
  it('parses Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 5000)).toBe(5000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
