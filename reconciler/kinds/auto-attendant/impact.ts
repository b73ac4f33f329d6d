/**
 * What a change to an auto attendant does to calls, in words: one line per key whose destination changes
 * ("press 1 at attendant 3000 reaches 2000 (was 1001)"). PURE; extensions only.
 */
import { describeDestination } from '../call-queue/destination';
import type { Comparable, ComparableValue } from '../kind';
import { str } from '../normalize';
import { DIGITS } from './fields';
import type { OptionContent } from './spec';

const optionsOf = (c: Comparable) => (Array.isArray(c.options) ? (c.options as unknown as OptionContent[]) : []);

function failWords(v: ComparableValue | undefined, options: readonly OptionContent[]): string {
  const s = str(v);
  if (s === '' || s === 'repeat') return 'hears the menu again';
  if (s === 'hangup') return 'is hung up';
  const o = options.find((x) => x.digit === s);
  return `reaches ${o ? describeDestination(o.destination) : `key ${s} (no option)`}`;
}

export function autoAttendantImpact(
  key: string,
  before: Comparable,
  after: Comparable,
  changedFields: readonly string[],
): string[] {
  const changed = new Set(changedFields.map((f) => f.split('.')[0] as string));
  const out: string[] = [];
  const b = optionsOf(before);
  const a = optionsOf(after);
  if (changed.has('options')) {
    for (const digit of DIGITS) {
      const was = b.find((o) => o.digit === digit);
      const now = a.find((o) => o.digit === digit);
      const wasText = was ? describeDestination(was.destination) : 'nothing';
      const nowText = now ? describeDestination(now.destination) : 'nothing';
      if (wasText === nowText) continue;
      out.push(`press ${digit} at attendant ${key} reaches ${nowText} (was ${wasText})`);
    }
  }
  for (const [field, words] of [
    ['no_input', 'a caller who presses nothing'],
    ['invalid', 'a caller who presses a key with no option'],
  ] as const) {
    if (!changed.has(field) && !changed.has('options')) continue;
    const was = failWords(before[field], b);
    const now = failWords(after[field], a);
    if (was !== now) out.push(`at attendant ${key}, ${words} ${now} (was: ${was.replace(/^reaches /, '')})`);
  }
  if (changed.has('time_frame'))
    out.push(
      `attendant ${key} answers in time frame ${str(after.time_frame) || '*'} (was ${str(before.time_frame) || '*'})`,
    );
  return out;
}
