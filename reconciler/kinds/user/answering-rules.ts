/**
 * Answering rules (the portal's "Answering Rules"), shared by users and ring groups: one rule per time frame,
 * in priority order, each with forwards (always, busy, no answer, unregistered), simultaneous ring with
 * delays, do-not-disturb and call screening. On the platform a rule is an answer rule record
 * (`/domains/{d}/users/{u}/answerrules`, OAS45 `Answerrule`): `time-frame` names a time frame, the features
 * are `{ enabled, parameters }` blocks, and `order` (44.1: `ordinal-priority`) is the priority.
 *
 * YAML:
 *   answering_rules:
 *     - time_frame: Holidays
 *       forward_always: voicemail:1000
 *     - time_frame: Business hours
 *       forward_no_answer: "1002"          # after the user's ring_timeout (the platform has one timeout per user)
 *       simultaneous_ring: [{ to: "+1 917 555 0112", delay_seconds: 10 }]
 *   answering_rules_managed: listed       # default; `all` deletes rules the file does not list
 *
 * Targets are strings: an extension (`"1002"`: a user, ring group, queue or attendant), `voicemail:<ext>`
 * (a voicemail box), or an outside number starting with `+`. The default rule (`time_frame: "*"`) keeps
 * spam/allow/block (its own fields); users may list it to manage its forwards (ring groups may not: their
 * `*` rule is members + fallback). A rule in the file is managed whole: a feature it omits is off.
 * Rules the file does not list are left alone unless `answering_rules_managed: all`.
 */
import type { Comparable, ComparableValue, FieldSpec } from '../kind';
import { normalizeNumber } from '../normalize';

export interface SimRingSpec {
  to: string;
  delay_seconds?: number;
}

export interface AnsweringRuleSpec {
  time_frame: string;
  enabled?: boolean;
  forward_always?: string;
  forward_busy?: string;
  forward_no_answer?: string;
  forward_unregistered?: string;
  simultaneous_ring?: Array<string | SimRingSpec>;
  dnd?: boolean;
  screen?: boolean;
}

export type AnsweringRulesManaged = 'listed' | 'all';

/** The comparable form of one rule: every feature present (a rule is managed whole). */
export interface RuleContent {
  readonly time_frame: string;
  readonly enabled: boolean;
  readonly forward_always: string | null;
  readonly forward_busy: string | null;
  readonly forward_no_answer: string | null;
  readonly forward_unregistered: string | null;
  readonly simultaneous_ring: readonly { readonly to: string; readonly delay_seconds?: number }[];
  readonly dnd: boolean;
  readonly screen: boolean;
}

export const FORWARDS = ['forward_always', 'forward_busy', 'forward_no_answer', 'forward_unregistered'] as const;
export type ForwardField = (typeof FORWARDS)[number];

/** A target: extension, `voicemail:<ext>`, or `+<number>`. */
export const TARGET_PATTERN = '^([0-9]{2,16}|voicemail:[0-9]{2,16}|\\+[0-9 ().-]{2,24})$';

/** Normalised target: `1002`, `voicemail:1000`, `+12125550199`. */
export function normalizeTarget(raw: string | number): string {
  const t = String(raw).trim();
  if (t.startsWith('voicemail:')) return `voicemail:${t.slice('voicemail:'.length).trim()}`;
  if (t.startsWith('+')) return `+${normalizeNumber(t)}`;
  return t;
}

function target(v: string | undefined): string | null {
  return v === undefined || v === '' ? null : normalizeTarget(v);
}

function simRing(list: AnsweringRuleSpec['simultaneous_ring']): RuleContent['simultaneous_ring'] {
  return (list ?? []).map((s) =>
    typeof s === 'string' || typeof s === 'number'
      ? { to: normalizeTarget(s) }
      : s.delay_seconds === undefined || Number(s.delay_seconds) === 0
        ? { to: normalizeTarget(s.to) }
        : { to: normalizeTarget(s.to), delay_seconds: Number(s.delay_seconds) },
  );
}

export function ruleContent(spec: AnsweringRuleSpec): RuleContent {
  return {
    time_frame: String(spec.time_frame).trim(),
    enabled: spec.enabled !== false,
    forward_always: target(spec.forward_always),
    forward_busy: target(spec.forward_busy),
    forward_no_answer: target(spec.forward_no_answer),
    forward_unregistered: target(spec.forward_unregistered),
    simultaneous_ring: simRing(spec.simultaneous_ring),
    dnd: spec.dnd === true,
    screen: spec.screen === true,
  };
}

/**
 * The comparable form of a list: each rule normalised, then written lean (what is off is left out), so
 * plans show only what a rule sets. Both sides are lean alike, so "left out" still means "off".
 */
