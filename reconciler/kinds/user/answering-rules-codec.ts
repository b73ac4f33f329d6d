/**
 * Answering rules ↔ answer rule records (OAS45 `Answerrule`; docs/reference/netsapiens-api.md §6). Evidence:
 * - feature blocks `{ enabled: yes|no, parameters: [...] }`; `do-not-disturb` and `call-screening` are switches;
 * - forward targets use the alias grammar: a plain extension or number, `vmail_<ext>` for a voicemail box
 *   (spec examples `user_5555`, `vmail_5555`, `queue_234`); pbxctl writes a plain extension and reads
 *   `user_`/`queue_` too;
 * - sim-ring parameters take `;delay=N` (spec example `3456;delay=15`, the portal's "Ring Delay (sec)");
 *   `<OwnDevices>` (spec example) rings the user's own phones, which pbxctl always keeps ringing for a user;
 * - the priority is `order` (44.1 servers: `ordinal-priority`), lower first; `*` is the default rule.
 */
import { fromYesNo, yesNo } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { str } from '../normalize';
import { type AnsweringRuleSpec, FORWARDS, type ForwardField, type RuleContent, ruleSpec } from './answering-rules';

/** Platform block of each forward. */
export const FORWARD_BLOCKS: Readonly<Record<ForwardField, string>> = {
  forward_always: 'forward-always',
  forward_busy: 'forward-on-busy',
  forward_no_answer: 'forward-no-answer',
  forward_unregistered: 'forward-when-unregistered',
};

/** What rings first in a user's sim-ring list: the user's own phones (spec example `<OwnDevices>`). */
export const OWN_DEVICES = '<OwnDevices>';

export function encodeTarget(target: string): string {
  if (target.startsWith('voicemail:')) return `vmail_${target.slice('voicemail:'.length)}`;
  if (target.startsWith('+')) return target.slice(1);
  return target;
}

/** A forward parameter as a target; a bare number is an extension when the domain has it, else outside. */
export function decodeTarget(param: string, isExtension: (ext: string) => boolean): string {
  const vm = /^vmail_(\d+)$/.exec(param);
  if (vm) return `voicemail:${vm[1]}`;
  const alias = /^(?:user|queue)_(\d+)$/.exec(param);
  if (alias) return alias[1] as string;
  if (/^\d+$/.test(param)) return isExtension(param) ? param : `+${param}`;
  return param;
}

interface Block {
  enabled?: unknown;
  parameters?: unknown;
}

function params(block: unknown): string[] {
  const b = block as Block | undefined;
  if (!b || fromYesNo(b.enabled) !== true) return [];
  return Array.isArray(b.parameters) ? b.parameters.map(String) : [];
}

function switchOn(block: unknown): boolean {
  return fromYesNo((block as Block | undefined)?.enabled) === true;
}

function simParam(s: RuleContent['simultaneous_ring'][number]): string {
  const p = encodeTarget(s.to);
  return s.delay_seconds ? `${p};delay=${s.delay_seconds}` : p;
}

/**
 * The feature blocks of a rule. `ring` = what always rings in a rule that does not forward (a user's
 * `<OwnDevices>`, a ring group's members), written ahead of the rule's own sim-ring entries.
 */
export function encodeRule(c: RuleContent, ring: readonly string[]): PlatformRecord {
  const body: PlatformRecord = { enabled: yesNo(c.enabled) };
  for (const f of FORWARDS) {
    const t = c[f];
    body[FORWARD_BLOCKS[f]] = t ? { enabled: 'yes', parameters: [encodeTarget(t)] } : { enabled: 'no', parameters: [] };
  }
  const extra = c.simultaneous_ring.map(simParam);
  body['simultaneous-ring'] =
    extra.length > 0 || (ring.length > 0 && ring[0] !== OWN_DEVICES)
      ? { enabled: 'yes', parameters: [...ring, ...extra] }
      : { enabled: 'no', parameters: [] };
  body['do-not-disturb'] = { enabled: yesNo(c.dnd) };
  body['call-screening'] = { enabled: yesNo(c.screen) };
  return body;
}

export function decodeRule(
  record: PlatformRecord,
  ring: readonly string[],
  isExtension: (ext: string) => boolean,
): RuleContent {
  const forwards = Object.fromEntries(
    FORWARDS.map((f) => {
      const p = params(record[FORWARD_BLOCKS[f]])[0];
      return [f, p === undefined ? null : decodeTarget(p, isExtension)];
    }),
  ) as Record<ForwardField, string | null>;
  const skip = new Set([OWN_DEVICES, ...ring]);
  const simultaneous_ring = params(record['simultaneous-ring'])
    .filter((p) => !skip.has(p))
    .map((p) => {
      const [to = '', ...options] = p.split(';');
      const delay = options.map((o) => /^delay=(\d+)$/.exec(o)?.[1]).find((d) => d !== undefined);
      const t = decodeTarget(to, isExtension);
      return delay && Number(delay) > 0 ? { to: t, delay_seconds: Number(delay) } : { to: t };
    });
  return {
    time_frame: str(record['time-frame']),
    enabled: fromYesNo(record.enabled) !== false,
    ...forwards,
    simultaneous_ring,
    dnd: switchOn(record['do-not-disturb']),
    screen: switchOn(record['call-screening']),
  };
}

/** Priority of a record: `order`, or `ordinal-priority` on 44.1 servers; `*` last when neither is given. */
export function priorityOf(record: PlatformRecord): number {
  const raw = record.order ?? record['ordinal-priority'];
  const n = Number(raw);
  if (raw !== undefined && raw !== null && raw !== '' && Number.isFinite(n)) return n;
  return str(record['time-frame']) === '*' ? 99 : 98;
}

/** A user's rule records, highest priority first. */
export function sortedRules(records: readonly PlatformRecord[]): PlatformRecord[] {
  return [...records].sort((a, b) => priorityOf(a) - priorityOf(b));
}

/**
 * The live `answering_rules` content: the rules in priority order, limited to what the entry manages
 * (`frames`, or every non-default rule when `all`). With no desired entry (export), every non-default rule
 * and a default rule that sets anything.
 */
export function liveRules(
  records: readonly PlatformRecord[],
  scope: { readonly frames: ReadonlySet<string>; readonly all: boolean } | undefined,
  ring: readonly string[],
  isExtension: (ext: string) => boolean,
  plain: (r: RuleContent) => boolean,
): AnsweringRuleSpec[] {
  const out: AnsweringRuleSpec[] = [];
  for (const record of sortedRules(records)) {
    const c = decodeRule(record, ring, isExtension);
    const isDefault = c.time_frame === '*';
    const wanted = scope
      ? scope.frames.has(c.time_frame) || (scope.all && !isDefault)
      : !isDefault || (ring.length > 0 && ring[0] === OWN_DEVICES && !plain(c));
    if (wanted) out.push(ruleSpec(c));
  }
  return out;
}
