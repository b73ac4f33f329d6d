// Call queues and their agents: /domains/{domain}/callqueues[/{callqueue}[/agents[/{callqueue-agent-id}]]]
// (OAS45 "Call Center/Callqueues", "Call Center/Agents"). A queue is a CallQueue record keyed by its
// extension; whether the platform also creates the queue's user record is disputed (
// docs/reference/netsapiens-api.md §13), so the emulator creates none: a client makes the `system-queue` user itself, as
// NetSapiens' own example script does. Deleting a queue leaves its agents' rows and the phone numbers
// routed to it (platform-evidence "Teardown gaps"): a queue re-created at that extension lists them again.

import {
  ACCEPTED,
  type ApiResponse,
  bodyObject,
  checkYesNo,
  fail,
  type RouteContext,
  readDomain,
  writeDomain,
} from './route-helpers';
import { nowIso } from './record-defaults';
import type { DomainState, JsonRecord } from './types';

/** `callqueue-dispatch-type` values (the spec's enum). */
export const DISPATCH_TYPES = [
  'Round-robin',
  'Tiered Round-robin',
  'Ring All',
  'Linear Cascade',
  'Linear Hunt',
  'Call Park',
] as const;
const QUEUE_YES_NO = ['callqueue-calculate-statistics', 'callqueue-debug', 'callqueue-force-full-intro-playback'];
const QUEUE_READ_ONLY = [
  'active-queued-calls-total-current',
  'callqueue-count-agents-available',
  'callqueue',
  'domain',
];
const AGENT_READ_ONLY = [
  'callqueue-agent-id',
  'callqueue',
  'domain',
  'callqueue-agent-has-registered-devices',
  'active-calls-total-current',
  'last-modified-datetime',
  'callqueue-agent-entry-type',
];

function queues(d: DomainState): JsonRecord[] {
  d.callqueues ??= [];
  return d.callqueues;
}

function agents(d: DomainState): JsonRecord[] {
  d.agents ??= [];
  return d.agents;
}

function findQueue(d: DomainState, id: string): JsonRecord {
  return queues(d).find((r) => r.callqueue === id) ?? fail(404, `Callqueue ${id} not found`);
}

function checkQueue(record: JsonRecord): void {
  const type = record['callqueue-dispatch-type'];
  if (type !== undefined && !(DISPATCH_TYPES as readonly unknown[]).includes(type))
    fail(400, `Invalid callqueue-dispatch-type ${String(type)}`);
  const timeout = record['callqueue-agent-dispatch-timeout-seconds'];
  if (timeout !== undefined && (!Number.isInteger(timeout) || (timeout as number) < 0))
    fail(400, 'Invalid callqueue-agent-dispatch-timeout-seconds: a whole number of seconds');
  checkYesNo(record, QUEUE_YES_NO);
}

/** The queue as GET returns it: the agent count is computed. */
function view(d: DomainState, record: JsonRecord): JsonRecord {
  const mine = agents(d).filter((a) => a.callqueue === record.callqueue);
  return {
    ...record,
    'callqueue-count-agents-total': mine.length,
    'callqueue-count-agents-available': mine.filter((a) => a['callqueue-agent-availability-type'] === 'automatic')
      .length,
  };
}

export function listQueues(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  return { status: 200, body: queues(d).map((r) => view(d, r)) };
}

export function getQueue(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  return { status: 200, body: view(d, findQueue(d, ctx.params.callqueue)) };
}

export function postQueue(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const id = String(body.callqueue ?? '').trim();
  if (!/^[0-9A-Za-z._-]{1,16}$/.test(id)) fail(400, `Invalid callqueue ${id}`);
  if (queues(d).some((r) => r.callqueue === id)) fail(409, `Callqueue ${id} already exists`);
  const record: JsonRecord = {
    description: '',
    'callqueue-dispatch-type': 'Round-robin',
    // Assumption: 15 s; the spec gives no default.
    'callqueue-agent-dispatch-timeout-seconds': 15,
    'callqueue-max-wait-timeout-minutes': 0,
    ...body,
    callqueue: id,
    domain: String(d.domain.domain),
  };
  delete record.synchronous;
  for (const f of QUEUE_READ_ONLY) if (f !== 'callqueue' && f !== 'domain') delete record[f];
  checkQueue(record);
  queues(d).push(record);
  return ctx.synchronous ? { status: 200, body: view(d, record) } : ACCEPTED;
}

