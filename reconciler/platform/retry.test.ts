import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, startEmulator } from '../../emulator';
import { PlatformConnectionError, UncertainWriteError } from '../errors';
import { NetSapiensClient } from './client';
import { backoffMs, decide } from './retry';
import { cutMidBody, forward, type HostileServer, hostileServer, sendJson } from './test-support/hostile-server';

const DOMAIN = 'retry.example.com';
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({
    seed: {
      domains: {
        [DOMAIN]: {
          users: [{ user: '1000', 'name-first-name': 'A', 'name-last-name': 'B', 'user-scope': 'Basic User' }],
        },
      },
    },
    strictRequests: true,
  });
});
afterAll(async () => {
  await emu?.close();
});

function client(baseUrl = emu.url, extra: Partial<ConstructorParameters<typeof NetSapiensClient>[0]> = {}) {
  return new NetSapiensClient({ baseUrl, apiKey: DEFAULT_API_KEY, sleep: async () => {}, env: {}, ...extra });
}
const newUser = (user: string) => ({
  user,
  'name-first-name': `F${user}`,
  'name-last-name': 'L',
  'user-scope': 'Basic User',
  'email-address': '',
});
const posts = (path: string) => emu.requests.list().filter((r) => r.method === 'POST' && r.path === path);

describe('reads are retried', () => {
  it('on 500 and 502 (one 500 no longer aborts a plan)', async () => {
    const c = client();
    // (Fault rules on one path all match the same request, so each call gets its own.)
    emu.faults.add({ method: 'GET', path: `/domains/${DOMAIN}`, status: 500, times: 2 });
    await expect(c.getDomain(DOMAIN)).resolves.toMatchObject({ domain: DOMAIN });
    emu.faults.add({ method: 'GET', path: `/domains/${DOMAIN}`, status: 502, times: 1 });
    await expect(c.getDomain(DOMAIN)).resolves.toMatchObject({ domain: DOMAIN });
    expect(c.stats.retries).toBe(3);
    emu.faults.clear();
    await c.close();
  });

  it('gives up after the attempt budget with the platform status, retryable', async () => {
    const c = client(emu.url, { maxAttempts: 3 });
    emu.faults.add({ method: 'GET', path: `/domains/${DOMAIN}`, status: 500, times: 5 });
    await expect(c.getDomain(DOMAIN)).rejects.toMatchObject({ status: 500, retryable: true });
    expect(c.stats.requests).toBe(3);
    emu.faults.clear();
    await c.close();
  });

  it('when the body is cut mid-stream; never "other side closed" as an internal error', async () => {
    let n = 0;
    const srv = await hostileServer((req, res, hit) => {
      if (hit.path === '/domains/x.example.com' && n++ === 0) return cutMidBody(req, res, '{"domain":"x.example.com"}');
      if (hit.path === '/domains/cut.example.com') return cutMidBody(req, res, '{"domain":"cut.example.com"}');
      sendJson(res, 200, { domain: 'x.example.com' });
    });
    const c = client(srv.url, { maxAttempts: 3 });
    await expect(c.getDomain('x.example.com')).resolves.toEqual({ domain: 'x.example.com' });
    const err = await c.getDomain('cut.example.com').catch((e) => e);
    expect(err).toBeInstanceOf(PlatformConnectionError);
    expect(err.problem).toBe('cut-body');
    expect(err.message).toMatch(/^127\.0\.0\.1:\d+: the response \(HTTP 200\) was cut off mid-body after \d+ bytes/);
    expect(err.message).not.toContain('\n');
    expect(srv.hits.filter((h) => h.path === '/domains/cut.example.com')).toHaveLength(3);
    await c.close();
    await srv.close();
  });
});

