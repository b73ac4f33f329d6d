// One collator, created once: `localeCompare` with options builds a new one per call (a hot spot in
// plans of thousands of users).
const collator = new Intl.Collator('en', { numeric: true });

/** Numeric-aware key order, so extension 999 sorts before 1000. */
export function compareKeys(a: string, b: string): number {
  return collator.compare(a, b);
}
