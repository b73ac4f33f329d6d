/**
 * What a change to an emergency address does to emergency calls, in words. PURE. Street lines and the
 * location are never named (they may be a home: PII under `--redact-pii`, and impact lines are shown as
 * they are); the town is, as it is what a responder is dispatched to.
 */
import type { Comparable } from '../kind';
import { str } from '../normalize';
import { townOf } from './codec';

const STREET = ['line1', 'line2'];

export function addressImpact(
  key: string,
  before: Comparable,
  after: Comparable,
  changed: readonly string[],
): string[] {
  const who = `emergency calls from everyone assigned "${key}"`;
  const lines: string[] = [];
  const town = ['city', 'state', 'postal_code', 'country'].some((f) => changed.includes(f));
  if (town) lines.push(`${who} will report ${townOf(after)} (was ${townOf(before)})`);
  const street = STREET.filter((f) => changed.includes(f));
  if (street.length > 0)
    lines.push(`${who} will report a new street address (${street.map((f) => f.replace('line', 'line ')).join(', ')})`);
  if (changed.includes('location'))
    lines.push(`${who} will tell responders a new location in the building${str(after.location) ? '' : ' (none)'}`);
  if (changed.includes('caller_name')) lines.push(`${who} will show the operator a new caller name`);
  if (lines.length > 0) lines.push(`the carrier re-validates "${key}" before it is saved`);
  return lines;
}
