import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, stateFromSeed } from './index';
import { DOMAIN, call, newUser, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;

const YAML_SEED = `
domains:
  acme.example.com:
    domain: { description: Acme, reseller: acme-reseller, time-zone: America/New_York }
    users:
      - { user: "1001", name-first-name: Ada, name-last-name: Lovelace, email: ada@acme.example.com, user-scope: Basic User, service-code: "", voicemail-login-pin: "1234" }
    devices:
      - { device: "1001", user: "1001", device-models-model: yealink-t54w, device-provisioning-mac-address: 0004f2aabbcc }
    answerrules:
      - { user: "1001", time-frame: "*", enabled: yes, forward-on-spam-call: { enabled: "yes", parameters: [vmail_1001] } }
    contacts:
      - { name-first-name: Acme, name-last-name: Plumbing, company: Acme }
    user_contacts: { "1001": [ { name-first-name: Mom } ] }
    number_filters: [ 19005550000 ]
    phonenumbers:
      - { phonenumber: 12125550100, dial-rule-application: to-user, dial-rule-translation-destination-user: "1001" }
    voicemails: { "1001": { inbox: [ { filename: vm-1.wav } ], saved: [] } }
    greetings: { "1001": [ { index: 1 } ] }
    emails_sent: []
`;

describe('state file and seeds', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbxctl-emulator-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('seeds from a YAML file with platform defaults and 44.x spellings normalised', async () => {
    const seedFile = path.join(dir, 'seed.yaml');
    fs.writeFileSync(seedFile, YAML_SEED);
    const emu = await startEmulator({ seed: seedFile });
    try {
      const user = (await call(emu, 'GET', `${D}/users/1001`)).json;
      expect(user).toMatchObject({
        'email-address': 'ada@acme.example.com',
        'login-username': `1001@${DOMAIN}`,
        'voicemail-login-pin': '1234',
      });
      expect(user).not.toHaveProperty('email');
      const device = (await call(emu, 'GET', `${D}/users/1001/devices/1001`)).json;
      expect(device['device-sip-registration-password']).toMatch(/^.{16}$/);
      const contacts = (await call(emu, 'GET', `${D}/contacts`)).json;
      expect(contacts[0]['unique-id']).toMatch(/^[0-9a-f]{32}$/);
      expect((await call(emu, 'GET', `${D}/number-filters`)).json[0]['phone-numbers-to-reject'].parameters).toEqual([
        '19005550000',
      ]);
      expect((await call(emu, 'GET', `${D}/phonenumbers/12125550100`)).status).toBe(200);
      expect((await call(emu, 'GET', `${D}/users/1001/answerrules/%2A`)).json.order).toBe(99);
      expect((await call(emu, 'GET', `${D}/users/1001/greetings/count`)).json).toMatchObject({ total: 1, count: 1 });
      expect((await call(emu, 'GET', D)).json['time-zone']).toBe('America/New_York');
    } finally {
      await emu.close();
    }
  });

  it('seeds from a JSON file too', async () => {
    const seedFile = path.join(dir, 'seed.json');
    fs.writeFileSync(seedFile, JSON.stringify(richSeed()));
    const emu = await startEmulator({ seed: seedFile });
    try {
      expect((await call(emu, 'GET', `${D}/users/count`)).json).toEqual({ total: 3 });
    } finally {
      await emu.close();
    }
  });

  it('persists every mutation atomically and survives a restart; the seed is ignored once state exists', async () => {
    const statePath = path.join(dir, 'nested', 'state.json');
    const first = await startEmulator({ statePath, seed: richSeed() });
    expect(fs.existsSync(statePath)).toBe(true);
    await call(first, 'POST', `${D}/users`, newUser('1003', { 'name-first-name': 'Alan' }));
    await call(first, 'DELETE', `${D}/users/1002`);
    const onDisk = JSON.parse(fs.readFileSync(statePath, 'utf8'));
    expect(onDisk.domains[DOMAIN].users.map((u: { user: string }) => u.user)).toEqual(['1001', '2000', '1003']);
    expect(fs.readdirSync(path.dirname(statePath))).toEqual(['state.json']);
    const snapshot = first.state();
    await first.close();

    const second = await startEmulator({ statePath, seed: { domains: { 'other.example.com': {} } } });
    try {
      expect(second.state()).toEqual(snapshot);
      expect((await call(second, 'GET', `${D}/users/1003`)).json['name-first-name']).toBe('Alan');
      expect((await call(second, 'GET', `${D}/users/1002`)).status).toBe(404);
    } finally {
      await second.close();
    }
  });

  it('state() is a deep copy; mutate() edits, persists and bumps last-modified-datetime of touched records', async () => {
    const statePath = path.join(dir, 'state.json');
    const emu = await startEmulator({ statePath, seed: richSeed() });
    try {
      const copy = emu.state();
      copy.domains[DOMAIN].users[0]['name-first-name'] = 'Changed';
      expect(emu.state().domains[DOMAIN].users[0]['name-first-name']).toBe('Ada');

      const before = emu.state().domains[DOMAIN].users;
      await new Promise((r) => setTimeout(r, 5));
      emu.mutate((s) => {
        s.domains[DOMAIN].users[0].department = 'Drifted';
      });
      const after = emu.state().domains[DOMAIN].users;
      expect(after[0].department).toBe('Drifted');
      expect(after[0]['last-modified-datetime']).not.toBe(before[0]['last-modified-datetime']);
      expect(after[1]['last-modified-datetime']).toBe(before[1]['last-modified-datetime']);
      expect(JSON.parse(fs.readFileSync(statePath, 'utf8')).domains[DOMAIN].users[0].department).toBe('Drifted');
      expect((await call(emu, 'GET', `${D}/users/1001`)).json.department).toBe('Drifted');
    } finally {
      await emu.close();
    }
  });

  it('starts empty without seed; POST /domains and PUT /__emulator/state create domains', async () => {
    const emu = await startEmulator();
    try {
      expect(emu.state()).toEqual({ version: 1, domains: {} });
      expect(
        (
          await call(emu, 'POST', '/domains', {
            domain: 'new.example.com',
            reseller: 'r',
            description: 'New',
            synchronous: 'yes',
          })
        ).status,
      ).toBe(200);
      expect((await call(emu, 'GET', '/domains/new.example.com')).json.description).toBe('New');
      const { request } = await import('undici');
      const res = await request(`http://127.0.0.1:${emu.port}/__emulator/state`, {
        method: 'PUT',
        body: JSON.stringify(richSeed()),
      });
      expect(res.statusCode).toBe(200);
      await res.body.text();
      expect(Object.keys(emu.state().domains)).toEqual([DOMAIN]);
    } finally {
      await emu.close();
    }
  });

  it('stateFromSeed rejects records without their key', () => {
    expect(() => stateFromSeed({ domains: { x: { users: [{ 'name-first-name': 'no ext' }] } } })).toThrow(
      /user is required/,
    );
  });
});
