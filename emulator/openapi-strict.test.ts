import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './index';
import { findOperation, loadOpenApi, requestSchemaFor, validateAgainst } from './openapi';
import { DOMAIN, call, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;

describe('strictRequests', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ seed: richSeed(), strictRequests: true });
  });
  afterAll(() => emu.close());

  it('rejects a POST body that violates the request schema with 400 and records it', async () => {
    const res = await call(emu, 'POST', `${D}/users`, { user: '1010', 'name-first-name': 'X', 'user-scope': 'Wizard' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe(400);
    expect(res.json.message).toMatch(/user-scope|email-address/);
    expect(emu.contractViolations).toHaveLength(1);
    expect(emu.contractViolations[0]).toMatchObject({ method: 'POST', path: `${D}/users` });
    expect(emu.state().domains[DOMAIN].users.some((u) => u.user === '1010')).toBe(false);
  });

  it('relaxes required on PUT (partial updates) but still checks types and enums', async () => {
    expect((await call(emu, 'PUT', `${D}/users/1001`, { department: 'Ops' })).status).toBe(202);
    const bad = await call(emu, 'PUT', `${D}/users/1001`, { 'voicemail-enabled': 'maybe' });
    expect(bad.status).toBe(400);
    expect(emu.contractViolations.at(-1)?.errors).toMatch(/voicemail-enabled/);
  });

  it('is on by default and can be turned off: then the same bad body is handled by the emulator rules', async () => {
    const strict = await startEmulator({ seed: richSeed() });
    try {
      expect((await call(strict, 'POST', `${D}/users`, { user: '1010', 'name-first-name': 'X' })).status).toBe(400);
      expect(strict.contractViolations).toHaveLength(1);
    } finally {
      await strict.close();
    }
    const lax = await startEmulator({ seed: richSeed(), strictRequests: false });
    try {
      const res = await call(lax, 'POST', `${D}/users`, { user: '1010', 'name-first-name': 'X' });
      expect(res.status).toBe(202);
      expect(lax.contractViolations).toEqual([]);
    } finally {
      await lax.close();
    }
  });
});

describe('openapi helper', () => {
  it('strips #n duplicates and prefers literal segments', () => {
    const doc = loadOpenApi();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(findOperation('GET', '/domains/x/users/count')?.pathTemplate).toBe('/domains/{domain}/users/count');
    expect(findOperation('PUT', '/domains/x/users/1001/answerrules/reorder')?.pathTemplate).toBe(
      '/domains/{domain}/users/{user}/answerrules/reorder',
    );
    expect(findOperation('GET', '/domains/{d}/users/{u}')?.pathTemplate).toBe('/domains/{domain}/users/{user}');
  });

  it('gives request schemas with required relaxed only for PUT', () => {
    const post = requestSchemaFor('POST', '/domains/{domain}/users');
    const put = requestSchemaFor('PUT', '/domains/{domain}/users/{user}');
    expect(post?.required).toContain('user');
    expect(put?.required).toBeUndefined();
    expect(requestSchemaFor('PUT', '/domains/{domain}/users/{user}', { relaxRequired: false })?.required).toContain(
      'email-address',
    );
    expect(requestSchemaFor('GET', '/domains/{domain}/users')).toBeUndefined();
  });

  it('accepts the `;`-separated and empty email-address the platform uses', () => {
    const schema = { $ref: '#/components/schemas/User' };
    const user = { domain: 'd', user: '1', 'name-first-name': 'a', 'name-last-name': 'b', 'user-scope': 'Basic User' };
    expect(validateAgainst(schema, { ...user, 'email-address': '' }).valid).toBe(true);
    expect(validateAgainst(schema, { ...user, 'email-address': 'a@x.com;b@y.org' }).valid).toBe(true);
    expect(validateAgainst(schema, { ...user, 'email-address': 'not-an-email' }).valid).toBe(false);
  });
});
