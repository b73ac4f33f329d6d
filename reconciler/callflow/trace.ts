/**
 * `traceCall`: where a call to a number or an extension goes, step by step — number → destination →
 * answering rule for the time frame in effect (forward always, do not disturb, sim-ring with delays,
 * forward on no answer) → ring group members (with delays) → after N s the fallback → voicemail. Other
 * kinds (queues, attendants) are expanded through steps.ts. Loops and dead ends are outcomes, not errors.
 * PURE: no I/O, no clock (the instant is a parameter, or a wall-clock `LocalTime`).
 */
import { normalizeNumber } from '../kinds/normalize';
import { callerKey } from './model';
import { targetName } from './rules';
import { CALL_FLOW_STEPS, type CallFlowStep, type Outcome, type StepApi } from './steps';
import { type LocalTime, localTime, timeFrameActive } from './time-frames';
import type { CallFlowState, ExtensionNode, RuleNode, Target } from './types';

export type { Outcome } from './steps';

export interface Trace {
  readonly start: string;
  readonly local: LocalTime;
  readonly steps: readonly string[];
  readonly outcome: Outcome;
  /** The extensions the call went through, in order. */
  readonly visited: readonly string[];
}

/** Default ring time of a user or group when the content does not say (the platform's default). */
export const DEFAULT_RING_SECONDS = 25;
const MAX_STEPS = 50;

interface Walk {
  readonly state: CallFlowState;
  readonly local: LocalTime;
  readonly steps: string[];
  readonly path: string[];
  readonly kinds: Readonly<Record<string, CallFlowStep>>;
  readonly caller?: TraceCaller;
}

/** Who calls: a number (or `anonymous`/`unknown`), and whether the platform flags the call as spam. */
export interface TraceCaller {
  readonly from: string;
  readonly spam?: boolean;
}

export function traceCall(
  state: CallFlowState,
  start: string,
  at: Date | LocalTime,
  kinds: Readonly<Record<string, CallFlowStep>> = CALL_FLOW_STEPS,
  caller?: TraceCaller,
): Trace {
  const local = at instanceof Date ? localTime(at, state.timeZone) : at;
  const walk: Walk = { state, local, steps: [], path: [], kinds, ...(caller ? { caller } : {}) };
  const outcome = traceStart(walk, start.trim());
  return { start, local, steps: walk.steps, outcome, visited: walk.path };
}

function traceStart(w: Walk, start: string): Outcome {
  if (w.caller && w.state.blocked?.has(callerKey(w.caller.from))) {
    w.steps.push('the caller is on the domain block list: rejected');
    return { type: 'hangup' };
  }
  if (w.state.extensions.has(start) || otherType(w, start)) return reach(w, { type: 'extension', extension: start });
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
    case 'outside':
      w.steps.push('forwarded to an outside number');
      return { type: 'outside' };
    case 'voicemail':
      return voicemail(w, target.extension);
    case 'call_queue':
    case 'auto_attendant':
      return other(w, target.type, target.extension);
    case 'extension':
      return extension(w, target.extension);
  }
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

/** Enters `ext` on the path; a loop outcome when it is already on it. */
function enter(w: Walk, ext: string): Outcome | undefined {
  if (!w.path.includes(ext)) {
    w.path.push(ext);
    return undefined;
  }
  const path = [...w.path.slice(w.path.indexOf(ext)), ext];
  w.steps.push(`loop: ${path.join(' → ')}`);
  return { type: 'loop', path };
}

function otherType(w: Walk, ext: string): string | undefined {
  for (const [type, nodes] of w.state.others ?? []) if (nodes.has(ext)) return type;
  return undefined;
}

