/**
 * What a change to a block list does to calls, in words. PURE; names extensions and counts, never numbers or names.
 */
import { list, numbers, setDelta } from '../impact';
import type { Comparable } from '../kind';

/** The domain block list: counts only (the numbers are personal data in some plans). */
export function blockListImpact(key: string, before: Comparable, after: Comparable): string[] {
  const { added, removed } = setDelta(list(before.numbers), list(after.numbers));
  const parts: string[] = [];
  if (added.length) parts.push(`${numbers(added.length)} blocked`);
  if (removed.length) parts.push(`${numbers(removed.length)} unblocked`);
  return parts.length ? [`for every extension of ${key}: ${parts.join(', ')}`] : [];
}
