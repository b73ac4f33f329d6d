import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { PlatformApiError } from '../errors';
import { NetSapiensClient } from './client';

const LOGIN = {
  clientId: 'pbxctl-client',
  clientSecret: 'client-secret-value',
  username: '1000@oauth.example.com',
  password: 'Sup3r-Secret-Pass',
};
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({
    seed: {
      domains: {
        'oauth.example.com': {
          users: [{ user: '1000', 'name-first-name': 'O', 'name-last-name': 'M', 'user-scope': 'Office Manager' }],
        },
      },
    },
    oauthLogins: [LOGIN],
  });
});
afterAll(async () => {
  await emu?.close();
});

describe('OAuth password grant', () => {
  it('gets a token once and reuses it', async () => {
    emu.requests.reset();
    const c = new NetSapiensClient({ baseUrl: emu.url, oauth: LOGIN });
    await c.listUsers('oauth.example.com');
    await c.getDomain('oauth.example.com');
    const tokens = emu.requests.list().filter((r) => r.path === '/tokens');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.status).toBe(200);
    await c.close();
  });

  it('gets a new token on a 401 (expired or revoked) and carries on', async () => {
    const c = new NetSapiensClient({ baseUrl: emu.url, oauth: LOGIN });
    await c.getDomain('oauth.example.com');
    emu.oauth.expireAll();
    emu.requests.reset();
    await expect(c.getDomain('oauth.example.com')).resolves.toMatchObject({ domain: 'oauth.example.com' });
    const seq = emu.requests.list().map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(seq).toEqual([
      'GET /domains/oauth.example.com 401',
      'POST /tokens 200',
      'GET /domains/oauth.example.com 200',
    ]);
    await c.close();
  });

  it('a wrong password is a clear 401 that never contains the password', async () => {
    const c = new NetSapiensClient({ baseUrl: emu.url, oauth: { ...LOGIN, password: 'Wr0ng-Pass-Value' } });
    const err = await c.getDomain('oauth.example.com').catch((e) => e);
    expect(err).toBeInstanceOf(PlatformApiError);
    expect(err.status).toBe(401);
    expect(err.path).toBe('/tokens');
    expect(`${err.message} ${JSON.stringify(err)}`).not.toMatch(/Wr0ng-Pass-Value|client-secret-value/);
    await c.close();
  });
});
