import type { FieldSpec } from '../kind';
import { destinationField } from './destination';

/** `callqueue-dispatch-type` (OAS45 enum) by the names a file uses. Call Park is not a queue pbxctl makes. */
export const DISPATCH_TYPES = {
  ring_all: 'Ring All',
  round_robin: 'Round-robin',
  tiered_round_robin: 'Tiered Round-robin',
  linear_hunt: 'Linear Hunt',
  linear_cascade: 'Linear Cascade',
} as const;
export type Dispatch = keyof typeof DISPATCH_TYPES;

/** The fields of a `call_queues:` entry — the portal's Call Queue form (agents, dispatch, timeouts, overflow). */
export const CALL_QUEUE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'extension',
    type: 'string',
    format: 'extension',
    required: true,
    forceNew: true,
    class: 'routing',
    description: 'Extension of the queue (its user record and `callqueue` id). Changing it replaces the queue.',
  },
  {
    name: 'name',
    type: 'string',
    required: true,
    class: 'cosmetic',
    description: 'Name shown in the portal (the queue description).',
  },
  {
    name: 'dispatch',
    type: 'string',
    enum: Object.keys(DISPATCH_TYPES),
    class: 'routing',
    description:
      'How agents are rung: ring_all (all at once), round_robin, tiered_round_robin, linear_hunt (one by one, in order), linear_cascade (in order, adding agents).',
  },
  {
    name: 'agents',
    type: 'list',
    items: 'extension',
    class: 'routing',
    description:
      'Extensions of the users answering the queue, in dispatch order (linear dispatch rings them in this order).',
  },
  {
    name: 'agent_timeout',
    type: 'integer',
    minimum: 1,
    maximum: 3600,
    class: 'routing',
    description:
      'Seconds one agent rings before the queue tries the next (`callqueue-agent-dispatch-timeout-seconds`).',
  },
  {
    name: 'overflow_after',
    type: 'integer',
    minimum: 1,
    maximum: 3600,
    class: 'routing',
    description: "Seconds a call waits in the queue before it overflows (the queue user's ring-no-answer timeout).",
  },
  destinationField('overflow', 'Where calls go when nobody answers in time'),
];