export function rulesContent(specs: readonly AnsweringRuleSpec[]): AnsweringRuleSpec[] {
  return specs.map((s) => ruleSpec(ruleContent(s)));
}

/** Export: the shortest YAML entry that gives this content. */
export function ruleSpec(c: RuleContent): AnsweringRuleSpec {
  const out: AnsweringRuleSpec = { time_frame: c.time_frame };
  if (!c.enabled) out.enabled = false;
  for (const f of FORWARDS) if (c[f]) out[f] = c[f] as string;
  if (c.simultaneous_ring.length > 0)
    out.simultaneous_ring = c.simultaneous_ring.map((s) =>
      s.delay_seconds === undefined ? { to: s.to } : { to: s.to, delay_seconds: s.delay_seconds },
    );
  if (c.dnd) out.dnd = true;
  if (c.screen) out.screen = true;
  return out;
}

/** Rules of comparable content (either side), every feature filled in. */
export function rulesOf(v: ComparableValue | undefined): RuleContent[] {
  return Array.isArray(v) ? (v as unknown as AnsweringRuleSpec[]).map(ruleContent) : [];
}

/** The time frames a desired entry lists, and whether it manages the whole list. */
export function listedScope(content: Comparable | undefined, spec: unknown): { frames: Set<string>; all: boolean } {
  const frames = new Set(rulesOf(content?.answering_rules).map((r) => r.time_frame));
  const all = (spec as { answering_rules_managed?: string } | undefined)?.answering_rules_managed === 'all';
  return { frames, all };
}

/** Is this rule content "nothing set" (what a default rule without forwards reads as)? */
export function isPlainRule(r: RuleContent): boolean {
  return r.enabled && FORWARDS.every((f) => r[f] === null) && r.simultaneous_ring.length === 0 && !r.dnd && !r.screen;
}

const TARGET_DOC =
  'an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +';

function targetField(name: string, description: string): FieldSpec {
  return {
    name,
    type: 'string',
    pattern: TARGET_PATTERN,
    pii: true,
    class: 'routing',
    description: `${description}: ${TARGET_DOC}.`,
  };
}

/** The `answering_rules` and `answering_rules_managed` fields (ring groups may not list the default rule). */
export function answeringRulesFields(forGroup: boolean): FieldSpec[] {
  return [
    {
      name: 'answering_rules',
      type: 'object-list',
      class: 'routing',
      description: `Answering rules in priority order, one per time frame (the first whose time frame is in effect applies). A listed rule is managed whole; rules not listed are left alone unless answering_rules_managed is all.${forGroup ? ' The default rule ("*") is the group\'s members and fallback and cannot be listed; a rule that neither forwards always nor sets do-not-disturb rings the members.' : ' "*" is the default rule (spam/allow/block stay in their own fields).'}`,
      fields: [
        {
          name: 'time_frame',
          type: 'string',
          required: true,
          class: 'routing',
          ...(forGroup ? { pattern: '^(?!\\*$).+' } : {}),
          description: `Name of a time frame (time_frames)${forGroup ? '' : ', or "*" for the default rule'}.`,
        },
        {
          name: 'enabled',
          type: 'boolean',
          class: 'routing',
          description: 'false keeps the rule but switches it off (default true).',
        },
        targetField('forward_always', 'Forward every call'),
        targetField('forward_busy', 'Forward when busy'),
        targetField('forward_no_answer', 'Forward when unanswered after the ring timeout (ring_timeout)'),
        targetField('forward_unregistered', 'Forward when no phone is registered'),
        {
          name: 'simultaneous_ring',
          type: 'object-list',
          class: 'routing',
          description: 'Also ring these, optionally after a delay (the portal\'s "Ring Delay (sec)", `;delay=N`).',
          fields: [
            { ...targetField('to', 'Ring'), required: true },
            {
              name: 'delay_seconds',
              type: 'integer',
              minimum: 0,
              maximum: 3600,
              class: 'routing',
              description: 'Seconds before this one starts ringing (default 0).',
            },
          ],
        },
        { name: 'dnd', type: 'boolean', class: 'routing', description: 'Do not disturb: nothing rings.' },
        {
          name: 'screen',
          type: 'boolean',
          class: 'routing',
          description: 'Call screening: callers record their name first.',
        },
      ],
    },
    {
      name: 'answering_rules_managed',
      type: 'string',
      enum: ['listed', 'all'],
      notCompared: true,
      class: 'routing',
      description:
        'listed (default): only the rules in answering_rules are managed; all: rules for other time frames are deleted.',
    },
  ];
}
