/**
 * Call-flow steps for call queues and auto attendants, from their kinds' comparable content. PURE.
 *
 * A queue rings its agents per its dispatch type, each for the agent timeout, until the call has waited
 * `overflow_after` seconds; then the overflow takes it. An attendant answers with its menu (listed), and a
 * caller who presses nothing follows the no-input handling — the path a trace follows, since it cannot
 * press keys. An attendant whose time frame is not in effect has no menu for the call.
 *
 * `QUEUE_STEP` and `ATTENDANT_STEP` plug these into the resolver (steps.ts): a `call_queue` /
 * `auto_attendant` target, or an extension that is one, continues with the step's `next` or stops with its
 * `outcome`.
 */
import type { Comparable, ComparableValue } from '../kinds/kind';
import { numberTarget, targetName } from './rules';
import type { CallFlowStep, Outcome, StepApi, Target } from './types';

export interface QueueNode {
  readonly extension: string;
  readonly dispatch: string;
  readonly agents: readonly string[];
  readonly agentTimeout: number;
  /** Seconds a call waits before the overflow. */
  readonly overflowAfter: number;
  readonly overflow?: Target;
}

export interface AttendantNode {
  readonly extension: string;
  /** `*` = always. */
  readonly timeFrame: string;
  readonly options: ReadonlyArray<{ readonly digit: string; readonly target: Target }>;
  /** `repeat`, `hangup`, or a menu digit. */
  readonly noInput: string;
  readonly invalid: string;
}

/** Where a step leaves the call: follow `next`, or stop with `outcome`. */
export type StepOutcome =
  | { readonly type: 'answered'; readonly extensions: readonly string[] }
  | { readonly type: 'call_queue'; readonly extension: string }
  | { readonly type: 'auto_attendant'; readonly extension: string }
  | { readonly type: 'hangup' }
  | { readonly type: 'dead_end'; readonly reason: string };

export interface Step {
  readonly steps: readonly string[];
  readonly next?: Target;
  readonly outcome?: StepOutcome;
}

/** Platform defaults when the content does not say (the emulator's assumptions; the spec gives none). */
export const DEFAULT_AGENT_TIMEOUT = 15;
export const DEFAULT_QUEUE_WAIT = 25;

const num = (v: ComparableValue | undefined, d: number) => (typeof v === 'number' ? v : d);
const text = (v: ComparableValue | undefined) => (v === undefined || v === null ? '' : String(v));

export function queueNode(key: string, c: Comparable): QueueNode {
  return {
    extension: key,
    dispatch: text(c.dispatch) || 'round_robin',
    agents: Array.isArray(c.agents) ? (c.agents as string[]).map(String) : [],
    agentTimeout: num(c.agent_timeout, DEFAULT_AGENT_TIMEOUT),
    overflowAfter: num(c.overflow_after, DEFAULT_QUEUE_WAIT),
    overflow: c.overflow ? numberTarget(c.overflow) : undefined,
  };
}

export function attendantNode(key: string, c: Comparable): AttendantNode {
  const options = Array.isArray(c.options)
    ? (c.options as unknown as Array<{ digit: string; destination: Comparable }>)
    : [];
  return {
    extension: key,
    timeFrame: text(c.time_frame) || '*',
    options: options.map((o) => ({ digit: o.digit, target: numberTarget(o.destination) })),
    noInput: text(c.no_input) || 'repeat',
    invalid: text(c.invalid) || 'repeat',
  };
}

const DISPATCH: Readonly<Record<string, (agents: string, s: number) => string>> = {
  ring_all: (a, s) => `rings ${a} at once, ${s} s a round`,
  linear_hunt: (a, s) => `rings ${a} one by one, in order, ${s} s each`,
  linear_cascade: (a, s) => `rings ${a} in order, adding the next agent every ${s} s`,
  round_robin: (a, s) => `rings one of ${a} at a time (round robin), ${s} s each`,
  tiered_round_robin: (a, s) => `rings one of ${a} at a time (tiered round robin), ${s} s each`,
};

