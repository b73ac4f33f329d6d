/**
 * The call-flow model `traceCall` walks: numbers, extensions (users and ring groups) and time frames,
 * built from the kinds' comparable content — the same shape for desired state (files) and live state
 * (platform), so `--state desired|live` is one switch. PURE.
 */
import type { Comparable, ComparableValue } from '../kinds/kind';
import { numberTarget, rulesFrom } from './rules';

export { numberTarget } from './rules';
import { othersFrom } from './steps';
import { normalizeNumber } from '../kinds/normalize';
import type { CallFlowState, ExtensionNode, Member, NumberNode, Screening, Target } from './types';

export type { CallFlowState, ExtensionNode, Member, NumberNode, RuleNode, Target } from './types';

type Obj = Readonly<Record<string, ComparableValue>>;
const text = (v: ComparableValue | undefined) => (v === undefined || v === null ? '' : String(v));
const num = (v: ComparableValue | undefined) => (typeof v === 'number' ? v : undefined);

/** A ring group's `fallback` content (`{ type, extension }`). */
function fallbackTarget(f: ComparableValue | undefined, group: string): Target | undefined {
  if (!f || typeof f !== 'object' || Array.isArray(f)) return undefined;
  const o = f as Obj;
  const ext = text(o.extension);
  switch (o.type) {
    case 'user':
      return { type: 'extension', extension: ext };
    case 'voicemail':
      return { type: 'voicemail', extension: ext };
    case 'group_voicemail':
      return { type: 'voicemail', extension: ext || group };
    case 'call_queue':
      return { type: 'call_queue', extension: ext };
    case 'auto_attendant':
      return { type: 'auto_attendant', extension: ext };
    default:
      return undefined;
  }
}

function members(v: ComparableValue | undefined): Member[] {
  if (!Array.isArray(v)) return [];
  return (v as Obj[]).map((m) => ({
    extension: text(m.extension),
    delaySeconds: num(m.delay_seconds),
    ringSeconds: num(m.ring_seconds),
  }));
}

/** A user's own time frames (`time_frames` content), by name; none: no field. */
function ownTimeFrames(v: ComparableValue | undefined): { timeFrames?: ReadonlyMap<string, Comparable> } {
  if (!Array.isArray(v) || v.length === 0) return {};
  return { timeFrames: new Map((v as unknown as Comparable[]).map((t) => [text(t.name), t] as const)) };
}

/** A caller as block/allow lists hold it: `anonymous`/`unknown` as is, numbers normalised. */
export function callerKey(caller: string): string {
  const c = caller.trim().toLowerCase();
  return c === 'anonymous' || c === 'unknown' ? c : normalizeNumber(c);
}

function screeningOf(c: Readonly<Record<string, ComparableValue>>): Screening | undefined {
  const list = (v: ComparableValue | undefined) => new Set(Array.isArray(v) ? v.map((n) => callerKey(String(n))) : []);
  if (c.block === undefined && c.allow === undefined && c.spam === undefined) return undefined;
  return { block: list(c.block), allow: list(c.allow), ...(typeof c.spam === 'string' ? { spam: c.spam } : {}) };
}

interface Keyed {
  readonly key: string;
  readonly comparable: Comparable;
}

/** The model from kind objects by kind name (`user`, `ring_group`, `phone_number`, `time_frame`). */
export function callFlowFromObjects(objects: ReadonlyMap<string, readonly Keyed[]>, timeZone: string): CallFlowState {
  const extensions = new Map<string, ExtensionNode>();
  for (const u of objects.get('user') ?? []) {
    const vm = (u.comparable.voicemail ?? {}) as Obj;
    extensions.set(u.key, {
      kind: 'user',
      extension: u.key,
      ringTimeout: num(u.comparable.ring_timeout),
      voicemail: vm.enabled !== false,
      screening: screeningOf(u.comparable),
      rules: rulesFrom(u.comparable.answering_rules),
      ...ownTimeFrames(u.comparable.time_frames),
    });
  }
  for (const g of objects.get('ring_group') ?? []) {
    extensions.set(g.key, {
      kind: 'ring_group',
      extension: g.key,
      ringTimeout: num(g.comparable.ring_timeout),
      voicemail: false,
      members: members(g.comparable.members),
      fallback: fallbackTarget(g.comparable.fallback, g.key),
      screening: screeningOf(g.comparable),
      rules: rulesFrom(g.comparable.answering_rules),
    });
  }
  const numbers = new Map<string, NumberNode>();
  for (const n of objects.get('phone_number') ?? []) {
    numbers.set(n.key, {
      number: n.key,
      enabled: n.comparable.enabled !== false,
      target: numberTarget(n.comparable.destination),
    });
  }
  const timeFrames = new Map((objects.get('time_frame') ?? []).map((t) => [t.key, t.comparable] as const));
  const blockList = (objects.get('block_list') ?? [])[0]?.comparable.numbers;
  const blocked = Array.isArray(blockList) ? new Set(blockList.map((n) => callerKey(String(n)))) : undefined;
  return { timeZone, numbers, extensions, timeFrames, others: othersFrom(objects), ...(blocked ? { blocked } : {}) };
}
