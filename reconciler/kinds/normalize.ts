/**
 * The ONE module that decides how phone numbers, extensions and e-mail addresses are normalised for
 * comparison (docs/design.md §2, §4). Kinds call these from `toComparable`; nothing else normalises.
 */

/** Special answer-rule list values the platform understands (docs/reference/netsapiens-api.md §6). */
const SPECIAL_NUMBERS = new Set(['anonymous', 'unknown']);

/**
 * A phone number as the platform stores it: E.164 digits without `+` (US `18005551234`). Ten-digit NANP
 * numbers get the `1` country code, since the portal accepts both and stores the 11-digit form.
 * Extensions (2–6 digits) and the special values `anonymous`/`unknown` pass through.
 */
export function normalizeNumber(input: string): string {
  // Digits only — how the platform stores numbers, so most of what a plan compares (issue 15: the block and
  // allow lists of every user, twice per resource in the provider): the same answer without the trim, the
  // case fold, the lookup and the regular expressions below.
  if (allDigits(input)) return input.length === 10 && input.charCodeAt(0) >= 50 ? `1${input}` : input;
  const trimmed = input.trim();
  const lower = trimmed.toLowerCase();
  if (SPECIAL_NUMBERS.has(lower)) return lower;
  const digits = trimmed.replace(/[^0-9]/g, '');
  if (!trimmed.startsWith('+') && digits.length === 10 && /^[2-9]/.test(digits)) return `1${digits}`;
  return digits;
}

/** A non-empty string of ASCII digits only. */
function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Is this something `normalizeNumber` can make sense of? (used by the loader for errors with positions) */
export function isValidNumber(input: string): boolean {
  const lower = input.trim().toLowerCase();
  if (SPECIAL_NUMBERS.has(lower)) return true;
  if (!/^\+?[0-9 ().-]+$/.test(input.trim())) return false;
  const digits = normalizeNumber(input);
  return digits.length >= 2 && digits.length <= 15;
}

/** Sorted, de-duplicated normalised numbers: allow/block lists compare as sets. */
export function normalizeNumberSet(values: readonly string[]): string[] {
  return [...new Set(values.map(normalizeNumber))].sort();
}

/** E-mail addresses compare case-insensitively; the platform allows a `;`-separated list. */
export function normalizeEmail(input: string): string {
  if (!input.includes(';')) return input.trim().toLowerCase(); // one address: the same, without the list
  return input
    .split(';')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '')
    .join(';');
}

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
export function isValidEmail(input: string): boolean {
  return input.split(';').every((part) => EMAIL.test(part.trim()));
}

/** Number-ish platform values (`caller-id-number-emergency` may be an int) to a string. */
export function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Free text compared as written, but with runs of white space as one space (address lines, site names). */
export function normalizeText(input: unknown): string {
  return str(input).replace(/\s+/g, ' ').trim();
}

/** Codes compared case-insensitively, stored upper-case (country and state abbreviations). */
export function normalizeCode(input: unknown): string {
  return normalizeText(input).toUpperCase();
}
