// The platform behaviour issue 12 asks of the strict emulator, over real HTTP, plus its independence.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './index';
import { DOMAIN, call, contact, newUser, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;

describe('strict platform behaviour (v45.0)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ seed: richSeed() });
  });
  afterAll(() => emu.close());

  it('drops a field the spec does not define for a user, and rejects an enum value outside the spec', async () => {
    expect((await call(emu, 'POST', `${D}/users`, newUser('1201', { 'favourite-colour': 'red' }))).status).toBe(202);
    const stored = emu.state().domains[DOMAIN].users.find((u) => u.user === '1201');
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('favourite-colour');
    const bad = await call(emu, 'POST', `${D}/users`, newUser('1202', { 'user-scope': 'Nope' }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json).sort()).toEqual(['code', 'message']);
    expect(bad.json.message).toMatch(/user-scope/);
    expect(emu.state().domains[DOMAIN].users.some((u) => u.user === '1202')).toBe(false);
  });

  it('writes the default * answer rule on user create; a second POST of * is 409, PUT of * works', async () => {
    expect((await call(emu, 'POST', `${D}/users`, newUser('1203'))).status).toBe(202);
    const rules = (await call(emu, 'GET', `${D}/users/1203/answerrules`)).json;
    expect(rules.map((r: Record<string, unknown>) => r['time-frame'])).toEqual(['*']);
    const body = { synchronous: 'yes', 'time-frame': '*', enabled: 'yes', 'is-active': true };
    expect((await call(emu, 'POST', `${D}/users/1203/answerrules`, body)).status).toBe(409);
    const spam = { 'forward-on-spam-call': { enabled: 'yes', parameters: ['vmail_1203'] } };
    expect((await call(emu, 'PUT', `${D}/users/1203/answerrules/%2A`, spam)).status).toBe(202);
    const star = (await call(emu, 'GET', `${D}/users/1203/answerrules/%2A`)).json;
    expect(star['forward-on-spam-call']).toEqual({ enabled: 'yes', parameters: ['vmail_1203'] });
  });

  it('serves the voicemail folders new, save and trash only', async () => {
    expect((await call(emu, 'GET', `${D}/users/1001/voicemails/inbox/count`)).status).toBe(404);
    expect((await call(emu, 'GET', `${D}/users/1001/voicemails/saved`)).status).toBe(404);
    const fresh = await call(emu, 'GET', `${D}/users/1001/voicemails/new/count`);
    expect(fresh.status).toBe(200);
    expect(fresh.json.count).toBe(2);
    expect((await call(emu, 'GET', `${D}/users/1001/voicemails/trash/count`)).json.count).toBe(0);
  });

  it('serves /phones MAC records: create, list, read, update, delete', async () => {
    const mac = '0004F2ABCDEF';
    const body = { 'device-provisioning-mac-address': mac, 'device-provisioning-sip-uri-1': `sip:1002@${DOMAIN}` };
    expect((await call(emu, 'POST', `${D}/phones`, body)).status).toBe(202);
    expect((await call(emu, 'POST', `${D}/phones`, body)).status).toBe(409);
    expect((await call(emu, 'POST', `${D}/phones`, { notes: 'no mac' })).status).toBe(400);
    // maxLength/minLength 12 in the spec: a MAC with separators is refused.
    const colons = await call(emu, 'POST', `${D}/phones`, { 'device-provisioning-mac-address': '00:04:f2:ab:cd:ef' });
    expect(colons.status).toBe(400);
    expect(colons.json.message).toMatch(/device-provisioning-mac-address/);
    const list = (await call(emu, 'GET', `${D}/phones`)).json;
    expect(list.map((p: Record<string, unknown>) => p['device-provisioning-mac-address'])).toContain('0004f2abcdef');
    const update = { 'device-provisioning-mac-address': '0004f2abcdef', notes: 'front desk' };
    expect((await call(emu, 'PUT', `${D}/phones`, update)).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/phones/0004f2abcdef`)).json.notes).toBe('front desk');
    const del = { 'device-provisioning-mac-address': '0004f2abcdef' };
    expect((await call(emu, 'DELETE', `${D}/phones`, del)).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/phones/0004f2abcdef`)).status).toBe(404);
    // The seeded device with a MAC has its MAC record too.
    expect((await call(emu, 'GET', `${D}/phones/0004f2aabbcc`)).json['device-provisioning-sip-uri-1']).toBe(
      `sip:1001@${DOMAIN}`,
    );
  });

  it('returns whole lists where the spec declares no paging, and pages users', async () => {
    emu.mutate((s) => {
      const d = s.domains[DOMAIN];
      for (let i = 0; i < 1500; i++) d.contacts.push({ ...contact({ company: `C${i}` }), 'unique-id': `bulk-${i}` });
    });
    const first = await call(emu, 'GET', `${D}/contacts?start=0&limit=1000`);
    const second = await call(emu, 'GET', `${D}/contacts?start=1000&limit=1000`);
    expect(first.json.length).toBeGreaterThan(1500);
    expect(second.json).toEqual(first.json);
    const users = await call(emu, 'GET', `${D}/users?start=1&limit=2`);
    expect(users.json.map((u: Record<string, unknown>) => u.user)).toEqual(['1002', '1201']);
  });

  it('sorts extensions naturally (999 before 1000) without a locale', async () => {
    expect((await call(emu, 'POST', `${D}/users`, newUser('999'))).status).toBe(202);
    const users = (await call(emu, 'GET', `${D}/users`)).json.map((u: Record<string, unknown>) => u.user);
    expect(users.indexOf('999')).toBeLessThan(users.indexOf('1001'));
  });
});

