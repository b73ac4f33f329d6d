/**
 * The `call_queue` kind: the portal's Call Queue (`/domains/{d}/callqueues`, agents under it;
 * docs/reference/netsapiens-api.md §13). Agents are `member` references (they must exist and are created first), the
 * overflow a `fallback` reference; numbers routed to the queue are `routes_to` references from outside.
 * How the pieces are stored: spec.ts; the writes: apply.ts.
 */
import { getCallQueue, listAgents, listCallQueues } from '../../platform/callcenter';
import { mayBeRingGroup } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { mapBounded } from '../../util/map-bounded';
import { activeCalls } from '../impact';
import {
  absent,
  ANY_EXTENSION,
  type Comparable,
  type Kind,
  type LiveObject,
  profileOf,
  type ReadContext,
  type Reference,
  SUPPORTED,
} from '../kind';
import { str } from '../normalize';
import { numbersByDestination, routedNumberReferences } from '../phone-number-refs';
import { answerRules, domainPhoneNumbers, domainUsers } from '../domain-reads';
import { createCallQueueObject, deleteCallQueueObject, updateCallQueueObject } from './apply';
import { destinationReference, exportDestination, extensionKinds } from './destination';
import { CALL_QUEUE_FIELDS, type Dispatch } from './fields';
import { callQueueImpact } from './impact';
import { type CallQueuePlatform, type CallQueueSpec, checkQueue, liveComparable, toComparable } from './spec';

export type { CallQueuePlatform, CallQueueSpec } from './spec';

/** With the entry's `spec`, each reference names its field (`agents[2]`, `overflow.ring_group`). */
function references(key: string, content: Comparable, spec?: CallQueueSpec): Reference[] {
  const source = { kind: 'call_queue', key };
  const from = `call_queue ${key}`;
  const out: Reference[] = [];
  // The comparable's agents are the spec's, one for one and in order.
  (Array.isArray(content.agents) ? (content.agents as string[]) : []).forEach((a, i) => {
    if (/^\d+$/.test(a))
      out.push({
        from,
        source,
        relation: 'member',
        kind: ANY_EXTENSION,
        key: a,
        ...(spec ? { field: `agents[${i}]` } : {}),
      });
  });
  const overflow = spec ? { at: 'overflow', spec: spec.overflow } : undefined;
  out.push(...destinationReference(source, 'fallback', content.overflow, overflow).filter((r) => r.key !== key));
  out.push(...routedNumberReferences(key, content));
  return out;
}

async function readQueues(
  ctx: ReadContext,
  queues: readonly PlatformRecord[],
): Promise<LiveObject<CallQueuePlatform>[]> {
  const [users, numbers] = await Promise.all([domainUsers(ctx), domainPhoneNumbers(ctx)]);
  const code = profileOf(ctx).ringGroupServiceCode;
  const kinds = extensionKinds(users, (u) => mayBeRingGroup(u, code));
  const byExt = new Map(users.map((u) => [str(u.user), u] as const));
  const numbersOf = numbersByDestination(numbers);
  // Agents and the overflow rule have no domain-wide read: one queue at a time.
  return mapBounded(queues, ctx.concurrency, async (queue) => {
    const key = str(queue.callqueue);
    const user = byExt.get(key);
    const [agents, rules] = await Promise.all([
      listAgents(ctx.client, ctx.domain, key),
      user ? answerRules(ctx, key) : Promise.resolve([]),
    ]);
    const platform: CallQueuePlatform = {
      queue,
      user,
      agents,
      answerRule: rules.find((r) => str(r['time-frame']) === '*'),
      phoneNumbers: numbersOf.get(key) ?? [],
      kinds,
    };
    return { kind: 'call_queue', domain: ctx.domain, key, comparable: liveComparable(platform), platform };
  });
}

function exportQueue(live: LiveObject<CallQueuePlatform>): CallQueueSpec {
  const c = live.comparable;
  const spec: CallQueueSpec = { extension: live.key, name: str(c.name) };
  if (typeof c.dispatch === 'string' && c.dispatch !== '') spec.dispatch = c.dispatch as Dispatch;
  if (Array.isArray(c.agents) && c.agents.length > 0) spec.agents = [...(c.agents as string[])];
  if (typeof c.agent_timeout === 'number') spec.agent_timeout = c.agent_timeout;
  if (typeof c.overflow_after === 'number') spec.overflow_after = c.overflow_after;
  const overflow = exportDestination(c.overflow, live.platform.kinds);
  if (overflow) spec.overflow = overflow;
  return spec;
}

export const callQueueKind: Kind<CallQueueSpec, CallQueuePlatform> = {
  name: 'call_queue',
  section: 'call_queues',
  shape: 'list',
  title: 'Call queue',
  description: 'A call queue: agents rung by a dispatch type, an agent timeout, and an overflow after a wait.',
  fields: CALL_QUEUE_FIELDS,
  // After users and ring groups (agents and overflow targets exist first), before attendants and numbers.
  order: 25,
  identity: { keyField: 'extension', keyIsPii: false, ownsExtension: true },
  capabilities: {
    create: SUPPORTED,
    update: SUPPORTED,
    delete: SUPPORTED,
    prune: SUPPORTED,
    recycle: absent('a call queue holds no person: a new name is an update'),
  },
  key: (spec) => String(spec.extension).trim(),
  label: (key, content) =>
    typeof content?.name === 'string' && content.name !== '' ? `${key} (${content.name})` : key,
  toComparable: (spec) => toComparable(spec),
  checkEntry: checkQueue,
  references,
  impact: callQueueImpact,
  activity: (live) => activeCalls(live.platform.user ?? {}),

  read: async (ctx) => readQueues(ctx, await listCallQueues(ctx.client, ctx.domain)),
  async readOne(ctx, key) {
    const queue = await getCallQueue(ctx.client, ctx.domain, key);
    return queue ? (await readQueues(ctx, [queue]))[0] : undefined;
  },
  export: exportQueue,

  create: createCallQueueObject,
  update: updateCallQueueObject,
  delete: deleteCallQueueObject,
};
