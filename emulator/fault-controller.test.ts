import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultController, type RunningEmulator, startEmulator } from './index';
import { DOMAIN, call, newUser, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;

describe('FaultController matching', () => {
  it('matches globs, ^regex strings and RegExp, by method, and expires after `times`', () => {
    const f = new FaultController();
    f.add({ path: '/domains/*/users', method: 'GET', status: 503, times: 2 });
    f.add({ path: '^/domains/[^/]+/phonenumbers/\\d+$', status: 500 });
    f.add({ path: /answerrules/, latencyMs: 5 });
    f.add({ path: '/domains/**/devices', drop: true });
    expect(f.take('POST', '/domains/a/users')).toBeUndefined();
    expect(f.take('GET', '/domains/a/users/1001')).toBeUndefined();
    expect(f.take('GET', '/domains/a/users')?.status).toBe(503);
    expect(f.take('GET', '/domains/a/users')?.status).toBe(503);
    expect(f.take('GET', '/domains/a/users')).toBeUndefined();
    expect(f.take('PUT', '/domains/a/phonenumbers/1212')?.status).toBe(500);
    expect(f.take('GET', '/domains/a/users/1/answerrules/*')?.latencyMs).toBe(5);
    expect(f.take('GET', '/domains/a/users/1/devices')?.drop).toBe(true);
    expect(f.list()).toHaveLength(3);
    f.clear();
    expect(f.list()).toEqual([]);
  });

  it('rejects bad rules', () => {
    const f = new FaultController();
    expect(() => f.add({ path: '/x', times: 0 })).toThrow(/times/);
    expect(() => f.add({ path: '/x', status: 42 })).toThrow(/status/);
  });
});

describe('fault effects over HTTP', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ seed: richSeed() });
  });
  afterEach(() => emu.close());

  it('status with the default {code,message} body, then recovers after `times`', async () => {
    emu.faults.add({ method: 'GET', path: '/domains/*/users', status: 503, times: 1 });
    const failed = await call(emu, 'GET', `${D}/users`);
    expect(failed.status).toBe(503);
    expect(failed.json).toEqual({ code: 503, message: 'Service Unavailable' });
    expect((await call(emu, 'GET', `${D}/users`)).status).toBe(200);
  });

  it('status with a custom body (e.g. a gateway HTML page)', async () => {
    emu.faults.add({ path: '/version', status: 502, body: '<html>Bad gateway</html>' });
    const res = await call(emu, 'GET', '/version');
    expect(res.status).toBe(502);
    expect(res.json).toBe('<html>Bad gateway</html>');
  });

  it('latency + 429 + Retry-After combine', async () => {
    emu.faults.add({ path: '/domains/**', latencyMs: 120, status: 429, retryAfter: 2, times: 1 });
    const t0 = Date.now();
    const res = await call(emu, 'GET', `${D}/users/1001`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.json).toEqual({ code: 429, message: 'Too Many Requests' });
  });

  it('latency alone delays a normal answer', async () => {
    emu.faults.add({ path: '/version', latencyMs: 80 });
    const t0 = Date.now();
    expect((await call(emu, 'GET', '/version')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(70);
  });

  it('drop destroys the socket: the client sees a socket error, and the log says status 0', async () => {
    emu.faults.add({ path: '/version', drop: true, times: 1 });
    await expect(call(emu, 'GET', '/version')).rejects.toMatchObject({
      code: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/),
    });
    expect(emu.requests.list().at(-1)).toMatchObject({ path: '/version', status: 0 });
    expect((await call(emu, 'GET', '/version')).status).toBe(200);
  });

  // Long enough that the reads made inside the window finish inside it on a loaded 2-core machine (150 ms did not).
  const LAG_MS = 1000;

  it('delayVisibilityMs hides a 202 create from reads until the lag is over', async () => {
    emu.faults.add({ method: 'POST', path: '/domains/*/users', delayVisibilityMs: LAG_MS });
    expect((await call(emu, 'POST', `${D}/users`, newUser('1003'))).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/users/1003`)).status).toBe(404);
    expect((await call(emu, 'GET', `${D}/users/count`)).json).toEqual({ total: 3 });
    expect(emu.state().domains[DOMAIN].users.some((u) => u.user === '1003')).toBe(true);
    // A second create of the same user is still a conflict: writes see the real state.
    expect((await call(emu, 'POST', `${D}/users`, newUser('1003'))).status).toBe(409);
    await new Promise((r) => setTimeout(r, LAG_MS + 50));
    expect((await call(emu, 'GET', `${D}/users/1003`)).status).toBe(200);
    expect((await call(emu, 'GET', `${D}/users/count`)).json).toEqual({ total: 4 });
  });

  it('delayVisibilityMs shows the old version after an update and keeps a deleted object visible', async () => {
    emu.faults.add({ method: 'PUT', path: '/domains/*/users/*', delayVisibilityMs: LAG_MS });
    emu.faults.add({ method: 'DELETE', path: '/domains/*/phonenumbers/*', delayVisibilityMs: LAG_MS });
    await call(emu, 'PUT', `${D}/users/1001`, { department: 'Ops' });
    await call(emu, 'DELETE', `${D}/phonenumbers/12125550101`);
    expect((await call(emu, 'GET', `${D}/users/1001`)).json.department).toBe('Sales');
    expect((await call(emu, 'GET', `${D}/phonenumbers/12125550101`)).status).toBe(200);
    expect((await call(emu, 'GET', `${D}/phonenumbers`)).json).toHaveLength(2);
    await new Promise((r) => setTimeout(r, LAG_MS + 50));
    expect((await call(emu, 'GET', `${D}/users/1001`)).json.department).toBe('Ops');
    expect((await call(emu, 'GET', `${D}/phonenumbers/12125550101`)).status).toBe(404);
  });

  it('delayVisibilityMs does not apply to synchronous (200) writes', async () => {
    emu.faults.add({ method: 'POST', path: '/domains/*/users', delayVisibilityMs: 1000 });
    expect((await call(emu, 'POST', `${D}/users`, newUser('1003', { synchronous: 'yes' }))).status).toBe(200);
    expect((await call(emu, 'GET', `${D}/users/1003`)).status).toBe(200);
  });

  it('admin routes (no auth) add, list and clear faults and show requests and state', async () => {
    const base = `http://127.0.0.1:${emu.port}/__emulator`;
    const added = await request(`${base}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'GET', path: '^/version$', status: 500, times: 1 }),
    });
    expect(added.statusCode).toBe(201);
    expect((await added.body.json()) as { id: string }).toHaveProperty('id');
    const listed = await request(`${base}/faults`);
    expect((await listed.body.json()) as unknown[]).toHaveLength(1);
    expect((await call(emu, 'GET', '/version')).status).toBe(500);

    await (
      await request(`${base}/faults`, { method: 'POST', body: JSON.stringify({ path: '/version', status: 503 }) })
    ).body.text();
    expect((await call(emu, 'GET', '/version')).status).toBe(503);
    const cleared = await request(`${base}/faults`, { method: 'DELETE' });
    expect(cleared.statusCode).toBe(200);
    await cleared.body.text();
    expect((await call(emu, 'GET', '/version')).status).toBe(200);

    const reqs = (await (await request(`${base}/requests`)).body.json()) as Array<{ path: string; status: number }>;
    expect(reqs.map((r) => r.status)).toEqual([500, 503, 200]);
    const state = (await (await request(`${base}/state`)).body.json()) as { domains: Record<string, unknown> };
    expect(Object.keys(state.domains)).toEqual([DOMAIN]);
    const bad = await request(`${base}/faults`, { method: 'POST', body: JSON.stringify({ status: 500 }) });
    expect(bad.statusCode).toBe(400);
    await bad.body.text();
  });

  it('admin routes are not under /ns-api and do not need or accept API paths', async () => {
    const res = await request(`http://127.0.0.1:${emu.port}/ns-api/v2/__emulator/state`);
    expect(res.statusCode).toBe(401);
    await res.body.text();
  });
});
