import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './index';
import { findOperation, responseSchemaFor, validateAgainst } from './openapi';
import { DOMAIN, call, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;
const SUCCESS = { $ref: '#/components/schemas/SuccessResponse' };
const ERROR = { $ref: '#/components/schemas/ErrorResponse' };

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Case {
  readonly method: Method;
  readonly template: string;
  readonly path: string;
  readonly status: number;
  readonly body?: unknown;
  /** Schema to use where the document declares none for this status. */
  readonly fallback?: Record<string, unknown>;
}

// Every emulated endpoint, in an order where each write finds what it needs.
const CASES: Case[] = [
  { method: 'GET', template: '/version', path: '/version', status: 200 },
  { method: 'GET', template: '/domains/{domain}', path: D, status: 200 },
  { method: 'PUT', template: '/domains/{domain}', path: D, status: 202, body: { description: 'Acme Corp' } },
  { method: 'GET', template: '/domains/{domain}/users', path: `${D}/users`, status: 200 },
  { method: 'GET', template: '/domains/{domain}/users', path: `${D}/users?site=HQ`, status: 200 },
  { method: 'GET', template: '/domains/{domain}/users/count', path: `${D}/users/count`, status: 200 },
  { method: 'GET', template: '/domains/{domain}/users/{user}', path: `${D}/users/1001`, status: 200 },
  {
    method: 'POST',
    template: '/domains/{domain}/users',
    path: `${D}/users`,
    status: 200,
    body: {
      synchronous: 'yes',
      user: '1003',
      'name-first-name': 'Alan',
      'name-last-name': 'Turing',
      'email-address': 'alan@acme.example.com',
      'user-scope': 'Basic User',
    },
  },
  {
    method: 'POST',
    template: '/domains/{domain}/users',
    path: `${D}/users`,
    status: 202,
    body: {
      user: '1004',
      'name-first-name': 'Kat',
      'name-last-name': 'Johnson',
      'email-address': 'kat@acme.example.com',
      'user-scope': 'Basic User',
    },
  },
  {
    method: 'PUT',
    template: '/domains/{domain}/users/{user}',
    path: `${D}/users/1003`,
    status: 202,
    body: { department: 'R&D' },
  },
  {
    method: 'POST',
    template: '/domains/{domain}/users/{user}/email',
    path: `${D}/users/1003/email`,
    status: 200,
    body: { template: 'welcome_email.php', subject: 'New Account Setup' },
  },
  { method: 'GET', template: '/domains/{domain}/users/{user}/devices', path: `${D}/users/1001/devices`, status: 200 },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/devices/count',
    path: `${D}/users/1001/devices/count`,
    status: 200,
  },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/devices/{device}',
    path: `${D}/users/1001/devices/1001`,
    status: 200,
  },
  {
    method: 'POST',
    template: '/domains/{domain}/users/{user}/devices',
    path: `${D}/users/1003/devices`,
    status: 200,
    body: { synchronous: 'yes', device: '1003' },
  },
  {
    method: 'POST',
    template: '/domains/{domain}/users/{user}/devices',
    path: `${D}/users/1003/devices`,
    status: 202,
    body: { device: '1003a' },
  },
  {
    method: 'PUT',
    template: '/domains/{domain}/users/{user}/devices/{device}',
    path: `${D}/users/1003/devices/1003a`,
    status: 202,
    body: { 'device-models-model': 'poly-vvx450' },
  },
  {
    method: 'DELETE',
    template: '/domains/{domain}/users/{user}/devices/{device}',
    path: `${D}/users/1003/devices/1003a`,
    status: 202,
  },
  { method: 'GET', template: '/domains/{domain}/devices', path: `${D}/devices`, status: 200 },
  { method: 'GET', template: '/domains/{domain}/devices/count', path: `${D}/devices/count`, status: 200 },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/answerrules',
    path: `${D}/users/1001/answerrules`,
    status: 200,
  },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/answerrules/count',
    path: `${D}/users/1001/answerrules/count`,
    status: 200,
  },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/answerrules/{timeframe}',
    path: `${D}/users/1001/answerrules/%2A`,
    status: 200,
  },
  {
    method: 'POST',
    template: '/domains/{domain}/users/{user}/answerrules',
    path: `${D}/users/1003/answerrules`,
    status: 202,
    // The document lists only 202 here, `synchronous` or not.
    body: {
      synchronous: 'yes',
      'time-frame': 'holiday',
      enabled: 'yes',
      'is-active': false,
      'forward-on-spam-call': { enabled: 'yes', parameters: ['vmail_1003'] },
    },
  },
  {
    method: 'PUT',
    template: '/domains/{domain}/users/{user}/answerrules/{timeframe}',
    path: `${D}/users/1003/answerrules/holiday`,
    status: 202,
    body: { 'forward-always': { enabled: 'yes', parameters: ['vmail_1003'] } },
  },
  {
    method: 'DELETE',
    template: '/domains/{domain}/users/{user}/answerrules/{timeframe}',
    path: `${D}/users/1003/answerrules/holiday`,
    status: 202,
  },
  {
    method: 'POST',
    template: '/domains/{domain}/users/{user}/answerrules',
    path: `${D}/users/1003/answerrules`,
    status: 202,
    body: { synchronous: 'no', 'time-frame': 'lunch', enabled: 'yes', 'is-active': false },
  },
  {
    method: 'PUT',
    template: '/domains/{domain}/users/{user}/answerrules/{timeframe}',
    path: `${D}/users/1003/answerrules/%2A`,
    status: 202,
    body: { enabled: 'yes', 'is-active': true, 'do-not-disturb': { enabled: 'yes' } },
  },
  {
    method: 'PUT',
    template: '/domains/{domain}/users/{user}/answerrules/reorder',
    path: `${D}/users/1003/answerrules/reorder`,
    status: 202,
    body: [{ 'time-frame': 'lunch' }, { 'time-frame': '*' }],
  },
  {
    method: 'DELETE',
    template: '/domains/{domain}/users/{user}/answerrules/{timeframe}',
    path: `${D}/users/1003/answerrules/lunch`,
    status: 202,
  },
  { method: 'GET', template: '/domains/{domain}/contacts', path: `${D}/contacts`, status: 200 },
  { method: 'GET', template: '/domains/{domain}/contacts/{contact_id}', path: `${D}/contacts/c-plumbing`, status: 200 },
  {
    method: 'POST',
    template: '/domains/{domain}/contacts',
    path: `${D}/contacts`,
    status: 200,
    body: {
      'name-first-name': 'Bob',
      'name-middle-name': '',
      'name-last-name': 'Builder',
      email: 'bob@example.com',
      company: 'Builders',
      'phonenumber-work': '12125550112',
      'phonenumber-cell': '',
      'phonenumber-fax': '',
      'phonenumber-home': '',
    },
  },
  {
    method: 'PUT',
    template: '/domains/{domain}/contacts/{contact_id}',
    path: `${D}/contacts/c-plumbing`,
    status: 200,
    body: { company: 'Acme Plumbing' },
  },
  { method: 'GET', template: '/domains/{domain}/users/{user}/contacts', path: `${D}/users/1001/contacts`, status: 200 },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/contacts/count',
    path: `${D}/users/1001/contacts/count`,
    status: 200,
  },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/contacts/{contact_id}',
    path: `${D}/users/1001/contacts/p-mom`,
    status: 200,
  },
  {
    method: 'POST',
    template: '/domains/{domain}/users/{user}/contacts',
    path: `${D}/users/1001/contacts`,
    status: 200,
    body: {
      'name-first-name': 'Dad',
      'name-middle-name': '',
      'name-last-name': '',
      email: '',
      company: '',
      'phonenumber-work': '',
      'phonenumber-cell': '12125550998',
      'phonenumber-fax': '',
      'phonenumber-home': '',
    },
  },
  {
    method: 'DELETE',
    template: '/domains/{domain}/contacts/{contact_id}',
    path: `${D}/contacts/c-plumbing`,
    status: 202,
  },
  { method: 'GET', template: '/domains/{domain}/number-filters', path: `${D}/number-filters`, status: 200 },
  {
    method: 'POST',
    template: '/domains/{domain}/number-filters',
    path: `${D}/number-filters`,
    status: 202,
    body: { 'phone-numbers-to-reject': { parameters: ['18885550000'] } },
  },
  {
    method: 'DELETE',
    template: '/domains/{domain}/number-filters',
    path: `${D}/number-filters`,
    status: 202,
    body: { 'phone-numbers-to-reject': { parameters: ['19005550000'] } },
  },
  { method: 'GET', template: '/domains/{domain}/phonenumbers', path: `${D}/phonenumbers`, status: 200 },
  { method: 'GET', template: '/domains/{domain}/phonenumbers/count', path: `${D}/phonenumbers/count`, status: 200 },
  {
    method: 'GET',
    template: '/domains/{domain}/phonenumbers/{phonenumber}',
    path: `${D}/phonenumbers/12125550100`,
    status: 200,
  },
  {
    method: 'POST',
    template: '/domains/{domain}/phonenumbers',
    path: `${D}/phonenumbers`,
    status: 202,
    body: {
      phonenumber: '12125550102',
      'dial-rule-application': 'available-number',
      'dial-rule-translation-destination-user': '[*]',
    },
  },
  {
    method: 'PUT',
    template: '/domains/{domain}/phonenumbers/{phonenumber}',
    path: `${D}/phonenumbers/12125550102`,
    status: 202,
    body: {
      'dial-rule-application': 'to-user',
      'dial-rule-translation-destination-user': '1003',
      'dial-rule-translation-destination-host': DOMAIN,
    },
  },
  {
    method: 'DELETE',
    template: '/domains/{domain}/phonenumbers/{phonenumber}',
    path: `${D}/phonenumbers/12125550101`,
    status: 202,
  },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/voicemails/{folder}',
    path: `${D}/users/1001/voicemails/new`,
    status: 200,
  },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/voicemails/{folder}/count',
    path: `${D}/users/1001/voicemails/save/count`,
    status: 200,
  },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/greetings',
    path: `${D}/users/1001/greetings`,
    status: 200,
  },
  {
    method: 'GET',
    template: '/domains/{domain}/users/{user}/greetings/count',
    path: `${D}/users/1001/greetings/count`,
    status: 200,
  },
  { method: 'GET', template: '/domains/{domain}/phones', path: `${D}/phones?limit=1000`, status: 200 },
  {
    method: 'POST',
    template: '/domains/{domain}/phones',
    path: `${D}/phones`,
    status: 202,
    body: {
      'device-provisioning-mac-address': '0004f2c0ffee',
      'device-models-brand-and-model': 'yealink-t54w',
      'device-provisioning-sip-uri-1': `sip:1001a@${DOMAIN}`,
    },
  },
  { method: 'GET', template: '/domains/{domain}/phones/{mac}', path: `${D}/phones/0004f2c0ffee`, status: 200 },
  {
    method: 'PUT',
    template: '/domains/{domain}/phones',
    path: `${D}/phones`,
    status: 202,
    body: { 'device-provisioning-mac-address': '0004f2c0ffee', 'device-provisioning-sip-uri-2': `sip:1002@${DOMAIN}` },
  },
  {
    method: 'DELETE',
    template: '/domains/{domain}/phones',
    path: `${D}/phones`,
    status: 202,
    body: { 'device-provisioning-mac-address': '0004f2c0ffee' },
  },
  { method: 'DELETE', template: '/domains/{domain}/users/{user}', path: `${D}/users/1004`, status: 202 },
];

