// One collator, created once: `localeCompare` with options builds a new one per call (a hot spot in
// plans of thousands of users). Created on first use: building it loads ICU's collation data (~30 ms),
// which every start of the CLI and of the Terraform provider paid at load, whether it compared or not.
let collator: Intl.Collator | undefined;

/** A plain number without leading zeros (an extension), short enough to compare by length then digits. */
function isPlainNumber(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  const first = s.charCodeAt(0);
  if (first < 49 || first > 57) return s === '0';
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Numeric-aware key order, so extension 999 sorts before 1000. Two plain numbers (most keys: extensions)
 * compare as numbers without the collator, which orders them the same way (compare-keys.test.ts).
 */
export function compareKeys(a: string, b: string): number {
  if (isPlainNumber(a) && isPlainNumber(b)) {
    if (a.length !== b.length) return a.length < b.length ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator.compare(a, b);
}
