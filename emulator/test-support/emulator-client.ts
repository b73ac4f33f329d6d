// Tiny undici wrapper for the emulator's own tests.

import { request } from 'undici';
import { DEFAULT_API_KEY, type RunningEmulator } from '../index';
import type { DomainSeed, EmulatorSeed } from '../types';

export interface CallResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: assertions index freely into response bodies
  readonly json: any;
}

export async function call(
  emu: RunningEmulator,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? DEFAULT_API_KEY}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await request(emu.url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Leave non-JSON bodies (injected fault pages) as text.
  }
  return { status: res.statusCode, headers: res.headers, json };
}

export const DOMAIN = 'acme.example.com';

/** A small domain with one of everything, used by the behaviour and contract tests. */
export function richSeed(): EmulatorSeed {
  return {
    domains: {
      [DOMAIN]: {
        domain: { description: 'Acme', reseller: 'acme-reseller', 'time-zone': 'America/New_York' },
        ...richSeedUsersAndDevices(),
        answerrules: richSeedAnswerRules(),
        contacts: [
          {
            'unique-id': 'c-plumbing',
            'name-first-name': 'Acme',
            'name-last-name': 'Plumbing',
            company: 'Acme',
            'phonenumber-work': '12125550111',
            tags: 'vendor',
          },
        ],
        user_contacts: {
          '1001': [{ 'unique-id': 'p-mom', 'name-first-name': 'Mom', 'phonenumber-cell': '12125550999' }],
        },
        number_filters: ['19005550000'],
        phonenumbers: [
          {
            phonenumber: '12125550100',
            'dial-rule-application': 'to-user',
            'dial-rule-translation-destination-user': '1001',
            'dial-rule-translation-destination-host': DOMAIN,
          },
          { phonenumber: '12125550101' },
        ],
        voicemails: {
          '1001': {
            inbox: [{ filename: 'vm-1.wav', FromUser: '1002' }, { filename: 'vm-2.wav' }],
            saved: [{ filename: 'vm-0.wav' }],
          },
        },
        greetings: { '1001': [{ index: 1, 'file-script-text': 'Hi, this is Ada' }] },
      },
    },
  };
}

/** richSeed's users (2000 is a ring group) and their devices. */
function richSeedUsersAndDevices(): Pick<DomainSeed, 'users' | 'devices'> {
  return {
    users: [
      {
        user: '1001',
        'name-first-name': 'Ada',
        'name-last-name': 'Lovelace',
        'email-address': 'ada@acme.example.com',
        'user-scope': 'Office Manager',
        department: 'Sales',
        site: 'HQ',
        'voicemail-login-pin': '1234',
        'account-status': 'standard',
      },
      {
        user: '1002',
        'name-first-name': 'Grace',
        'name-last-name': 'Hopper',
        email: 'grace@acme.example.com',
        site: 'Branch',
      },
      { user: '2000', 'name-first-name': 'Front', 'name-last-name': 'Desk', 'service-code': 'system-ringgroup' },
    ],
    devices: [
      {
        device: '1001',
        user: '1001',
        'device-models-model': 'yealink-t54w',
        'device-provisioning-mac-address': '0004f2aabbcc',
      },
      { device: '1001a', user: '1001' },
      { device: '1002', user: '1002', 'device-sip-registration-password': 'fixedpassword123' },
    ],
  };
}

/** richSeed's answer rules: spam and block on 1001, an after-hours rule, the ring group's members. */
function richSeedAnswerRules(): NonNullable<DomainSeed['answerrules']> {
  return [
    {
      user: '1001',
      'time-frame': '*',
      enabled: 'yes',
      'forward-on-spam-call': { enabled: 'yes', parameters: ['vmail_1001'] },
      'phone-numbers-to-reject': { enabled: 'yes', parameters: ['18005550199', 'anonymous'] },
    },
    {
      user: '1001',
      'time-frame': 'after-hours',
      enabled: 'yes',
      'forward-always': { enabled: 'yes', parameters: ['vmail_1001'] },
    },
    {
      user: '2000',
      'time-frame': '*',
      'simultaneous-ring': { enabled: 'yes', parameters: ['1001', '1002;delay=10'] },
      'forward-no-answer': { enabled: 'yes', parameters: ['vmail_1001'] },
    },
  ];
}

/** A user POST body the v45.0 request schema accepts (its required fields), plus `extra`. */
export function newUser(user: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    user,
    'name-first-name': 'Test',
    'name-last-name': `User ${user}`,
    'email-address': '',
    'user-scope': 'Basic User',
    ...extra,
  };
}

/** A contact POST body with every field the spec marks required (unset ones empty), plus `fields`. */
export function contact(fields: Record<string, unknown>): Record<string, unknown> {
  const empty = ['name-first-name', 'name-middle-name', 'name-last-name', 'email', 'company'];
  const phones = ['phonenumber-work', 'phonenumber-cell', 'phonenumber-fax', 'phonenumber-home'];
  return { ...Object.fromEntries([...empty, ...phones].map((k) => [k, ''])), ...fields };
}
