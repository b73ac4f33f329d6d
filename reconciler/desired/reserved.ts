/**
 * Extension numbering rules (docs/reference/netsapiens-api.md §14): the Persona range 100–8999 and the NetSapiens
 * default dial plan's reserved space. A domain may narrow the range and add reservations.
 */
export interface ExtensionRules {
  readonly min: number;
  readonly max: number;
  /** Extra reserved numbers or `a-b` ranges from the domain file. */
  readonly reserved: readonly string[];
}

export const DEFAULT_EXTENSION_RULES: ExtensionRules = { min: 100, max: 8999, reserved: [] };

interface Reservation {
  readonly test: (ext: string) => boolean;
  readonly why: string;
}

const PLATFORM_RESERVED: readonly Reservation[] = [
  { test: (e) => ['411', '611', '911', '933'].includes(e), why: 'a service number (411/611/911/933)' },
  { test: (e) => e.length === 3 && +e >= 700 && +e <= 799, why: 'dynamic call park (700–799)' },
  { test: (e) => e.length === 4 && +e >= 5000 && +e <= 5004, why: 'voicemail login / hot-desk (5000–5004)' },
  {
    test: (e) => e.length === 4 && +e >= 7000 && +e <= 7999,
    why: 'direct-to-voicemail dialing for 3-digit extensions (7000–7999)',
  },
  {
    test: (e) => e.length === 5 && +e >= 70000 && +e <= 79999,
    why: 'direct-to-voicemail dialing for 4-digit extensions (70000–79999)',
  },
  { test: (e) => e.startsWith('0'), why: 'numbers starting with 0 are reserved for the dial plan' },
];

/** Why an extension may not be used, or undefined when it may. */
export function extensionProblem(ext: string, rules: ExtensionRules): string | undefined {
  if (!/^[0-9]+$/.test(ext)) return `extension "${ext}" must be digits only`;
  for (const r of PLATFORM_RESERVED) if (r.test(ext)) return `extension ${ext} is reserved: ${r.why}`;
  for (const entry of rules.reserved) {
    const [a, b = a] = entry.split('-');
    if (+ext >= Number(a) && +ext <= Number(b)) return `extension ${ext} is reserved by this domain (${entry})`;
  }
  if (+ext < rules.min || +ext > rules.max)
    return `extension ${ext} is outside this domain's range ${rules.min}–${rules.max}`;
  return undefined;
}