describe('writes are never re-sent blindly', () => {
  it('a 429 that arrives AFTER the server created the user: the probe sees it landed, no second POST', async () => {
    // A proxy that lets the first user POST through to the emulator, then lies with 429.
    const proxy = await lyingProxy((hit) => hit.method === 'POST' && hit.path.endsWith('/users'), 429);
    const c = client(proxy.url);
    await expect(c.createUser(DOMAIN, newUser('2001'))).resolves.toBeUndefined();
    expect(
      posts(`/domains/${DOMAIN}/users`).filter((r) => (r.body as { user?: string })?.user === '2001'),
    ).toHaveLength(1);
    expect(await c.getUser(DOMAIN, '2001')).toMatchObject({ 'name-first-name': 'F2001' });
    expect(c.stats.probes).toBe(1);
    await c.close();
    await proxy.close();
  });

  it('a 429 BEFORE processing: the probe sees nothing, the POST is re-sent once', async () => {
    const c = client();
    emu.requests.reset();
    emu.faults.add({ method: 'POST', path: `/domains/${DOMAIN}/users`, status: 429, retryAfter: 1, times: 1 });
    await c.createUser(DOMAIN, newUser('2002'));
    expect(posts(`/domains/${DOMAIN}/users`).map((r) => r.status)).toEqual([429, 200]);
    expect(await c.getUser(DOMAIN, '2002')).toBeDefined();
    await c.close();
  });

  it('without a probe, a 429/503 or a dropped write is an UncertainWriteError and is sent exactly once', async () => {
    const c = client();
    emu.requests.reset();
    emu.faults.add({ method: 'POST', path: `/domains/${DOMAIN}/contacts`, status: 429, retryAfter: 1, times: 1 });
    const err = (await c.createContact(DOMAIN, { 'name-first-name': 'C' }).catch((e) => e)) as Error;
    expect(err).toBeInstanceOf(UncertainWriteError);
    expect(err.message).toMatch(/outcome unknown \(429 .*not re-sent — hint: run plan again/);
    emu.faults.add({ method: 'POST', path: `/domains/${DOMAIN}/number-filters`, drop: true, times: 1 });
    await expect(c.addNumberFilters(DOMAIN, ['+15550001111'])).rejects.toMatchObject({ status: 0 });
    const writes = emu.requests.list().filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /domains/${DOMAIN}/contacts`,
      `POST /domains/${DOMAIN}/number-filters`,
    ]);
    emu.faults.clear();
    await c.close();
  });

  it('a dropped write with a probe that says "not landed" is re-sent; so is a 500, after the probe', async () => {
    const c = client();
    emu.requests.reset();
    emu.faults.add({ method: 'PUT', path: `/domains/${DOMAIN}/users/1000`, drop: true, times: 1 });
    await c.updateUser(DOMAIN, '1000', { department: 'Y' }, { landed: async () => false });
    emu.faults.add({ method: 'PUT', path: `/domains/${DOMAIN}/users/1000`, status: 500, times: 1 });
    await c.updateUser(DOMAIN, '1000', { department: 'Z' }, { landed: async () => false });
    const puts = emu.requests.list().filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).toEqual([0, 202, 500, 202]);
    expect(await c.getUser(DOMAIN, '1000')).toMatchObject({ department: 'Z' });
    emu.faults.clear();
    await c.close();
  });

  it('a probe that keeps saying "not landed" ends the call as a plain failure once the attempts are spent', async () => {
    const c = client(emu.url, { maxAttempts: 2 });
    emu.requests.reset();
    emu.faults.add({ method: 'PUT', path: `/domains/${DOMAIN}/users/1000`, status: 503, times: 2 });
    const err = await c.updateUser(DOMAIN, '1000', { department: 'W' }, { landed: async () => false }).catch((e) => e);
    expect(err).not.toBeInstanceOf(UncertainWriteError);
    expect(err).toMatchObject({ status: 503 });
    expect(c.stats.probes).toBe(2);
    expect(emu.requests.list().filter((r) => r.method === 'PUT')).toHaveLength(2);
    emu.faults.clear();
    await c.close();
  });

  it('a write that never left (connection refused) is retried, then fails as refused', async () => {
    const closed = await hostileServer(() => {});
    const url = closed.url;
    await closed.close();
    const c = client(url);
    const err = (await c.createContact(DOMAIN, { 'name-first-name': 'N' }).catch((e) => e)) as PlatformConnectionError;
    expect(err).toBeInstanceOf(PlatformConnectionError);
    expect(err.problem).toBe('refused');
    expect(c.stats.requests).toBe(2);
    await c.close();
  });
});

describe('the welcome e-mail (no read-back): at most once, refusals retried', () => {
  const sent = () => emu.state().domains[DOMAIN]?.emails_sent.filter((e) => e.user === '1000').length ?? 0;
  it('429, 503 and 500 are answers before acting: retried in the call, sent once; the hooks frame each try', async () => {
    const c = client();
    const before = sent();
    const events: string[] = [];
    const hooks = { onSend: () => events.push('send'), onNotSent: () => events.push('not-sent') };
    const email = `/domains/${DOMAIN}/users/1000/email`;
    emu.faults.add({ method: 'POST', path: email, status: 429, retryAfter: 1, times: 1 });
    await c.sendEmail(DOMAIN, '1000', { template: 'x', subject: 'y' }, hooks);
    emu.faults.add({ method: 'POST', path: email, status: 503, times: 1 });
    emu.faults.add({ method: 'POST', path: email, status: 500, times: 1 });
    await c.sendEmail(DOMAIN, '1000', { template: 'x', subject: 'y' }, hooks);
    expect(sent() - before).toBe(2);
    expect(events).toEqual(['send', 'not-sent', 'send', 'send', 'not-sent', 'send']);
    emu.faults.clear();
    await c.close();
  });

  it('a connection lost after the request was written is uncertain and never re-sent, whether or not it went out', async () => {
    const c = client();
    const email = `/domains/${DOMAIN}/users/1000/email`;
    let before = sent();
    emu.faults.add({ method: 'POST', path: email, drop: true, times: 1 });
    await expect(c.sendEmail(DOMAIN, '1000', { template: 'x', subject: 'y' })).rejects.toBeInstanceOf(
      UncertainWriteError,
    );
    expect(sent() - before).toBe(0);
    before = sent();
    emu.faults.add({ method: 'POST', path: email, dropAfter: true, times: 1 });
    await expect(c.sendEmail(DOMAIN, '1000', { template: 'x', subject: 'y' })).rejects.toBeInstanceOf(
      UncertainWriteError,
    );
    expect(sent() - before).toBe(1);
    before = sent();
    emu.faults.add({ method: 'POST', path: email, cutBody: true, times: 1 });
    await c.sendEmail(DOMAIN, '1000', { template: 'x', subject: 'y' }); // the 200 status line arrived: sent
    expect(sent() - before).toBe(1);
    emu.faults.clear();
    await c.close();
  });
});

describe('PBXCTL_PACING=off (chaos runs: random 429s are not a rate limit)', () => {
  it('the pacer learns nothing from throttling, and each throttled call still waits its own Retry-After', async () => {
    const run = async (env: Record<string, string>) => {
      const waits: number[] = [];
      const c = client(emu.url, { env, sleep: async (ms) => void waits.push(ms) });
      for (let i = 0; i < 6; i++) {
        emu.faults.add({ method: 'GET', path: `/domains/${DOMAIN}`, status: 429, retryAfter: 1, times: 1 });
        await c.getDomain(DOMAIN);
      }
      const pacing = c.pacing();
      await c.close();
      return { cuts: pacing.cuts, waits };
    };
    const off = await run({ PBXCTL_PACING: 'off' });
    expect(off.cuts).toBe(0);
    expect(off.waits.filter((w) => w === 1000)).toHaveLength(6);
    expect((await run({})).cuts).toBeGreaterThan(0);
    expect(() => client(emu.url, { env: { PBXCTL_PACING: 'slow' } })).toThrow(/PBXCTL_PACING="slow" is not/);
  });
});

describe('back-off', () => {
  const policy = (r: number) => ({ baseMs: 250, capMs: 2000, random: () => r });
  it('is exponential with 50–100 % jitter and a cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, policy(0)))).toEqual([125, 250, 500, 1000, 1000, 1000]);
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(a, policy(1)))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });
  it('waits what the client sleeps: jittered without Retry-After, exactly Retry-After with it', async () => {
    const waits: number[] = [];
    const c = client(emu.url, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      maxBackoffMs: 600,
      maxAttempts: 6,
    });
    emu.faults.add({ method: 'GET', path: `/domains/${DOMAIN}`, status: 503, times: 4 });
    await c.getDomain(DOMAIN);
    emu.faults.add({ method: 'GET', path: `/domains/${DOMAIN}`, status: 429, retryAfter: 3, times: 1 });
    await c.getDomain(DOMAIN);
    expect(waits).toEqual([188, 375, 450, 450, 3000]);
    emu.faults.clear();
    await c.close();
  });
  it('decides by method and by what may have reached the server', () => {
    const base = { attempt: 1, maxAttempts: 5, hasProbe: false, status: 0 };
    const p = policy(1);
    expect(decide({ ...base, method: 'GET', status: 503 }, p).action).toBe('retry');
    expect(decide({ ...base, method: 'GET', status: 404 }, p).action).toBe('fail');
    expect(decide({ ...base, method: 'POST', status: 503 }, p).action).toBe('uncertain');
    expect(decide({ ...base, method: 'POST', status: 503, hasProbe: true }, p).action).toBe('probe');
    expect(decide({ ...base, method: 'POST', status: 409, hasProbe: true }, p).action).toBe('fail');
    expect(decide({ ...base, method: 'POST', status: 500 }, p).action).toBe('fail');
    expect(decide({ ...base, method: 'POST', status: 500, hasProbe: true }, p)).toMatchObject({ action: 'probe' });
    // At the last attempt the probe still runs (landed → done), but nothing is re-sent.
    const lastTry = { ...base, method: 'DELETE', status: 429, attempt: 5, hasProbe: true };
    expect(decide(lastTry, p)).toMatchObject({ action: 'probe', resend: false });
    // statusIsFinal (the welcome e-mail): a status answer is retried, a gateway's or a lost connection is not.
    const mail = { ...base, method: 'POST', statusIsFinal: true };
    expect(decide({ ...mail, status: 429 }, p).action).toBe('retry');
    expect(decide({ ...mail, status: 500 }, p).action).toBe('retry');
    expect(decide({ ...mail, status: 400 }, p).action).toBe('fail');
    expect(decide({ ...mail, status: 504 }, p).action).toBe('uncertain');
    expect(decide({ ...mail, status: 503, attempt: 5 }, p).action).toBe('fail');
  });
});

/** A proxy in front of the emulator that answers `status` AFTER forwarding the first matching request. */
async function lyingProxy(match: (hit: { method: string; path: string }) => boolean, status: number) {
  let lied = false;
  const target = new URL(emu.url).origin;
  const proxy: HostileServer = await hostileServer(async (req, res, hit) => {
    const answer = await forward(target, req, hit);
    if (!lied && match(hit)) {
      lied = true;
      return sendJson(res, status, { code: status, message: 'Too Many Requests' });
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
  return proxy;
}
