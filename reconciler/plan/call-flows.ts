/**
 * Call-flow changes of a plan (issue 16): for each managed phone number, and each extension whose routing
 * the plan changes, the path of a call before (live) and after (the state apply leaves), at every kind of
 * instant that matters (samples.ts: each time frame's hours, outside all of them, each holiday), kept only
 * where the two differ. Instants are grouped by the time frames in effect ("After hours"). PURE.
 */
import { beforeAndAfter, type FlowInputs } from '../callflow/states';
import { sampleInstants } from '../callflow/samples';
import { describeOutcome, type Outcome, traceCall } from '../callflow/trace';
import { type LocalTime, timeFrameActive } from '../callflow/time-frames';
import type { CallFlowState } from '../callflow/types';

export interface FlowPath {
  readonly steps: readonly string[];
  readonly outcome: Outcome;
  /** The outcome in words ("voicemail 1000", "DEAD END: …"). */
  readonly ends: string;
}

export interface CallFlowScenario {
  /** The time frames in effect (either state), or "outside all time frames" / "at any time". */
  readonly when: string;
  /** One instant of the scenario, wall clock in the domain's time zone. */
  readonly example: string;
  readonly before: FlowPath;
  readonly after: FlowPath;
}

export interface CallFlowChange {
  /** A phone number (digits) or an extension. */
  readonly start: string;
  readonly type: 'number' | 'extension';
  readonly scenarios: readonly CallFlowScenario[];
}

/** Kinds whose changes can move a call. */
const ROUTING_KINDS = new Set(['user', 'ring_group', 'phone_number', 'time_frame', 'call_queue', 'auto_attendant']);
/** At most this many differing scenarios per time-frame label and start. */
const PER_LABEL = 2;

export interface CallFlowInput extends FlowInputs {
  /** Managed phone numbers (desired keys). */
  readonly numbers: readonly string[];
  /** Extensions whose routing the plan changes (updates and recycles). */
  readonly changedExtensions: readonly string[];
  /** Kinds the plan changes. */
  readonly changedKinds: ReadonlySet<string>;
}

interface Traced extends FlowPath {
  readonly visited: readonly string[];
}

function path(state: CallFlowState, start: string, at: LocalTime): Traced {
  const t = traceCall(state, start, at);
  return { steps: t.steps, outcome: t.outcome, ends: describeOutcome(t.outcome), visited: t.visited };
}

const key = (p: FlowPath) => `${p.steps.join('\n')}\n${p.ends}`;
const plain = ({ visited: _v, ...p }: Traced): FlowPath => p;

/**
 * The time frames that matter for a call at an instant: those the answering rules of the extensions it
 * went through (either state) name, in effect at that instant in either state.
 */
function whenOf(states: readonly CallFlowState[], paths: readonly Traced[], at: LocalTime): string {
  const frames = new Set<string>();
  for (const p of paths)
    for (const ext of p.visited)
      for (const s of states)
        for (const r of s.extensions.get(ext)?.rules ?? []) if (r.timeFrame !== '*') frames.add(r.timeFrame);
  if (frames.size === 0) return 'at any time';
  const on = [...frames].filter((f) =>
    states.some((s) => {
      const c = s.timeFrames.get(f) ?? [...s.extensions.values()].find((e) => e.timeFrames?.has(f))?.timeFrames?.get(f);
      return c !== undefined && timeFrameActive(c, at);
    }),
  );
  return on.length ? on.join(' + ') : 'outside all time frames';
}

export function callFlowChanges(input: CallFlowInput): CallFlowChange[] {
  if (![...input.changedKinds].some((k) => ROUTING_KINDS.has(k))) return [];
  // No start to follow (no number in the files, no extension whose routing changes): nothing to report, so
  // the call-flow models of the whole domain are not built (issue 15: a plan of cosmetic updates).
  if (input.numbers.length === 0 && input.changedExtensions.length === 0) return [];
  const { before, after } = beforeAndAfter(input);
  // Every time frame's boundaries: the domain's, and users' own.
  const own = [...before.extensions.values(), ...after.extensions.values()].flatMap((e) => [
    ...(e.timeFrames?.values() ?? []),
  ]);
  const samples = sampleInstants([...before.timeFrames.values(), ...after.timeFrames.values(), ...own]);
  const starts = [
    ...input.numbers.map((n) => ({ start: n, type: 'number' as const })),
    ...input.changedExtensions.map((e) => ({ start: e, type: 'extension' as const })),
  ];
  const out: CallFlowChange[] = [];
  for (const s of starts) {
    const scenarios: CallFlowScenario[] = [];
    const seen = new Map<string, Set<string>>();
    for (const sample of samples) {
      const b = path(before, s.start, sample.at);
      const a = path(after, s.start, sample.at);
      if (key(a) === key(b)) continue;
      const when = whenOf([before, after], [b, a], sample.at);
      const pairs = seen.get(when) ?? new Set<string>();
      seen.set(when, pairs);
      const pair = `${key(b)}\u0000${key(a)}`;
      if (pairs.has(pair) || pairs.size >= PER_LABEL) continue;
      pairs.add(pair);
      scenarios.push({ when, example: sample.label, before: plain(b), after: plain(a) });
    }
    if (scenarios.length > 0) out.push({ ...s, scenarios });
  }
  return out;
}

const BAD = new Set(['dead_end', 'loop']);

/** Scenarios a plan makes worse: a number that reaches nobody, or any start caught in a loop. */
export function brokenFlows(flows: readonly CallFlowChange[]): { flow: CallFlowChange; scenario: CallFlowScenario }[] {
  const out: { flow: CallFlowChange; scenario: CallFlowScenario }[] = [];
  for (const flow of flows) {
    for (const scenario of flow.scenarios) {
      const now = scenario.after.outcome.type;
      if (!BAD.has(now) || scenario.before.outcome.type === now) continue;
      if (flow.type === 'extension' && now !== 'loop') continue;
      out.push({ flow, scenario });
      break;
    }
  }
  return out;
}
