import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './index';
import { DOMAIN, call, contact, newUser, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;

describe('emulator API behaviour', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ seed: richSeed() });
  });
  afterEach(() => emu.close());

  it('listens on 127.0.0.1 under /ns-api/v2 and reports its version', async () => {
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}/ns-api/v2`);
    const res = await call(emu, 'GET', '/version');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ apiversion: '45.0' });
    expect(typeof res.json['current-time']).toBe('string');
  });

  it('answers 401 {code,message} without a bearer key or with a wrong one', async () => {
    for (const key of [null, 'nsd_wrong']) {
      const res = await call(emu, 'GET', `${D}/users`, undefined, { key });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ code: 401 });
      expect(typeof res.json.message).toBe('string');
    }
  });

  it('accepts custom api keys only', async () => {
    const other = await startEmulator({ seed: richSeed(), apiKeys: ['nsd_custom'] });
    try {
      expect((await call(other, 'GET', '/version', undefined, { key: 'nsd_custom' })).status).toBe(200);
      expect((await call(other, 'GET', '/version')).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('unknown routes get 404 No Route Found', async () => {
    const res = await call(emu, 'GET', `${D}/ringgroups`);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ code: 404, message: 'No Route Found [92]' });
  });

  it('creates users: 202 Accepted by default, 200 + full object with synchronous yes, platform defaults filled', async () => {
    const accepted = await call(emu, 'POST', `${D}/users`, newUser('1003', { 'name-first-name': 'Alan' }));
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({ code: 202, message: 'Accepted' });

    const sync = await call(
      emu,
      'POST',
      `${D}/users`,
      newUser('1004', { synchronous: 'yes', 'email-address': 'kat@acme.example.com', email: 'x@y.z', color: 'red' }),
    );
    expect(sync.status).toBe(200);
    const got = await call(emu, 'GET', `${D}/users/1004`);
    expect(sync.json).toEqual(got.json);
    expect(got.json).toMatchObject({
      user: '1004',
      domain: DOMAIN,
      'login-username': `1004@${DOMAIN}`,
      'email-address': 'kat@acme.example.com',
      'account-status': 'new',
      'user-scope': 'Basic User',
      'voicemail-enabled': 'yes',
    });
    // Fields the spec does not define for a user are dropped, as the platform ignores them.
    expect(got.json).not.toHaveProperty('email');
    expect(got.json).not.toHaveProperty('color');
    expect(got.json).not.toHaveProperty('synchronous');
    expect(Date.parse(got.json['created-datetime'])).not.toBeNaN();
  });

  it('rejects duplicates: 409 UID already exists, 409 on a taken login-username', async () => {
    const dup = await call(emu, 'POST', `${D}/users`, newUser('1001'));
    expect(dup.status).toBe(409);
    expect(dup.json).toEqual({ code: 409, message: 'UID already exists.' });
    const login = await call(emu, 'POST', `${D}/users`, newUser('1005', { 'login-username': `1001@${DOMAIN}` }));
    expect(login.status).toBe(409);
  });

  it('uses the documented 404 wording', async () => {
    expect((await call(emu, 'GET', `${D}/users/1000`)).json).toEqual({
      code: 404,
      message: `User 1000 does not exist in domain ${DOMAIN}`,
    });
    expect((await call(emu, 'GET', '/domains/example/users')).json).toEqual({
      code: 404,
      message: 'Domain example does not exist',
    });
    expect((await call(emu, 'GET', `${D}/users/1001/answerrules/nope`)).json.message).toBe(
      'Not Found. Timeframe input was not found.',
    );
    expect((await call(emu, 'POST', `${D}/users/1000/email`, { template: 't', subject: 's' })).status).toBe(404);
  });

  it('updates users partially, drops 44.x spellings a v45 server does not know, bumps last-modified-datetime', async () => {
    const before = (await call(emu, 'GET', `${D}/users/1001`)).json;
    await new Promise((r) => setTimeout(r, 5));
    const res = await call(emu, 'PUT', `${D}/users/1001`, {
      'email-address': 'ada@new.example.com',
      email: 'ignored@example.com',
      'directory-annouce-in-dial-by-name-enabled': 'no',
      'account-status': 'reset',
    });
    expect(res.status).toBe(202);
    const after = (await call(emu, 'GET', `${D}/users/1001`)).json;
    expect(after['email-address']).toBe('ada@new.example.com');
    expect(after['directory-announce-in-dial-by-name-enabled']).toBe('yes');
    expect(after).not.toHaveProperty('directory-annouce-in-dial-by-name-enabled');
    expect(after['name-first-name']).toBe('Ada');
    expect(after['account-status']).toBe('standard');
    expect(after['last-modified-datetime'] > before['last-modified-datetime']).toBe(true);
    expect(after['created-datetime']).toBe(before['created-datetime']);
    expect((await call(emu, 'PUT', `${D}/users/1001`, { 'voicemail-enabled': 'true' })).status).toBe(400);
  });

  it('pages with start/limit: 250 users → 100, 100, 50; limit above 1000 is 400', async () => {
    emu.mutate((s) => {
      s.domains[DOMAIN].users = [];
    });
    for (let i = 0; i < 250; i++) {
      await call(emu, 'POST', `${D}/users`, newUser(String(3000 + i)));
    }
    const sizes: number[] = [];
    const seen = new Set<string>();
    for (let start = 0; ; start += 100) {
      const page = await call(emu, 'GET', `${D}/users?start=${start}&limit=100`);
      expect(page.status).toBe(200);
      if (page.json.length === 0) break;
      sizes.push(page.json.length);
      for (const u of page.json) seen.add(u.user);
    }
    expect(sizes).toEqual([100, 100, 50]);
    expect(seen.size).toBe(250);
    expect((await call(emu, 'GET', `${D}/users`)).json).toHaveLength(100);
    expect((await call(emu, 'GET', `${D}/users/count`)).json).toEqual({ total: 250 });
    expect((await call(emu, 'GET', `${D}/users?limit=1000`)).json).toHaveLength(250);
    expect((await call(emu, 'GET', `${D}/users?limit=1001`)).status).toBe(400);
    expect((await call(emu, 'GET', `${D}/users?start=-1`)).status).toBe(400);
  });

  it('filters users by site', async () => {
    const res = await call(emu, 'GET', `${D}/users?site=HQ`);
    expect(res.json.map((u: { user: string }) => u.user)).toEqual(['1001']);
  });

  it('deleting a user cascades to devices, answer rules, personal contacts, voicemail, greetings — not to DIDs', async () => {
    expect((await call(emu, 'DELETE', `${D}/users/1001`)).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/users/1001`)).status).toBe(404);
    const s = emu.state().domains[DOMAIN];
    expect(s.devices.filter((d) => d.user === '1001')).toEqual([]);
    expect(s.answerrules.filter((r) => r.user === '1001')).toEqual([]);
    expect(s.user_contacts['1001']).toBeUndefined();
    expect(s.voicemails['1001']).toBeUndefined();
    expect(s.greetings['1001']).toBeUndefined();
    expect(s.devices.some((d) => d.user === '1002')).toBe(true);
    const did = await call(emu, 'GET', `${D}/phonenumbers/12125550100`);
    expect(did.json['dial-rule-translation-destination-user']).toBe('1001');
    expect((await call(emu, 'DELETE', `${D}/users/1001`)).status).toBe(404);
  });

  it('manages devices with a generated SIP password and a domain-wide list', async () => {
    const created = await call(emu, 'POST', `${D}/users/1002/devices`, {
      synchronous: 'yes',
      device: '1002a',
      'device-provisioning-mac-address': '0004f2000001',
    });
    expect(created.status).toBe(200);
    expect(created.json['device-sip-registration-password']).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(created.json).toMatchObject({
      device: '1002a',
      user: '1002',
      domain: DOMAIN,
      'name-full-name': 'Grace Hopper',
    });
    expect((await call(emu, 'POST', `${D}/users/1001/devices`, { device: '1002a' })).status).toBe(409);
    // A device created with a MAC also writes the MAC record under /phones.
    expect((await call(emu, 'GET', `${D}/phones/0004f2000001`)).json['device-provisioning-sip-uri-1']).toBe(
      `sip:1002a@${DOMAIN}`,
    );
    expect((await call(emu, 'GET', `${D}/users/1002/devices/count`)).json).toEqual({ total: 2 });
    expect((await call(emu, 'GET', `${D}/devices/count`)).json).toEqual({ total: 4 });
    // The spec declares no paging for this list: start/limit are ignored and the whole list comes back.
    const all = await call(emu, 'GET', `${D}/devices?limit=2&start=1`);
    expect(all.json.map((d: { device: string }) => d.device)).toEqual(['1001', '1001a', '1002', '1002a']);
    expect(
      (await call(emu, 'PUT', `${D}/users/1002/devices/1002a`, { 'device-models-model': 'yealink-t46u' })).status,
    ).toBe(202);
    // The device shows its MAC binding (the MAC record's model), not what a device PUT stored.
    const bound = (await call(emu, 'GET', `${D}/users/1002/devices/1002a`)).json;
    expect(bound).toMatchObject({ 'device-models-model': '', 'device-provisioning-mac-address': '0004f2000001' });
    const model = {
      'device-provisioning-mac-address': '0004f2000001',
      'device-models-brand-and-model': 'yealink-t46u',
    };
    expect((await call(emu, 'PUT', `${D}/phones`, model)).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/users/1002/devices/1002a`)).json['device-models-model']).toBe('yealink-t46u');
    expect((await call(emu, 'GET', `${D}/users/1001/devices/1002a`)).status).toBe(404);
    expect((await call(emu, 'DELETE', `${D}/users/1002/devices/1002a`)).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/users/1002/devices/1002a`)).status).toBe(404);
  });

  it('handles answer rules: %2A for the default, ordering, reorder, feature merge, remove lists', async () => {
    const list = await call(emu, 'GET', `${D}/users/1001/answerrules`);
    expect(list.json.map((r: Record<string, unknown>) => r['time-frame'])).toEqual(['after-hours', '*']);
    const star = await call(emu, 'GET', `${D}/users/1001/answerrules/%2A`);
    expect(star.status).toBe(200);
    expect(star.json['is-active']).toBe(true);
    expect(star.json['forward-on-spam-call']).toEqual({ enabled: 'yes', parameters: ['vmail_1001'] });
    expect((await call(emu, 'GET', `${D}/users/1001/answerrules/*`)).status).toBe(200);

    await call(emu, 'PUT', `${D}/users/1001/answerrules/%2A`, {
      'phone-numbers-to-reject': { remove: 'yes', parameters: ['anonymous'] },
      'forward-on-spam-call': { enabled: 'no' },
    });
    const updated = (await call(emu, 'GET', `${D}/users/1001/answerrules/%2A`)).json;
    expect(updated['phone-numbers-to-reject']).toEqual({ enabled: 'yes', parameters: ['18005550199'] });
    expect(updated['forward-on-spam-call']).toEqual({ enabled: 'no', parameters: ['vmail_1001'] });

    expect((await call(emu, 'PUT', `${D}/users/1001/answerrules/reorder`, [{ 'time-frame': '*' }])).status).toBe(400);
    expect(
      (await call(emu, 'PUT', `${D}/users/1001/answerrules/reorder`, [{ 'time-frame': '*' }, { 'time-frame': 'x' }]))
        .status,
    ).toBe(404);
    expect(
      (
        await call(emu, 'PUT', `${D}/users/1001/answerrules/reorder`, [
          { 'time-frame': '*' },
          { 'time-frame': 'after-hours' },
        ])
      ).status,
    ).toBe(202);
    const reordered = await call(emu, 'GET', `${D}/users/1001/answerrules`);
    expect(reordered.json.map((r: Record<string, unknown>) => r['time-frame'])).toEqual(['*', 'after-hours']);
    expect(reordered.json.map((r: Record<string, unknown>) => r.order)).toEqual([0, 1]);

    const rule = { synchronous: 'yes', enabled: 'yes', 'is-active': true };
    const dup = await call(emu, 'POST', `${D}/users/1001/answerrules`, { ...rule, 'time-frame': '*' });
    expect(dup.status).toBe(409);
    const legacy = await call(emu, 'POST', `${D}/users/1002/answerrules`, {
      ...rule,
      'time-frame': 'lunch',
      'ordinal-priority': 5,
    });
    // The spec declares only 202 for this POST; the 44.x `ordinal-priority` is unknown to v45 and dropped.
    expect(legacy.status).toBe(202);
    const lunch = (await call(emu, 'GET', `${D}/users/1002/answerrules/lunch`)).json;
    expect(lunch).toMatchObject({ 'time-frame': 'lunch', order: 1, enabled: 'yes' });
    expect(lunch).not.toHaveProperty('ordinal-priority');
    expect((await call(emu, 'GET', `${D}/users/1001/answerrules/count`)).json).toEqual({ total: 2 });
    expect((await call(emu, 'DELETE', `${D}/users/1001/answerrules/after-hours`)).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/users/1001/answerrules/count`)).json).toEqual({ total: 1 });
  });

  it('manages shared contacts by unique-id (single GET is an array) and personal contacts', async () => {
    const created = await call(
      emu,
      'POST',
      `${D}/contacts`,
      contact({ 'name-first-name': 'Bob', company: 'Builders' }),
    );
    // The spec declares 200 `{}` for contact POST.
    expect(created.status).toBe(200);
    expect(created.json).toEqual({});
    const listed = (await call(emu, 'GET', `${D}/contacts`)).json.find(
      (c: Record<string, unknown>) => c.company === 'Builders',
    );
    const id = listed['unique-id'];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const one = await call(emu, 'GET', `${D}/contacts/${id}`);
    expect(one.json).toEqual([listed]);
    await call(emu, 'PUT', `${D}/contacts/${id}`, { 'phonenumber-work': '12125550112' });
    expect((await call(emu, 'GET', `${D}/contacts/${id}`)).json[0]['phonenumber-work']).toBe('12125550112');
    expect((await call(emu, 'GET', `${D}/contacts`)).json).toHaveLength(2);
    expect((await call(emu, 'DELETE', `${D}/contacts/${id}`)).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/contacts/${id}`)).status).toBe(404);

    expect((await call(emu, 'POST', `${D}/users/1001/contacts`, contact({ 'name-first-name': 'Dad' }))).status).toBe(
      200,
    );
    expect((await call(emu, 'GET', `${D}/users/1001/contacts/count`)).json).toEqual({ total: 2 });
    expect((await call(emu, 'GET', `${D}/users/9999/contacts`)).status).toBe(404);
  });

  it('adds and removes domain number filters', async () => {
    await call(emu, 'POST', `${D}/number-filters`, {
      'phone-numbers-to-reject': { parameters: ['18885550000', '19005550000'] },
    });
    let got = await call(emu, 'GET', `${D}/number-filters`);
    expect(got.json[0]['phone-numbers-to-reject'].parameters).toEqual(['19005550000', '18885550000']);
    await call(emu, 'DELETE', `${D}/number-filters`, { 'phone-numbers-to-reject': { parameters: ['19005550000'] } });
    got = await call(emu, 'GET', `${D}/number-filters`);
    expect(got.json).toEqual([
      {
        domain: DOMAIN,
        'time-frame': '*',
        enabled: 'yes',
        'is-active': true,
        'phone-numbers-to-reject': { enabled: 'yes', parameters: ['18885550000'] },
      },
    ]);
    expect((await call(emu, 'POST', `${D}/number-filters`, { numbers: [] })).status).toBe(400);
  });

  it('manages phone numbers: 409 on duplicates, re-route with PUT, 404 after delete', async () => {
    const dup = await call(emu, 'POST', `${D}/phonenumbers`, {
      phonenumber: '12125550100',
      'dial-rule-translation-destination-user': '[*]',
    });
    expect(dup.json).toEqual({ code: 409, message: 'Phone number already exists' });
    expect(
      (
        await call(emu, 'POST', `${D}/phonenumbers`, {
          phonenumber: '12125550199',
          'dial-rule-translation-destination-user': '[*]',
          synchronous: 'yes',
        })
      ).status,
    ).toBe(202);
    const fresh = (await call(emu, 'GET', `${D}/phonenumbers/12125550199`)).json;
    expect(fresh).toMatchObject({ 'dial-rule-application': 'available-number', enabled: 'yes', domain: DOMAIN });
    await call(emu, 'PUT', `${D}/phonenumbers/12125550199`, {
      'dial-rule-application': 'to-user',
      'dial-rule-translation-destination-user': '1002',
    });
    expect(
      (await call(emu, 'GET', `${D}/phonenumbers/12125550199`)).json['dial-rule-translation-destination-user'],
    ).toBe('1002');
    expect((await call(emu, 'GET', `${D}/phonenumbers/count`)).json).toEqual({ total: 3 });
    await call(emu, 'DELETE', `${D}/phonenumbers/12125550199`);
    expect((await call(emu, 'GET', `${D}/phonenumbers/12125550199`)).status).toBe(404);
  });

  it('records welcome e-mails in emails_sent', async () => {
    const res = await call(emu, 'POST', `${D}/users/1001/email`, {
      template: 'welcome_email.php',
      subject: 'New Account Setup',
    });
    // The spec declares 200 `{}` for the e-mail POST.
    expect(res.status).toBe(200);
    expect(emu.state().domains[DOMAIN].emails_sent).toEqual([
      expect.objectContaining({
        user: '1001',
        to: 'ada@acme.example.com',
        template: 'welcome_email.php',
        subject: 'New Account Setup',
      }),
    ]);
  });

  it('exposes voicemail and greetings counts so a plan can say what a delete loses', async () => {
    // The seed's `inbox`/`saved` are read as the spec's `new`/`save`.
    expect((await call(emu, 'GET', `${D}/users/1001/voicemails/new/count`)).json).toMatchObject({ total: 2, count: 2 });
    expect((await call(emu, 'GET', `${D}/users/1001/voicemails/save`)).json).toHaveLength(1);
    expect((await call(emu, 'GET', `${D}/users/1002/voicemails/trash`)).json).toEqual([]);
    expect((await call(emu, 'GET', `${D}/users/1001/voicemails/inbox/count`)).status).toBe(404);
    expect((await call(emu, 'GET', `${D}/users/1001/greetings/count`)).json).toMatchObject({ total: 1, count: 1 });
    expect((await call(emu, 'GET', `${D}/users/1001/greetings`)).json[0]['file-script-text']).toBe('Hi, this is Ada');
  });

  it('updates the domain record with PUT and resolves ~ to the only domain', async () => {
    expect((await call(emu, 'PUT', D, { description: 'Acme Corp', domain: 'renamed' })).status).toBe(202);
    const got = await call(emu, 'GET', '/domains/~');
    expect(got.json).toMatchObject({ domain: DOMAIN, description: 'Acme Corp', reseller: 'acme-reseller' });
  });

  it('logs requests with the X-NetSapiens-Log tag and can reset the log', async () => {
    emu.requests.reset();
    await call(emu, 'GET', `${D}/users?limit=5`, undefined, { headers: { 'x-netsapiens-log': 'plan-abc123' } });
    await call(emu, 'GET', '/version', undefined, { key: null });
    expect(emu.requests.count).toBe(2);
    expect(emu.requests.list()[0]).toMatchObject({
      method: 'GET',
      path: `${D}/users`,
      query: { limit: '5' },
      status: 200,
      logTag: 'plan-abc123',
    });
    expect(emu.requests.list()[1].status).toBe(401);
    emu.requests.reset();
    expect(emu.requests.count).toBe(0);
  });

  it('rejects malformed JSON with 400', async () => {
    const { request } = await import('undici');
    const res = await request(`${emu.url}${D}/users`, {
      method: 'POST',
      headers: { authorization: 'Bearer nsd_emulator_default_key_0000000000000000000000000000000000000' },
      body: '{nope',
    });
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toMatchObject({ code: 400 });
  });
});