/** A call queue, an auto attendant, …: expanded by its step (steps.ts), else the trace stops there. */
function other(w: Walk, type: 'call_queue' | 'auto_attendant' | string, ext: string): Outcome {
  const step = w.kinds[type];
  const node = w.state.others?.get(type)?.get(ext);
  const words = type.replace('_', ' ');
  if (!step || !node) {
    w.steps.push(`${words} ${ext} (not traced further yet)`);
    return type === 'call_queue' || type === 'auto_attendant'
      ? { type, extension: ext }
      : { type: 'answered', extensions: [ext] };
  }
  const looped = enter(w, ext);
  if (looped) return looped;
  const api: StepApi = {
    extension: ext,
    say: (line) => w.steps.push(line),
    reach: (t) => reach(w, t),
    deadEnd: (reason) => deadEnd(w, reason),
    active: (name) => {
      const tf = w.state.timeFrames.get(name);
      return tf !== undefined && timeFrameActive(tf, w.local);
    },
    hasTimeFrame: (name) => w.state.timeFrames.has(name),
    exists: (e) => w.state.extensions.has(e) || otherType(w, e) !== undefined || !!w.state.knownExtensions?.has(e),
  };
  return step.expand(node, api);
}

function extension(w: Walk, ext: string): Outcome {
  const node = w.state.extensions.get(ext);
  if (!node) {
    const type = otherType(w, ext);
    if (type) return other(w, type, ext);
    if (w.state.knownExtensions?.has(ext)) {
      w.steps.push(`extension ${ext} (not managed here: not traced further)`);
      return { type: 'answered', extensions: [ext] };
    }
    if (w.path.includes(ext)) return enter(w, ext) as Outcome;
    return deadEnd(w, `extension ${ext} does not exist`);
  }
  const looped = enter(w, ext);
  if (looped) return looped;
  const rule = activeRule(w, node);
  if (rule?.dnd) {
    w.steps.push(`${ext}: ${ruleWords(rule)}, do not disturb`);
    if (node.kind === 'user' && node.voicemail) return voicemail(w, ext);
    return deadEnd(w, `${ext} is on do not disturb with no voicemail`);
  }
  if (rule?.forwardAlways) {
    w.steps.push(`${ext}: ${ruleWords(rule)}, forward always`);
    return reach(w, rule.forwardAlways);
  }
  // The default rule's allow/block/spam (pbxctl manages them there) apply while no time-frame rule does.
  const screened = !rule || rule.timeFrame === '*' ? screen(w, node) : undefined;
  if (screened) return screened;
  if (rule && rule.timeFrame !== '*') w.steps.push(`${ext}: time frame "${rule.timeFrame}" in effect`);
  if (rule?.screen) w.steps.push(`${ext}: callers are asked their name first (call screening)`);
  return node.kind === 'ring_group' ? ringGroup(w, node, rule) : user(w, node, rule);
}

/** What the default rule does with this caller: undefined = the call goes on (ring, or screened first). */
function screen(w: Walk, node: ExtensionNode): Outcome | undefined {
  const s = node.screening;
  if (!w.caller || !s) return undefined;
  const who = callerKey(w.caller.from);
  const ext = node.extension;
  if (s.allow.has(who)) {
    w.steps.push(`${ext}: the caller is on the allow list`);
    return undefined;
  }
  if (s.block.has(who)) {
    w.steps.push(`${ext}: the caller is on the block list: rejected`);
    return { type: 'hangup' };
  }
  if (!w.caller.spam) return undefined;
  switch (s.spam ?? 'ring') {
    case 'voicemail':
      w.steps.push(`${ext}: spam calls go to voicemail`);
      // A ring group's voicemail is the group's own box.
      return node.kind === 'ring_group' || node.voicemail
        ? { type: 'voicemail', extension: ext }
        : deadEnd(w, `${ext} sends spam to voicemail but has none`);
    case 'drop':
      w.steps.push(`${ext}: spam calls are rejected`);
      return { type: 'hangup' };
    case 'screen':
      w.steps.push(`${ext}: spam callers are asked their name first`);
      return undefined;
    default:
      w.steps.push(`${ext}: spam calls ring as normal`);
      return undefined;
  }
}

function ruleWords(rule: RuleNode): string {
  return rule.timeFrame === '*' ? 'default rule' : `time frame "${rule.timeFrame}" in effect`;
}

/** The first enabled rule whose time frame is in effect (`*` always is); unknown time frames are skipped, said so. */
function activeRule(w: Walk, node: ExtensionNode): RuleNode | undefined {
  for (const rule of node.rules ?? []) {
    if (rule.enabled === false) continue;
    if (rule.timeFrame === '*') return rule;
    // The extension's own time frame of that name first (a user's), then the domain's.
    const tf = node.timeFrames?.get(rule.timeFrame) ?? w.state.timeFrames.get(rule.timeFrame);
    if (!tf) {
      w.steps.push(`${node.extension}: time frame "${rule.timeFrame}" does not exist, rule skipped`);
      continue;
    }
    if (timeFrameActive(tf, w.local)) return rule;
  }
  return undefined;
}

