/**
 * Answering rules in the call-flow model: the kinds' `answering_rules` content (kinds/user/answering-rules.ts)
 * as `RuleNode`s. Targets are `1002` (an extension), `voicemail:1000`, or `+<number>` (outside). PURE.
 */
import type { ComparableValue } from '../kinds/kind';
import type { RuleNode, Target } from './types';

type Obj = Readonly<Record<string, ComparableValue>>;
const str = (v: ComparableValue | undefined) => (v === undefined || v === null ? '' : String(v));

/** An answering-rule target string as a model target. */
export function ruleTarget(v: ComparableValue | undefined): Target | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  if (v.startsWith('voicemail:')) return { type: 'voicemail', extension: v.slice('voicemail:'.length) };
  if (v.startsWith('+')) return { type: 'outside' };
  return { type: 'extension', extension: v };
}

function simRing(v: ComparableValue | undefined): RuleNode['simRing'] {
  if (!Array.isArray(v)) return [];
  return (v as Obj[]).flatMap((s) => {
    const target = ruleTarget(s.to);
    if (!target) return [];
    return [{ target, delaySeconds: typeof s.delay_seconds === 'number' ? s.delay_seconds : undefined }];
  });
}

export function rulesFrom(v: ComparableValue | undefined): RuleNode[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return (v as Obj[]).map((r) => ({
    timeFrame: String(r.time_frame ?? ''),
    enabled: r.enabled !== false,
    forwardAlways: ruleTarget(r.forward_always),
    forwardBusy: ruleTarget(r.forward_busy),
    forwardNoAnswer: ruleTarget(r.forward_no_answer),
    forwardUnregistered: ruleTarget(r.forward_unregistered),
    simRing: simRing(r.simultaneous_ring),
    dnd: r.dnd === true,
    screen: r.screen === true,
  }));
}

/** A target in words for steps: never an outside number. */
export function targetName(t: Target): string {
  switch (t.type) {
    case 'extension':
      return t.extension;
    case 'voicemail':
      return `voicemail ${t.extension}`;
    case 'call_queue':
    case 'auto_attendant':
      return `${t.type.replace('_', ' ')} ${t.extension}`;
    case 'outside':
      return 'an outside number';
    case 'hangup':
      return 'hang up';
    case 'unknown':
      return t.what;
  }
}

/** A phone number's `destination` content. */
export function numberTarget(d: ComparableValue | undefined): Target {
  const o = (d ?? {}) as Obj;
  if (o.extension !== undefined) return { type: 'extension', extension: str(o.extension) };
  if (o.voicemail !== undefined) return { type: 'voicemail', extension: str(o.voicemail) };
  if (o.call_queue !== undefined) return { type: 'call_queue', extension: str(o.call_queue) };
  if (o.hangup === true) return { type: 'hangup' };
  return { type: 'unknown', what: str(o.platform) || 'no destination' };
}
