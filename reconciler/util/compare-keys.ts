/** Numeric-aware key order, so extension 999 sorts before 1000. */
export function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