/** The rule's sim-ring targets as ring lines; extensions that ring are added to `ringing`. */
function simRingLines(rule: RuleNode | undefined, seconds: number, ringing: string[]): string[] {
  const lines: string[] = [];
  for (const s of rule?.simRing ?? []) {
    const delay = s.delaySeconds ?? 0;
    const name = targetName(s.target);
    if (delay >= seconds) lines.push(`  ${name} never rings (delay ${delay} s ≥ ${seconds} s)`);
    else {
      lines.push(`  also ${name} from ${delay} s to ${seconds} s`);
      if (s.target.type === 'extension') ringing.push(s.target.extension);
    }
  }
  if (rule?.forwardBusy) lines.push(`  if busy → ${targetName(rule.forwardBusy)}`);
  if (rule?.forwardUnregistered) lines.push(`  if no phone is registered → ${targetName(rule.forwardUnregistered)}`);
  return lines;
}

function user(w: Walk, node: ExtensionNode, rule: RuleNode | undefined): Outcome {
  const seconds = node.ringTimeout ?? DEFAULT_RING_SECONDS;
  const ringing = [node.extension];
  w.steps.push(`${node.extension} rings for ${seconds} s`, ...simRingLines(rule, seconds, ringing));
  if (rule?.forwardNoAnswer) {
    w.steps.push(`no answer after ${seconds} s → forward to ${targetName(rule.forwardNoAnswer)}`);
    return reach(w, rule.forwardNoAnswer);
  }
  if (node.voicemail) {
    w.steps.push(`no answer after ${seconds} s → voicemail ${node.extension}`);
    return { type: 'voicemail', extension: node.extension };
  }
  w.steps.push(`no answer after ${seconds} s: nothing else (voicemail off)`);
  return { type: 'answered', extensions: ringing };
}

function ringGroup(w: Walk, node: ExtensionNode, rule: RuleNode | undefined): Outcome {
  const seconds = node.ringTimeout ?? DEFAULT_RING_SECONDS;
  const members = node.members ?? [];
  const ringing: string[] = [];
  const lines: string[] = [];
  for (const m of members) {
    const delay = m.delaySeconds ?? 0;
    if (!w.state.extensions.has(m.extension) && !w.state.knownExtensions?.has(m.extension))
      lines.push(`  member ${m.extension} does not exist`);
    else if (delay >= seconds) lines.push(`  member ${m.extension} never rings (delay ${delay} s ≥ ${seconds} s)`);
    else {
      const until = Math.min(seconds, m.ringSeconds !== undefined ? delay + m.ringSeconds : seconds);
      lines.push(`  ${m.extension} rings from ${delay} s to ${until} s`);
      ringing.push(m.extension);
    }
  }
  lines.push(...simRingLines(rule, seconds, ringing));
  w.steps.push(
    `ring group ${node.extension} rings ${ringing.length} of ${members.length} members for ${seconds} s`,
    ...lines,
  );
  const fallback = rule?.forwardNoAnswer ?? node.fallback;
  if (fallback) {
    w.steps.push(`no answer after ${seconds} s → fallback`);
    return reach(w, fallback);
  }
  if (ringing.length === 0) return deadEnd(w, `ring group ${node.extension} rings nobody and has no fallback`);
  w.steps.push(`no answer after ${seconds} s: no fallback`);
  return { type: 'answered', extensions: ringing };
}

/** The end of a trace in words (extensions only: an outside number is not named). */
export function describeOutcome(o: Outcome): string {
  switch (o.type) {
    case 'answered':
      return `rings ${o.extensions.join(', ')}`;
    case 'loop':
      return `LOOP: ${o.path.join(' → ')}`;
    case 'dead_end':
      return `DEAD END: ${o.reason}`;
    case 'hangup':
      return 'hung up';
    case 'outside':
      return 'forwarded to an outside number';
    default:
      return `${o.type.replace('_', ' ')} ${o.extension}`;
  }
}
