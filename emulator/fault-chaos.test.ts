// Chaos fault rules (bench/chaos.ts): `probability` draws from the controller's generator; `cutBody` lets
// the request be handled (a write lands) and cuts its answer mid-body; `drop` cuts the connection before the
// request is handled, `dropAfter` after it.
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultController, type RunningEmulator, startEmulator } from './index';
import { DOMAIN, richSeed } from './test-support/emulator-client';

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('chaos fault rules', () => {
  it('probability applies a rule to the drawn share of requests only', () => {
    const draws = [0.05, 0.5, 0.09, 0.95];
    const faults = new FaultController(() => draws.shift() ?? 1);
    faults.add({ path: '**', status: 503, probability: 0.1 });
    const got = [1, 2, 3, 4].map(() => faults.take('GET', '/version')?.status);
    expect(got).toEqual([503, undefined, 503, undefined]);
    expect(() => faults.add({ path: '**', status: 500, probability: 2 })).toThrow(/probability/);
  });

  it('cutBody handles the write and cuts the answer', async () => {
    emu = await startEmulator({ seed: richSeed(), apiKeys: ['k'] });
    emu.faults.add({ method: 'POST', path: '/domains/*/users/*/email', cutBody: true, times: 1 });
    const user = String(emu.state().domains[DOMAIN]!.users[0]!.user);
    const before = emu.state().domains[DOMAIN]!.emails_sent.length;
    const res = await request(`${emu.url}/domains/${DOMAIN}/users/${user}/email`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'welcome_email.php', subject: 'New Account Setup' }),
    });
    expect(res.statusCode).toBeLessThan(300);
    await expect(res.body.text()).rejects.toThrow();
    expect(emu.state().domains[DOMAIN]!.emails_sent.length).toBe(before + 1);
  });

  it('drop cuts before handling (nothing sent), dropAfter after it (sent); the log tells them apart', async () => {
    emu = await startEmulator({ seed: richSeed(), apiKeys: ['k'] });
    const user = String(emu.state().domains[DOMAIN]!.users[0]!.user);
    const sent = () => emu!.state().domains[DOMAIN]!.emails_sent.length;
    const post = () =>
      request(`${emu!.url}/domains/${DOMAIN}/users/${user}/email`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: JSON.stringify({ template: 'welcome_email.php', subject: 'New Account Setup' }),
      });
    const before = sent();
    emu.faults.add({ method: 'POST', path: '/domains/*/users/*/email', drop: true, times: 1 });
    await expect(post()).rejects.toThrow();
    expect(sent()).toBe(before);
    emu.faults.add({ method: 'POST', path: '/domains/*/users/*/email', dropAfter: true, times: 1 });
    await expect(post()).rejects.toThrow();
    expect(sent()).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(emu.requests.list().map((r) => [r.status, r.cut])).toEqual([
      [0, 'dropped'],
      [200, 'dropped-after'],
    ]);
  });
});