export function putQueue(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findQueue(d, ctx.params.callqueue);
  const next = { ...record };
  for (const [k, v] of Object.entries(bodyObject(ctx))) if (!QUEUE_READ_ONLY.includes(k)) next[k] = v;
  checkQueue(next);
  Object.assign(record, next);
  return ACCEPTED;
}

export function deleteQueue(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findQueue(d, ctx.params.callqueue);
  d.callqueues = queues(d).filter((r) => r !== record);
  return ACCEPTED;
}

// ---- Agents ----------------------------------------------------------------------------------------------

function findAgent(d: DomainState, queue: string, id: string): JsonRecord {
  return (
    agents(d).find((a) => a.callqueue === queue && a['callqueue-agent-id'] === id) ??
    fail(404, `Agent ${id} not found in callqueue ${queue}`)
  );
}

/** `user@domain` must name a user of the domain; `sip:device@domain` is taken as is. */
function checkAgentId(d: DomainState, id: string): string {
  if (id.startsWith('sip:')) return 'device';
  const m = /^([^@]+)@(.+)$/.exec(id);
  if (!m) fail(400, `Invalid callqueue-agent-id ${id}: user@domain or sip:device@domain`);
  if (m[2] !== d.domain.domain) fail(400, `Invalid callqueue-agent-id ${id}: not in domain ${String(d.domain.domain)}`);
  if (!d.users.some((u) => u.user === m[1])) fail(404, `User ${m[1]} does not exist in domain ${m[2]}`);
  return 'user';
}

function checkAgent(record: JsonRecord): void {
  const order = record['callqueue-agent-dispatch-order-ordinal'];
  if (order !== undefined && !Number.isInteger(order)) fail(400, 'Invalid callqueue-agent-dispatch-order-ordinal');
}

export function listAgents(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findQueue(d, ctx.params.callqueue);
  return { status: 200, body: agents(d).filter((a) => a.callqueue === ctx.params.callqueue) };
}

export function getAgent(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findQueue(d, ctx.params.callqueue);
  return { status: 200, body: findAgent(d, ctx.params.callqueue, ctx.params['callqueue-agent-id']) };
}

export function postAgent(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const queue = findQueue(d, ctx.params.callqueue);
  const body = bodyObject(ctx);
  const id = String(body['callqueue-agent-id'] ?? '').trim();
  const entry = checkAgentId(d, id);
  const mine = agents(d).filter((a) => a.callqueue === queue.callqueue);
  if (mine.some((a) => a['callqueue-agent-id'] === id))
    fail(409, `Agent ${id} already in callqueue ${String(queue.callqueue)}`);
  const record: JsonRecord = {
    'callqueue-agent-availability-type': 'automatic',
    'callqueue-agent-wrap-up-allowance-seconds': 0,
    'callqueue-agent-dispatch-order-ordinal': mine.length + 1,
    'limits-max-active-calls-total': 1,
    ...body,
    'callqueue-agent-id': id,
    callqueue: String(queue.callqueue),
    domain: String(d.domain.domain),
    'callqueue-agent-entry-type': entry,
    'last-modified-datetime': nowIso(),
  };
  delete record.synchronous;
  checkAgent(record);
  agents(d).push(record);
  return ctx.synchronous ? { status: 200, body: record } : ACCEPTED;
}

export function putAgent(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findQueue(d, ctx.params.callqueue);
  const record = findAgent(d, ctx.params.callqueue, ctx.params['callqueue-agent-id']);
  const next = { ...record };
  for (const [k, v] of Object.entries(bodyObject(ctx))) if (!AGENT_READ_ONLY.includes(k)) next[k] = v;
  checkAgent(next);
  Object.assign(record, next, { 'last-modified-datetime': nowIso() });
  return ACCEPTED;
}

export function deleteAgent(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findQueue(d, ctx.params.callqueue);
  const record = findAgent(d, ctx.params.callqueue, ctx.params['callqueue-agent-id']);
  d.agents = agents(d).filter((a) => a !== record);
  return ACCEPTED;
}
