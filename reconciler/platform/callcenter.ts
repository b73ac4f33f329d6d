/**
 * Typed calls for call queues, their agents and auto attendants (docs/reference/netsapiens-api.md §13,
 * OAS45 "Call Center/Callqueues", "Call Center/Agents", "Auto Attendant"). Kept beside `client.ts` so the
 * client class stays small; every call goes through the client's own request loop (pacing, retries,
 * deadlines, redaction) and every name is validated before it becomes a URL segment.
 */
import type { NetSapiensClient, PlatformRecord, WriteOptions } from './client';
import { safeSegment } from './safety';

const d = (domain: string) => `/domains/${safeSegment('domain', domain)}`;
const q = (domain: string, queue: string) => `${d(domain)}/callqueues/${safeSegment('user', queue)}`;
const agentPath = (domain: string, queue: string, agent: string) =>
  `${q(domain, queue)}/agents/${safeSegment('device', agent)}`;
const aa = (domain: string, user: string, prompt: string) =>
  `${d(domain)}/users/${safeSegment('user', user)}/autoattendants/${safeSegment('device', prompt)}`;

/** An agent's id as the platform keys it: `<extension>@<domain>` (user-based agents). */
export function agentId(extension: string, domain: string): string {
  return `${extension}@${domain}`;
}

// ---- Call queues -----------------------------------------------------------------------------------------

export function listCallQueues(client: NetSapiensClient, domain: string): Promise<PlatformRecord[]> {
  return client.list(`${d(domain)}/callqueues`);
}

export function getCallQueue(client: NetSapiensClient, domain: string, queue: string) {
  return client.getOptional(q(domain, queue));
}

/** `synchronous` and `domain` are required on this POST (OAS45). Default probe: the queue reads back. */
export function createCallQueue(client: NetSapiensClient, domain: string, body: PlatformRecord, o: WriteOptions = {}) {
  const queue = String(body.callqueue ?? '');
  const landed = o.landed ?? (async () => (await getCallQueue(client, domain, queue)) !== undefined);
  return client.request('POST', `${d(domain)}/callqueues`, { body: { ...body, domain, synchronous: 'yes' }, landed });
}

export function updateCallQueue(client: NetSapiensClient, domain: string, queue: string, body: PlatformRecord) {
  return client.request('PUT', q(domain, queue), { body });
}

/** Default probe: the queue reads as absent. */
export function deleteCallQueue(client: NetSapiensClient, domain: string, queue: string) {
  const landed = async () => (await getCallQueue(client, domain, queue)) === undefined;
  return client.request('DELETE', q(domain, queue), { landed });
}

export function listAgents(client: NetSapiensClient, domain: string, queue: string): Promise<PlatformRecord[]> {
  return client.list(`${q(domain, queue)}/agents`);
}

/** Default probe: the agent reads back in the queue. */
export function addAgent(client: NetSapiensClient, domain: string, queue: string, body: PlatformRecord) {
  const id = String(body['callqueue-agent-id'] ?? '');
  const landed = async () => (await client.getOptional(agentPath(domain, queue, id))) !== undefined;
  return client.request('POST', `${q(domain, queue)}/agents`, { body: { ...body, synchronous: 'yes' }, landed });
}

export function updateAgent(
  client: NetSapiensClient,
  domain: string,
  queue: string,
  agent: string,
  body: PlatformRecord,
) {
  return client.request('PUT', agentPath(domain, queue, agent), { body });
}

/** Default probe: the agent reads as absent. */
export function removeAgent(client: NetSapiensClient, domain: string, queue: string, agent: string) {
  const path = agentPath(domain, queue, agent);
  const landed = async () => (await client.getOptional(path)) === undefined;
  return client.request('DELETE', path, { landed });
}

// ---- Auto attendants -------------------------------------------------------------------------------------

/** Summaries (`attendant-name`, `user`, `starting-prompt`); the menu needs `getAutoAttendant`. */
export function listAutoAttendants(client: NetSapiensClient, domain: string): Promise<PlatformRecord[]> {
  return client.list(`${d(domain)}/autoattendants`);
}

export function getAutoAttendant(client: NetSapiensClient, domain: string, user: string, prompt: string) {
  return client.getOptional(aa(domain, user, prompt));
}

/** Creates the attendant's user, dial plan and menu in one call (docs/reference/netsapiens-api.md §13). */
export function createAutoAttendant(client: NetSapiensClient, domain: string, body: PlatformRecord) {
  const user = String(body.user ?? '');
  const landed = async () => (await listAutoAttendants(client, domain)).some((a) => String(a.user) === user);
  return client.request<PlatformRecord | undefined>('POST', `${d(domain)}/autoattendants`, { body, landed });
}

export function updateAutoAttendant(
  client: NetSapiensClient,
  domain: string,
  user: string,
  prompt: string,
  body: PlatformRecord,
) {
  return client.request('PUT', aa(domain, user, prompt), { body });
}

/** Default probe: the attendant reads as absent. */
export function deleteAutoAttendant(client: NetSapiensClient, domain: string, user: string, prompt: string) {
  const landed = async () => (await getAutoAttendant(client, domain, user, prompt)) === undefined;
  return client.request('DELETE', aa(domain, user, prompt), { landed });
}
