/**
 * The resolver's extension point: how a destination of another kind (call queue, auto attendant, …) is
 * expanded. To plug a kind in, add an entry to `CALL_FLOW_STEPS`:
 *
 *   call_queue: {
 *     kind: 'call_queue',                       // the kind whose objects (by key = extension) are these nodes
 *     expand(node, api) {                       // node = the object's comparable content
 *       api.say(`call queue ${api.extension} rings 2 agents`);
 *       return api.reach({ type: 'extension', extension: '1001' }); // or api.deadEnd(reason), api.ends(...)
 *     },
 *   },
 *
 * The key is the model's target type (`call_queue`, `auto_attendant`). A phone number or a forward that
 * names the extension of such a node reaches it too. `api.active(name)` says whether a time frame is in
 * effect at the traced instant (an attendant's business-hours menu). Loops and the step limit are handled
 * by `api.reach`. Without an entry (or without the object) the trace stops there: "(not traced further)".
 * PURE.
 */
import type { Comparable } from '../kinds/kind';
import { ATTENDANT_STEP, QUEUE_STEP } from './call-center-steps';
import type { CallFlowStep } from './types';

export type { CallFlowStep, Outcome, StepApi } from './types';

/** Target type → how to expand it (call-center-steps.ts for queues and attendants). */
export const CALL_FLOW_STEPS: Readonly<Record<string, CallFlowStep>> = {
  call_queue: QUEUE_STEP,
  auto_attendant: ATTENDANT_STEP,
};

interface Keyed {
  readonly key: string;
  readonly comparable: Comparable;
}

/** The nodes of every stepped kind, by target type then extension. */
export function othersFrom(
  objects: ReadonlyMap<string, readonly Keyed[]>,
  steps: Readonly<Record<string, CallFlowStep>> = CALL_FLOW_STEPS,
): Map<string, Map<string, Comparable>> {
  const out = new Map<string, Map<string, Comparable>>();
  for (const [type, step] of Object.entries(steps)) {
    out.set(type, new Map((objects.get(step.kind) ?? []).map((o) => [o.key, o.comparable] as const)));
  }
  return out;
}