describe('44.x mode', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ seed: richSeed(), apiVersion: '44.1.2' });
  });
  afterAll(() => emu.close());

  it('reports 44.1.2 and returns the 44.x spellings', async () => {
    expect((await call(emu, 'GET', '/version')).json.apiversion).toBe('44.1.2');
    const ada = (await call(emu, 'GET', `${D}/users/1001`)).json;
    expect(ada.email).toBe('ada@acme.example.com');
    expect(ada).not.toHaveProperty('email-address');
    expect(ada).toHaveProperty('directory-annouce-in-dial-by-name-enabled');
    const rule = (await call(emu, 'GET', `${D}/users/1001/answerrules/%2A`)).json;
    expect(rule).toHaveProperty('ordinal-priority');
    expect(rule).not.toHaveProperty('order');
  });

  it('expects the 44.x spellings: `email` is required on create, `email-address` is unknown and dropped', async () => {
    const v45only = await call(emu, 'POST', `${D}/users`, newUser('1301', { 'email-address': 'a@x.com' }));
    expect(v45only.status).toBe(400);
    expect(v45only.json.message).toMatch(/email/);
    const both = newUser('1302', { 'email-address': 'v45@x.com', email: 'v44@x.com' });
    expect((await call(emu, 'POST', `${D}/users`, both)).status).toBe(202);
    expect((await call(emu, 'GET', `${D}/users/1302`)).json.email).toBe('v44@x.com');
    expect((await call(emu, 'PUT', `${D}/users/1302`, { 'email-address': 'ignored@x.com' })).status).toBe(202);
    expect((await call(emu, 'PUT', `${D}/users/1302`, { email: 'new@x.com' })).status).toBe(202);
    expect(emu.state().domains[DOMAIN].users.find((u) => u.user === '1302')?.['email-address']).toBe('new@x.com');
  });
});

/** Every relative import reachable from emulator/index.ts, as absolute file paths. */
function reachableImports(entry: string): { files: Set<string>; specifiers: string[] } {
  const files = new Set<string>();
  const specifiers: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      specifiers.push(spec);
      if (!spec.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), spec);
      const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
      if (target) queue.push(target);
      else throw new Error(`${file}: cannot resolve ${spec}`);
    }
  }
  return { files, specifiers };
}

describe('independence', () => {
  it('imports nothing from reconciler/ (or anywhere outside emulator/): it does not share the codec', () => {
    const dir = __dirname;
    const { files, specifiers } = reachableImports(path.join(dir, 'index.ts'));
    expect(files.size).toBeGreaterThan(10);
    const outside = [...files].filter((f) => !f.startsWith(dir + path.sep));
    expect(outside).toEqual([]);
    expect(specifiers.filter((s) => /reconciler|provider\//.test(s))).toEqual([]);
    // Packages: node built-ins and runtime dependencies only (the emulator ships in dist/).
    const deps = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(dir, '..', 'package.json'), 'utf8')) as { dependencies: object })
        .dependencies,
    );
    const packages = specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
    expect(packages.filter((s) => !deps.includes(s.startsWith('@') ? s : (s.split('/')[0] as string)))).toEqual([]);
  });
});

describe('command-line options', () => {
  it('--api-version selects the 44.x mode, --lax turns strict checking off, bad values are refused', async () => {
    const { emulatorOptionsFromArgs } = await import('./index');
    expect(emulatorOptionsFromArgs(['--api-version', '44.1.2', '--port', '0'])).toMatchObject({
      apiVersion: '44.1.2',
      port: 0,
      strictRequests: true,
    });
    expect(emulatorOptionsFromArgs(['--lax']).strictRequests).toBe(false);
    expect(() => emulatorOptionsFromArgs(['--api-version', 'latest'])).toThrow(/--api-version/);
    expect(() => emulatorOptionsFromArgs(['--port', '70000'])).toThrow(/--port/);
  });
});
