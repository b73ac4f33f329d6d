/** What a change to a call queue does to calls, in words. PURE; extensions and counts only. */
import { setDelta } from '../impact';
import type { Comparable } from '../kind';
import { describeDestination } from './destination';

const DISPATCH_WORDS: Readonly<Record<string, string>> = {
  ring_all: 'all at once',
  round_robin: 'round robin',
  tiered_round_robin: 'tiered round robin',
  linear_hunt: 'one by one, in order',
  linear_cascade: 'in order, adding agents',
};

const agentsOf = (c: Comparable): string[] => (Array.isArray(c.agents) ? (c.agents as string[]) : []);
const names = (list: readonly string[]) => (list.length === 0 ? 'no agent' : list.join(', '));
const dispatchWords = (v: unknown) => (typeof v === 'string' ? (DISPATCH_WORDS[v] ?? v) : 'as the platform default');
const seconds = (v: unknown) => (typeof v === 'number' ? `${v} s` : 'the default');

export function callQueueImpact(
  key: string,
  before: Comparable,
  after: Comparable,
  changedFields: readonly string[],
): string[] {
  const changed = new Set(changedFields.map((f) => f.split('.')[0] as string));
  const out: string[] = [];
  if (changed.has('agents')) {
    const { added, removed } = setDelta(agentsOf(before), agentsOf(after));
    const parts = [`calls in queue ${key} ring ${names(agentsOf(after))} (was ${names(agentsOf(before))})`];
    if (added.length) parts.push(`starts ringing ${added.join(', ')}`);
    if (removed.length) parts.push(`stops ringing ${removed.join(', ')}`);
    if (!added.length && !removed.length) parts.push('new dispatch order');
    out.push(parts.join('; '));
  }
  if (changed.has('dispatch'))
    out.push(`queue ${key} rings its agents ${dispatchWords(after.dispatch)} (was ${dispatchWords(before.dispatch)})`);
  if (changed.has('agent_timeout'))
    out.push(`each agent of queue ${key} rings ${seconds(after.agent_timeout)} (was ${seconds(before.agent_timeout)})`);
  if (changed.has('overflow_after'))
    out.push(
      `calls wait ${seconds(after.overflow_after)} in queue ${key} before the overflow (was ${seconds(before.overflow_after)})`,
    );
  if (changed.has('overflow'))
    out.push(
      `unanswered calls in queue ${key} go to ${describeDestination(after.overflow)} (was ${describeDestination(before.overflow)})`,
    );
  return out;
}
