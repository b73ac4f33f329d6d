/**
 * What re-routing a number does to calls, in words. PURE; names extensions only (the number itself is
 * personal data under --redact-pii, so the line says "this number").
 */
import type { Comparable, ComparableValue } from '../kind';
import { str } from '../normalize';

export function describeDestination(d: ComparableValue | undefined): string {
  const o = (d ?? {}) as Record<string, ComparableValue>;
  if (o.extension !== undefined) return `ring ${str(o.extension)}`;
  if (o.voicemail !== undefined) return `go to voicemail ${str(o.voicemail)}`;
  if (o.call_queue !== undefined) return `go to call queue ${str(o.call_queue)}`;
  if (o.hangup === true) return 'are hung up';
  return `go to ${str(o.platform) || 'nowhere'}`;
}

export function phoneNumberImpact(
  _key: string,
  before: Comparable,
  after: Comparable,
  changed: readonly string[],
): string[] {
  const lines: string[] = [];
  if (changed.some((f) => f.startsWith('destination'))) {
    lines.push(
      `calls to this number ${describeDestination(after.destination)} (was: ${describeDestination(before.destination)})`,
    );
  }
  if (changed.includes('enabled'))
    lines.push(after.enabled === false ? 'this number stops taking calls' : 'this number takes calls again');
  return lines;
}