describe('responses match the OpenAPI v45.0 document', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    // strictRequests too: every request body above is what a correct client sends.
    emu = await startEmulator({ seed: richSeed(), strictRequests: true });
  });
  afterAll(() => emu.close());

  it.each(CASES.map((c) => [`${c.method} ${c.path} → ${c.status}`, c] as const))('%s', async (_name, c) => {
    const res = await call(emu, c.method, c.path, c.body);
    expect(res.status, JSON.stringify(res.json)).toBe(c.status);
    expect(findOperation(c.method, c.template), `operation ${c.method} ${c.template} exists in the spec`).toBeDefined();
    const declared = responseSchemaFor(c.method, c.template, c.status);
    if (c.method === 'GET') expect(declared, 'spec declares a body for this GET').toBeDefined();
    // Where the document declares no 202 body (contacts, email: it says 200 `{}`), the platform's
    // documented `{code:202,message:"Accepted"}` is checked against SuccessResponse instead.
    const schema = declared ?? c.fallback ?? (c.status === 202 ? SUCCESS : undefined);
    expect(schema).toBeDefined();
    const result = validateAgainst(schema!, res.json);
    expect(result.errors).toBe('');
    expect(emu.contractViolations).toEqual([]);
  });

  it('list endpoints return bare arrays and counts return {total}', async () => {
    const users = await call(emu, 'GET', `${D}/users`);
    expect(Array.isArray(users.json)).toBe(true);
    const count = await call(emu, 'GET', `${D}/users/count`);
    expect(count.json).toEqual({ total: users.json.length });
  });

  it('error bodies match ErrorResponse', async () => {
    for (const [path, status] of [
      [`${D}/users/9999`, 404],
      ['/domains/nope.example.com/users', 404],
      [`${D}/users?limit=5000`, 400],
      [`${D}/phones/0004f2dead00`, 404],
    ] as const) {
      const res = await call(emu, 'GET', path);
      expect(res.status).toBe(status);
      expect(validateAgainst(ERROR, res.json).errors).toBe('');
    }
    const unauth = await call(emu, 'GET', `${D}/users`, undefined, { key: null });
    expect(validateAgainst(ERROR, unauth.json).valid).toBe(true);
  });
});
