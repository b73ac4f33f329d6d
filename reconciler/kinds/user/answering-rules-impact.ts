/**
 * What a change to answering rules does to calls, in words ("calls to 1001 during "Business hours" go to
 * 1002 after 20 s without answer"). PURE; names extensions and time frames, never outside numbers.
 */
import type { Comparable } from '../kind';
import { type RuleContent, rulesOf } from './answering-rules';

/** A target in words: `1002`, `voicemail 1000`, `an outside number`. */
export function targetWords(target: string): string {
  if (target.startsWith('voicemail:')) return `voicemail ${target.slice('voicemail:'.length)}`;
  if (target.startsWith('+')) return 'an outside number';
  return target;
}

function when(frame: string): string {
  return frame === '*' ? 'by default' : `during "${frame}"`;
}

/** One rule in words, `seconds` being the ring time before no-answer handling. */
export function describeRule(key: string, r: RuleContent, seconds: number): string[] {
  const at = `calls to ${key} ${when(r.time_frame)}`;
  if (!r.enabled) return [`the "${r.time_frame}" rule of ${key} is switched off`];
  if (r.dnd) return [`${at}: do not disturb, nothing rings`];
  if (r.forward_always) return [`${at} forward to ${targetWords(r.forward_always)}`];
  const out: string[] = [];
  const sims = r.simultaneous_ring.map(
    (s) => `${targetWords(s.to)}${s.delay_seconds ? ` after ${s.delay_seconds} s` : ''}`,
  );
  if (sims.length > 0) out.push(`${at} also ring ${sims.join(', ')}`);
  if (r.forward_no_answer)
    out.push(`${at} forward to ${targetWords(r.forward_no_answer)} after ${seconds} s without answer`);
  if (r.forward_busy) out.push(`${at} forward to ${targetWords(r.forward_busy)} when busy`);
  if (r.forward_unregistered)
    out.push(`${at} forward to ${targetWords(r.forward_unregistered)} when no phone is registered`);
  if (r.screen) out.push(`callers to ${key} ${when(r.time_frame)} are screened (asked their name)`);
  if (out.length === 0) out.push(`${at} ring as normal`);
  return out;
}

const same = (a: RuleContent, b: RuleContent) => JSON.stringify(a) === JSON.stringify(b);

export function answeringRulesImpact(key: string, before: Comparable, after: Comparable, seconds: number): string[] {
  if (after.answering_rules === undefined) return [];
  const was = rulesOf(before.answering_rules);
  const now = rulesOf(after.answering_rules);
  const out: string[] = [];
  for (const r of now) {
    const old = was.find((w) => w.time_frame === r.time_frame);
    if (!old || !same(old, r)) out.push(...describeRule(key, r, seconds));
  }
  for (const w of was) {
    if (!now.some((r) => r.time_frame === w.time_frame))
      out.push(`the "${w.time_frame}" rule of ${key} is deleted: those calls follow the next rule`);
  }
  const order = (list: RuleContent[]) =>
    list
      .map((r) => r.time_frame)
      .filter((f) => was.some((w) => w.time_frame === f) && now.some((n) => n.time_frame === f));
  if (order(was).join('\u0000') !== order(now).join('\u0000'))
    out.push(`the rules of ${key} apply in a new order: ${order(now).join(', ')}`);
  return out;
}