/** A queue: who rings, how, for how long, then the overflow. */
export function queueStep(node: QueueNode, exists: (ext: string) => boolean): Step {
  const steps: string[] = [];
  const agents = node.agents.filter((a) => exists(a));
  for (const a of node.agents) if (!exists(a)) steps.push(`  agent ${a} does not exist`);
  const how = DISPATCH[node.dispatch] ?? ((a: string, s: number) => `rings ${a} (${node.dispatch}), ${s} s each`);
  const head = `call queue ${node.extension}`;
  steps.unshift(
    agents.length === 0
      ? `${head} has no agent to ring; the call waits ${node.overflowAfter} s`
      : `${head} ${how(agents.join(', '), node.agentTimeout)}, for up to ${node.overflowAfter} s`,
  );
  if (node.overflow) {
    steps.push(`no answer after ${node.overflowAfter} s → overflow ${targetName(node.overflow)}`);
    return { steps, next: node.overflow };
  }
  if (agents.length === 0) {
    steps.push(`dead end: call queue ${node.extension} has no agents and no overflow`);
    return {
      steps,
      outcome: { type: 'dead_end', reason: `call queue ${node.extension} has no agents and no overflow` },
    };
  }
  steps.push(`no answer after ${node.overflowAfter} s: no overflow, the caller keeps waiting`);
  return { steps, outcome: { type: 'answered', extensions: agents } };
}

function failStep(node: AttendantNode, steps: string[]): Step {
  const v = node.noInput;
  if (v === 'hangup') {
    steps.push('no input → hang up');
    return { steps, outcome: { type: 'hangup' } };
  }
  const option = node.options.find((o) => o.digit === v);
  if (option) {
    steps.push(`no input → key ${v} → ${targetName(option.target)}`);
    return { steps, next: option.target };
  }
  steps.push(v === 'repeat' ? 'no input: the menu repeats' : `no input → key ${v}, which is not on the menu`);
  return { steps, outcome: { type: 'auto_attendant', extension: node.extension } };
}

/** An attendant: its menu if its time frame is in effect, then where a caller who presses nothing goes. */
export function attendantStep(node: AttendantNode, inEffect: boolean | undefined): Step {
  const head = `auto attendant ${node.extension}`;
  if (inEffect === false) {
    const reason = `${head} serves time frame "${node.timeFrame}", not in effect`;
    return { steps: [`dead end: ${reason}`], outcome: { type: 'dead_end', reason } };
  }
  const steps = [
    inEffect === undefined
      ? `${head}: time frame "${node.timeFrame}" does not exist, menu played anyway`
      : `${head} answers with its menu${node.timeFrame === '*' ? '' : ` (time frame "${node.timeFrame}")`}`,
    ...node.options.map((o) => `  press ${o.digit} → ${targetName(o.target)}`),
  ];
  if (node.options.length === 0) steps.push('  (no keys on the menu)');
  return failStep(node, steps);
}

/** Says a step's lines, then follows its target or ends with its outcome. */
function follow(step: Step, api: StepApi): Outcome {
  for (const line of step.steps) api.say(line);
  if (step.next) return api.reach(step.next);
  return step.outcome ?? api.deadEnd(`${api.extension}: nowhere to go`);
}

/** The resolver's step for call queues (steps.ts `CALL_FLOW_STEPS.call_queue`). */
export const QUEUE_STEP: CallFlowStep = {
  kind: 'call_queue',
  expand: (node, api) => follow(queueStep(queueNode(api.extension, node), api.exists), api),
};

/** The resolver's step for auto attendants: the menu of its time frame, if that is in effect. */
export const ATTENDANT_STEP: CallFlowStep = {
  kind: 'auto_attendant',
  expand(node, api) {
    const aa = attendantNode(api.extension, node);
    const inEffect =
      aa.timeFrame === '*' ? true : api.hasTimeFrame(aa.timeFrame) ? api.active(aa.timeFrame) : undefined;
    return follow(attendantStep(aa, inEffect), api);
  },
};
