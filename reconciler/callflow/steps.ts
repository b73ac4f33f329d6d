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
import type { Target } from './types';

/** What `traceCall` reaches in the end (trace.ts re-exports it). */
export type Outcome =
  | { readonly type: 'answered'; readonly extensions: readonly string[] }
  | { readonly type: 'voicemail'; readonly extension: string }
  | { readonly type: 'call_queue'; readonly extension: string }
  | { readonly type: 'auto_attendant'; readonly extension: string }
  | { readonly type: 'outside' }
  | { readonly type: 'hangup' }
  | { readonly type: 'loop'; readonly path: readonly string[] }
  | { readonly type: 'dead_end'; readonly reason: string };

export interface StepApi {
  /** The extension of the node being expanded. */
  readonly extension: string;
  /** Adds a line to the trace. */
  say(line: string): void;
  /** Continues the trace at a target (loops and the step limit are checked there). */
  reach(target: Target): Outcome;
  /** Ends the trace as a dead end, with the reason. */
  deadEnd(reason: string): Outcome;
  /** Is this time frame (by name) in effect at the traced instant? Unknown names are not. */
  active(timeFrame: string): boolean;
  /** Does the model know this extension (any kind)? */
  exists(extension: string): boolean;
}

export interface CallFlowStep {
  /** The kind whose objects are this target type's nodes. */
  readonly kind: string;
  expand(node: Comparable, api: StepApi): Outcome;
}

/** Target type → how to expand it. Empty until call queues and auto attendants are kinds. */
export const CALL_FLOW_STEPS: Readonly<Record<string, CallFlowStep>> = {};

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
