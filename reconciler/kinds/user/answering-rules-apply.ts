/**
 * Writes answering rules (users and ring groups alike): each listed rule is PUT when the time frame has a
 * rule and POSTed otherwise; with `answering_rules_managed: all` the rules of other time frames are
 * deleted; then, when the priorities differ from the file's order, the whole list is reordered
 * (`PUT …/answerrules/reorder` takes every time frame): the listed rules in file order first, the
 * others after them in their present order, the default rule last.
 */
import type { PlatformRecord } from '../../platform/client';
import type { ApplyContext } from '../kind';
import { str } from '../normalize';
import type { RuleContent } from './answering-rules';
import { encodeRule, sortedRules } from './answering-rules-codec';

export interface RulesWrite {
  readonly extension: string;
  readonly rules: readonly RuleContent[];
  /** Delete the non-default rules the list does not name. */
  readonly all: boolean;
  /** The extension's answer rule records as read (all of them). */
  readonly live: readonly PlatformRecord[];
  /** What rings in a rule that does not forward: `<OwnDevices>` for a user, the members for a group. */
  readonly ring: readonly string[];
}

export async function writeAnsweringRules(ctx: ApplyContext, w: RulesWrite): Promise<void> {
  const { client, domain } = ctx;
  const existing = new Set(w.live.map((r) => str(r['time-frame'])));
  for (const rule of w.rules) {
    const body = encodeRule(rule, w.ring);
    if (existing.has(rule.time_frame)) {
      await client.updateAnswerRule(domain, w.extension, rule.time_frame, { ...body, 'is-active': true });
    } else {
      const frame = rule.time_frame;
      await client.createAnswerRule(
        domain,
        w.extension,
        { 'time-frame': frame, 'is-active': true, ...body },
        {
          landed: async () =>
            (await client.listAnswerRules(domain, w.extension)).some((r) => str(r['time-frame']) === frame),
        },
      );
    }
  }
  const listed = new Set(w.rules.map((r) => r.time_frame));
  let remaining = sortedRules(w.live).map((r) => str(r['time-frame']));
  if (w.all) {
    for (const frame of remaining.filter((f) => f !== '*' && !listed.has(f))) {
      await client.deleteAnswerRule(domain, w.extension, frame);
    }
    remaining = remaining.filter((f) => f === '*' || listed.has(f));
  }
  const added = w.rules.map((r) => r.time_frame).filter((f) => !existing.has(f));
  const now = [...remaining, ...added];
  const wanted = wantedOrder(now, w.rules);
  // A new rule lands just above the default one (OAS45 `order`): reorder only when that is not the file's order.
  const landed = [...now.filter((f) => f !== '*'), ...(now.includes('*') ? ['*'] : [])];
  if (wanted.join('\u0000') !== landed.join('\u0000')) {
    await client.reorderAnswerRules(domain, w.extension, wanted);
  }
}

/** The listed rules (not `*`) in file order, then the others in their order, `*` last. */
export function wantedOrder(frames: readonly string[], rules: readonly RuleContent[]): string[] {
  const listed = rules.map((r) => r.time_frame).filter((f) => f !== '*');
  const others = frames.filter((f) => f !== '*' && !listed.includes(f));
  return [...listed, ...others, ...(frames.includes('*') ? ['*'] : [])];
}
