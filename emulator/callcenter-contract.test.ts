// The call-queue, agent and auto-attendant endpoints against the OpenAPI v45.0 document (as
// openapi-contract.test.ts does for the rest): every request is what a correct client sends, checked by
// strict requests; every response body is validated against the schema the document declares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from './index';
import { findOperation, responseSchemaFor, validateAgainst } from './openapi';
import { call, DOMAIN, richSeed } from './test-support/emulator-client';

const D = `/domains/${DOMAIN}`;
const SUCCESS = { $ref: '#/components/schemas/SuccessResponse' };
const Q = '/domains/{domain}/callqueues/{callqueue}';
const AA = '/domains/{domain}/users/{user}/autoattendants/{prompt}';
const AGENT = `${Q}/agents/{callqueue-agent-id}`;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Case = readonly [Method, string, string, number, unknown?];

const TIER = {
  'no-key-press': 'option-0',
  'unassigned-key-press': 'repeat',
  'option-1': { description: 'Sales', 'destination-application': 'to-user', 'destination-user': '1001' },
  'option-2': { 'destination-application': 'to-callqueue', 'destination-user': '3100' },
  'option-0': { 'destination-application': 'to-voicemail', 'destination-user': '1002' },
};

const CASES: Case[] = [
  [
    'POST',
    '/domains/{domain}/callqueues',
    `${D}/callqueues`,
    200,
    {
      synchronous: 'yes',
      callqueue: '3100',
      domain: DOMAIN,
      description: 'Support',
      'callqueue-dispatch-type': 'Ring All',
      'callqueue-agent-dispatch-timeout-seconds': 20,
    },
  ],
  ['GET', '/domains/{domain}/callqueues', `${D}/callqueues`, 200],
  ['GET', Q, `${D}/callqueues/3100`, 200],
  ['PUT', Q, `${D}/callqueues/3100`, 202, { 'callqueue-dispatch-type': 'Linear Hunt' }],
  [
    'POST',
    `${Q}/agents`,
    `${D}/callqueues/3100/agents`,
    200,
    {
      synchronous: 'yes',
      'callqueue-agent-id': `1001@${DOMAIN}`,
      'callqueue-agent-dispatch-order-ordinal': 1,
    },
  ],
  ['POST', `${Q}/agents`, `${D}/callqueues/3100/agents`, 202, { 'callqueue-agent-id': `1002@${DOMAIN}` }],
  ['GET', `${Q}/agents`, `${D}/callqueues/3100/agents`, 200],
  ['GET', AGENT, `${D}/callqueues/3100/agents/1001@${DOMAIN}`, 200],
  ['PUT', AGENT, `${D}/callqueues/3100/agents/1001@${DOMAIN}`, 202, { 'callqueue-agent-dispatch-order-ordinal': 2 }],
  ['DELETE', AGENT, `${D}/callqueues/3100/agents/1002@${DOMAIN}`, 202],
  [
    'POST',
    '/domains/{domain}/autoattendants',
    `${D}/autoattendants`,
    200,
    {
      'attendant-name': 'Main Menu',
      user: '3000',
      'time-frame': '*',
      'auto-attendant': TIER,
    },
  ],
  ['GET', '/domains/{domain}/autoattendants', `${D}/autoattendants`, 200],
  ['GET', AA, `${D}/users/3000/autoattendants/Prompt_100`, 200],
  ['PUT', AA, `${D}/users/3000/autoattendants/Prompt_100`, 202, { 'attendant-name': 'Main', 'auto-attendant': TIER }],
  ['DELETE', AA, `${D}/users/3000/autoattendants/Prompt_100`, 202],
  ['DELETE', Q, `${D}/callqueues/3100`, 202],
];

describe('call queues, agents and auto attendants match the OpenAPI v45.0 document', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ seed: richSeed(), strictRequests: true });
  });
  afterAll(() => emu.close());

  it.each(CASES.map((c) => [`${c[0]} ${c[2]} → ${c[3]}`, c] as const))('%s', async (_name, c) => {
    const [method, template, path, status, body] = c;
    const res = await call(emu, method, path, body);
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    expect(findOperation(method, template), `operation ${method} ${template} exists in the spec`).toBeDefined();
    const declared = responseSchemaFor(method, template, status);
    if (method === 'GET') expect(declared, 'spec declares a body for this GET').toBeDefined();
    const schema = declared ?? (status === 202 ? SUCCESS : undefined);
    expect(schema).toBeDefined();
    expect(validateAgainst(schema!, res.json).errors).toBe('');
    expect(emu.contractViolations).toEqual([]);
  });

  it('creating an attendant creates its system-aa user; a queue lists its agents in order', async () => {
    await call(emu, 'POST', `${D}/autoattendants`, { 'attendant-name': 'Night', user: '3001', 'auto-attendant': TIER });
    const user = await call(emu, 'GET', `${D}/users/3001`);
    expect(user.json).toMatchObject({ user: '3001', 'service-code': 'system-aa', 'name-first-name': 'Night' });
    const clash = await call(emu, 'POST', `${D}/autoattendants`, { 'attendant-name': 'X', user: '1001' });
    expect(clash.status).toBe(409);
  });

  it('refuses what the platform would: unknown dispatch type, agent of a missing user, bad fail option', async () => {
    await call(emu, 'POST', `${D}/callqueues`, { synchronous: 'yes', callqueue: '3200', domain: DOMAIN });
    const bad = await call(emu, 'PUT', `${D}/callqueues/3200`, { 'callqueue-dispatch-type': 'Random' });
    expect(bad.status).toBe(400);
    const ghost = await call(emu, 'POST', `${D}/callqueues/3200/agents`, { 'callqueue-agent-id': `9999@${DOMAIN}` });
    expect(ghost.status).toBe(404);
    const fail = await call(emu, 'POST', `${D}/autoattendants`, {
      'attendant-name': 'Y',
      user: '3002',
      'auto-attendant': { 'no-key-press': 'option-x' },
    });
    expect(fail.status).toBe(400);
  });
});
