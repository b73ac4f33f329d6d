/**
 * `traceCall`: where a call to a number or an extension goes, step by step — number → destination →
 * answering rule for the time frame in effect → ring group members (with delays) → after N s the
 * fallback → voicemail. Loops and dead ends are outcomes, not errors. PURE: no I/O, no clock (the
 * instant is a parameter).
 */
import { normalizeNumber } from '../kinds/normalize';
import { type CallCenter, callCenterStep } from './call-center-steps';
import type { CallFlowState, ExtensionNode, Target } from './model';
import { type LocalTime, localTime, timeFrameActive } from './time-frames';

export type Outcome =
  | { readonly type: 'answered'; readonly extensions: readonly string[] }
  | { readonly type: 'voicemail'; readonly extension: string }
  | { readonly type: 'call_queue'; readonly extension: string }
  | { readonly type: 'auto_attendant'; readonly extension: string }
  | { readonly type: 'hangup' }
  | { readonly type: 'loop'; readonly path: readonly string[] }
  | { readonly type: 'dead_end'; readonly reason: string };

export interface Trace {
  readonly start: string;
  readonly local: LocalTime;
  readonly steps: readonly string[];
  readonly outcome: Outcome;
}

/** Default ring time of a user or group when the content does not say (the platform's default). */
export const DEFAULT_RING_SECONDS = 25;
const MAX_STEPS = 50;

/** The model, with the call queues and auto attendants when the caller built them (`callCenterFromObjects`). */
export type TraceState = CallFlowState & { readonly callCenter?: CallCenter };

interface Walk {
  readonly state: TraceState;
  readonly local: LocalTime;
  readonly steps: string[];
  readonly path: string[];
}

export function traceCall(state: TraceState, start: string, at: Date): Trace {
  const local = localTime(at, state.timeZone);
  const walk: Walk = { state, local, steps: [], path: [] };
  const outcome = traceStart(walk, start.trim());
  return { start, local, steps: walk.steps, outcome };
}

function traceStart(w: Walk, start: string): Outcome {
  const cc = w.state.callCenter;
  if (w.state.extensions.has(start) || cc?.queues.has(start) || cc?.attendants.has(start))
    return reach(w, { type: 'extension', extension: start });
  const number = w.state.numbers.get(normalizeNumber(start));
  if (!number) return { type: 'dead_end', reason: `${start} is neither a managed number nor an extension` };
  w.steps.push(`number ${number.number}${number.enabled ? '' : ' is disabled'}`);
  if (!number.enabled) return { type: 'dead_end', reason: `number ${number.number} is disabled` };
  return reach(w, number.target);
}

function reach(w: Walk, target: Target): Outcome {
  if (w.steps.length > MAX_STEPS) return { type: 'dead_end', reason: `more than ${MAX_STEPS} steps` };
  switch (target.type) {
    case 'hangup':
      w.steps.push('hang up');
      return { type: 'hangup' };
    case 'unknown':
      w.steps.push(`routed to ${target.what}`);
      return { type: 'dead_end', reason: `routed to ${target.what}` };
    case 'voicemail':
      return voicemail(w, target.extension);
    case 'call_queue':
    case 'auto_attendant':
      if (w.state.callCenter) return callCenter(w, target);
      w.steps.push(`${target.type.replace('_', ' ')} ${target.extension} (not traced further yet)`);
      return { type: target.type, extension: target.extension };
    case 'extension':
      return extension(w, target.extension);
  }
}

/** A queue or attendant (call-center-steps.ts): its steps, then where it sends the call. */
function callCenter(w: Walk, target: Target & { readonly extension: string }): Outcome {
  const ext = target.extension;
  if (w.path.includes(ext)) {
    const path = [...w.path.slice(w.path.indexOf(ext)), ext];
    w.steps.push(`loop: ${path.join(' → ')}`);
    return { type: 'loop', path };
  }
  const exists = (e: string) => w.state.extensions.has(e);
  const step = callCenterStep(w.state.callCenter, target, { local: w.local, timeFrames: w.state.timeFrames, exists });
  if (!step)
    return deadEnd(
      w,
      `${target.type === 'extension' ? 'extension' : target.type.replace('_', ' ')} ${ext} does not exist`,
    );
  w.path.push(ext);
  w.steps.push(...step.steps);
  return step.next ? reach(w, step.next) : (step.outcome ?? { type: 'dead_end', reason: `${ext}: nowhere to go` });
}

