/** The call-flow model's types (model.ts builds it, trace.ts walks it, steps.ts extends it). PURE. */
import type { Comparable } from '../kinds/kind';

export type Target =
  | { readonly type: 'extension'; readonly extension: string }
  | { readonly type: 'voicemail'; readonly extension: string }
  | { readonly type: 'call_queue'; readonly extension: string }
  | { readonly type: 'auto_attendant'; readonly extension: string }
  | { readonly type: 'hangup' }
  /** An outside number (never named in steps: PII). */
  | { readonly type: 'outside' }
  | { readonly type: 'unknown'; readonly what: string };

export interface NumberNode {
  readonly number: string;
  readonly enabled: boolean;
  readonly target: Target;
}

export interface Member {
  readonly extension: string;
  /** Seconds after the call arrives before this member rings (default 0). */
  readonly delaySeconds?: number;
  /** Seconds this member rings (default: the whole ring timeout). */
  readonly ringSeconds?: number;
}

/** An answering rule: applies while its time frame is in effect (`*` = always), first match wins. */
export interface RuleNode {
  readonly timeFrame: string;
  /** A switched-off rule is skipped. */
  readonly enabled?: boolean;
  /** Forward every call to this target. */
  readonly forwardAlways?: Target;
  readonly forwardBusy?: Target;
  /** Unanswered after the ring timeout: here instead of voicemail / the group's fallback. */
  readonly forwardNoAnswer?: Target;
  readonly forwardUnregistered?: Target;
  /** Also rung, each after its delay. */
  readonly simRing?: readonly { readonly target: Target; readonly delaySeconds?: number }[];
  readonly dnd?: boolean;
  readonly screen?: boolean;
}

/** What the default answer rule does with a given caller: block wins unless allowed; spam per `spam`. */
export interface Screening {
  readonly block: ReadonlySet<string>;
  readonly allow: ReadonlySet<string>;
  /** `ring` (default), `voicemail`, `drop` or `screen`: what happens to a call flagged as spam. */
  readonly spam?: string;
}

export interface ExtensionNode {
  readonly kind: 'user' | 'ring_group';
  readonly extension: string;
  /** Seconds it rings before the no-answer fallback. */
  readonly ringTimeout?: number;
  readonly voicemail: boolean;
  readonly members?: readonly Member[];
  readonly fallback?: Target;
  /** The default rule's caller screening (`spam`, `allow`, `block`): numbers normalised, `anonymous`/`unknown` as is. */
  readonly screening?: Screening;
  /** Answering rules in priority order (the content's `answering_rules`; a `*` rule applies always). */
  readonly rules?: readonly RuleNode[];
  /** A user's own time frames by name: its rules look here before the domain's. */
  readonly timeFrames?: ReadonlyMap<string, Comparable>;
}

export interface CallFlowState {
  readonly timeZone: string;
  readonly numbers: ReadonlyMap<string, NumberNode>;
  readonly extensions: ReadonlyMap<string, ExtensionNode>;
  readonly timeFrames: ReadonlyMap<string, Comparable>;
  /** Destinations of other kinds (call queues, auto attendants) by target type, then extension (steps.ts). */
  readonly others?: ReadonlyMap<string, ReadonlyMap<string, Comparable>>;
  /** The domain block list (normalised numbers): a caller on it reaches no one. */
  readonly blocked?: ReadonlySet<string>;
  /** Extensions the platform has that no modelled kind covers: reached, not traced further. */
  readonly knownExtensions?: ReadonlySet<string>;
}

/** What `traceCall` reaches in the end (trace.ts and steps.ts re-export it). */
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
  /** Does the model know this time frame (by name)? */
  hasTimeFrame(timeFrame: string): boolean;
  /** Does the model know this extension (any kind)? */
  exists(extension: string): boolean;
}

export interface CallFlowStep {
  /** The kind whose objects are this target type's nodes. */
  readonly kind: string;
  expand(node: Comparable, api: StepApi): Outcome;
}
