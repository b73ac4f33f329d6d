/**
 * The `call_queue` kind's writes, in NetSapiens' own order (NSEX, platform-evidence §1): the `system-queue`
 * user, the CallQueue record, its agents, then the user's default (`*`) answer rule — forward always to
 * `queue_<ext>` (a call to the extension enters the queue) and forward on no answer to the overflow.
 */
import {
  agentId,
  addAgent,
  createCallQueue,
  deleteCallQueue,
  removeAgent,
  updateAgent,
  updateCallQueue,
} from '../../platform/callcenter';
import {
  DID_UNASSIGNED,
  defaultRuleLanded,
  serverApiVersion,
  withEmailSpelling,
  writeDefaultAnswerRule,
} from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import type { ApplyContext, ChangeTarget, Comparable } from '../kind';
import { type DestinationContent, encodeForward } from './destination';
import { DISPATCH_TYPES, type Dispatch } from './fields';
import {
  type CallQueuePlatform,
  type CallQueueSpec,
  agentExtension,
  orderedAgents,
  QUEUE_LAST_NAME,
  QUEUE_SCOPE,
  QUEUE_SERVICE_CODE,
} from './spec';

type Target = ChangeTarget<CallQueueSpec, CallQueuePlatform>;

function queueBody(c: Comparable, only?: ReadonlySet<string>): PlatformRecord {
  const want = (f: string) => c[f] !== undefined && (!only || only.has(f));
  const body: PlatformRecord = {};
  if (want('name')) body.description = String(c.name);
  if (want('dispatch')) body['callqueue-dispatch-type'] = DISPATCH_TYPES[c.dispatch as Dispatch];
  if (want('agent_timeout')) body['callqueue-agent-dispatch-timeout-seconds'] = Number(c.agent_timeout);
  return body;
}

function ruleBody(key: string, overflow: DestinationContent | null | undefined, create: boolean): PlatformRecord {
  const body: PlatformRecord = {
    'forward-always': { enabled: 'yes', parameters: [`queue_${key}`] },
    'forward-no-answer': overflow
      ? { enabled: 'yes', parameters: [encodeForward(overflow)] }
      : { enabled: 'no', parameters: [] },
  };
  if (create) Object.assign(body, { 'time-frame': '*', enabled: 'yes', 'is-active': true });
  return body;
}

/** Agent rows for these extensions, dispatch order = list position (1-based). */
async function writeAgents(ctx: ApplyContext, key: string, want: readonly string[], have: readonly PlatformRecord[]) {
  const rows = orderedAgents(have);
  const wanted = new Set(want);
  for (const row of rows) {
    if (!wanted.has(agentExtension(row)))
      await removeAgent(ctx.client, ctx.domain, key, String(row['callqueue-agent-id']));
  }
  for (const [i, ext] of want.entries()) {
    const ordinal = i + 1;
    const row = rows.find((r) => agentExtension(r) === ext);
    const order = { 'callqueue-agent-dispatch-order-ordinal': ordinal };
    if (!row) await addAgent(ctx.client, ctx.domain, key, { 'callqueue-agent-id': agentId(ext, ctx.domain), ...order });
    else if (Number(row['callqueue-agent-dispatch-order-ordinal'] ?? row['ordinal-order']) !== ordinal)
      await updateAgent(ctx.client, ctx.domain, key, String(row['callqueue-agent-id']), order);
  }
}

export async function createCallQueueObject(ctx: ApplyContext, target: Target): Promise<void> {
  const desired = target.desired!;
  const c = desired.comparable;
  const key = desired.key;
  const user: PlatformRecord = {
    user: key,
    'name-first-name': String(c.name),
    'name-last-name': QUEUE_LAST_NAME,
    'service-code': QUEUE_SERVICE_CODE,
    'user-scope': QUEUE_SCOPE,
    'email-address': '',
    // No mailbox: with no overflow a call stays in the queue rather than reaching a box nobody reads.
    'voicemail-enabled': 'no',
  };
  if (c.overflow_after !== undefined) user['ring-no-answer-timeout-seconds'] = Number(c.overflow_after);
  await ctx.client.createUser(ctx.domain, withEmailSpelling(user, await serverApiVersion(ctx.client)));
  await createCallQueue(ctx.client, ctx.domain, { callqueue: key, ...queueBody(c) });
  await writeAgents(ctx, key, (c.agents as string[] | undefined) ?? [], []);
  await writeDefaultAnswerRule(ctx.client, ctx.domain, key, ruleBody(key, c.overflow as DestinationContent, true));
}

export async function updateCallQueueObject(ctx: ApplyContext, target: Target): Promise<void> {
  const live = target.live!;
  const c = target.desired!.comparable;
  const key = target.key;
  const top = new Set(target.changedFields.map((f) => f.split('.')[0] as string));
  const body = queueBody(c, top);
  if (Object.keys(body).length > 0) await updateCallQueue(ctx.client, ctx.domain, key, body);
  if (top.has('name') && live.platform.user)
    await ctx.client.updateUser(ctx.domain, key, { 'name-first-name': String(c.name) });
  if (top.has('overflow_after'))
    await ctx.client.updateUser(ctx.domain, key, { 'ring-no-answer-timeout-seconds': Number(c.overflow_after) });
  if (top.has('agents')) await writeAgents(ctx, key, (c.agents as string[]) ?? [], live.platform.agents);
  if (top.has('overflow')) {
    const overflow = c.overflow as DestinationContent | null;
    if (live.platform.answerRule)
      await ctx.client.updateAnswerRule(ctx.domain, key, '*', ruleBody(key, overflow, false));
    else {
      const landed = defaultRuleLanded(ctx.client, ctx.domain, key);
      await ctx.client.createAnswerRule(ctx.domain, key, ruleBody(key, overflow, true), { landed });
    }
  }
}

/** Agents first (a queue delete leaves their rows), then the queue, its user, and the numbers routed to it. */
export async function deleteCallQueueObject(ctx: ApplyContext, target: Target): Promise<void> {
  const live = target.live!;
  for (const row of live.platform.agents)
    await removeAgent(ctx.client, ctx.domain, live.key, String(row['callqueue-agent-id']));
  await deleteCallQueue(ctx.client, ctx.domain, live.key);
  for (const number of live.platform.phoneNumbers)
    await ctx.client.updatePhoneNumber(ctx.domain, number, { ...DID_UNASSIGNED });
  if (live.platform.user) await ctx.client.deleteUser(ctx.domain, live.key);
}