function voicemail(w: Walk, ext: string): Outcome {
  const node = w.state.extensions.get(ext);
  if (!node) return deadEnd(w, `voicemail box ${ext} does not exist`);
  if (node.kind === 'user' && !node.voicemail) return deadEnd(w, `voicemail of ${ext} is switched off`);
  w.steps.push(`voicemail ${ext}`);
  return { type: 'voicemail', extension: ext };
}

function deadEnd(w: Walk, reason: string): Outcome {
  w.steps.push(`dead end: ${reason}`);
  return { type: 'dead_end', reason };
}

function extension(w: Walk, ext: string): Outcome {
  if (w.path.includes(ext)) {
    const path = [...w.path.slice(w.path.indexOf(ext)), ext];
    w.steps.push(`loop: ${path.join(' → ')}`);
    return { type: 'loop', path };
  }
  const node = w.state.extensions.get(ext);
  if (!node && w.state.callCenter) return callCenter(w, { type: 'extension', extension: ext });
  if (!node) return deadEnd(w, `extension ${ext} does not exist`);
  w.path.push(ext);
  const rule = activeRule(w, node);
  if (rule?.forwardAlways) {
    w.steps.push(`${ext}: time frame "${rule.timeFrame}" in effect, forward always`);
    return reach(w, rule.forwardAlways);
  }
  return node.kind === 'ring_group' ? ringGroup(w, node) : user(w, node);
}

/** The first rule whose time frame is in effect (`*` always is); unknown time frames are skipped, said so. */
function activeRule(w: Walk, node: ExtensionNode) {
  for (const rule of node.rules ?? []) {
    if (rule.timeFrame === '*') return rule;
    const tf = w.state.timeFrames.get(rule.timeFrame);
    if (!tf) {
      w.steps.push(`${node.extension}: time frame "${rule.timeFrame}" does not exist, rule skipped`);
      continue;
    }
    if (timeFrameActive(tf, w.local)) return rule;
  }
  return undefined;
}

function user(w: Walk, node: ExtensionNode): Outcome {
  const seconds = node.ringTimeout ?? DEFAULT_RING_SECONDS;
  w.steps.push(`${node.extension} rings for ${seconds} s`);
  if (node.voicemail) {
    w.steps.push(`no answer after ${seconds} s → voicemail ${node.extension}`);
    return { type: 'voicemail', extension: node.extension };
  }
  w.steps.push(`no answer after ${seconds} s: nothing else (voicemail off)`);
  return { type: 'answered', extensions: [node.extension] };
}

function ringGroup(w: Walk, node: ExtensionNode): Outcome {
  const seconds = node.ringTimeout ?? DEFAULT_RING_SECONDS;
  const members = node.members ?? [];
  const ringing: string[] = [];
  const lines: string[] = [];
  for (const m of members) {
    const delay = m.delaySeconds ?? 0;
    if (!w.state.extensions.has(m.extension)) lines.push(`  member ${m.extension} does not exist`);
    else if (delay >= seconds) lines.push(`  member ${m.extension} never rings (delay ${delay} s ≥ ${seconds} s)`);
    else {
      const until = Math.min(seconds, m.ringSeconds !== undefined ? delay + m.ringSeconds : seconds);
      lines.push(`  ${m.extension} rings from ${delay} s to ${until} s`);
      ringing.push(m.extension);
    }
  }
  w.steps.push(
    `ring group ${node.extension} rings ${ringing.length} of ${members.length} members for ${seconds} s`,
    ...lines,
  );
  if (node.fallback) {
    w.steps.push(`no answer after ${seconds} s → fallback`);
    return reach(w, node.fallback);
  }
  if (ringing.length === 0) return deadEnd(w, `ring group ${node.extension} rings nobody and has no fallback`);
  w.steps.push(`no answer after ${seconds} s: no fallback`);
  return { type: 'answered', extensions: ringing };
}
