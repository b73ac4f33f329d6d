/**
 * Safety of what goes into a request URL and what comes back in an error:
 * - names become URL path segments only after validation (a domain `..` must not reach another URL, a user `~`
 *   must not mean "the key's own user", an extension `count` must not hit the count endpoint);
 * - a server's error text is redacted of every secret the client sent in that request before it can reach an
 *   error message, a log, or the audit.
 */
import { UnsafePathSegmentError } from '../errors';

/** Kinds of path segment, each with its own rules on top of the common ones. */
export type SegmentKind =
  | 'domain'
  | 'user'
  | 'device'
  | 'time-frame'
  | 'contact'
  | 'phone-number'
  | 'folder'
  | 'mac'
  | 'site'
  | 'address';

/** C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides. */
export function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

const URL_SYNTAX = /[/\\%?#]/;
/** The spec's DomainNamePath: `[A-Za-z0-9._-]`, at most 64 characters. */
const DOMAIN = /^[A-Za-z0-9._-]{1,64}$/;
/** Words that are endpoints of their own under the same parent (`…/users/count`, `…/answerrules/reorder`). */
const RESERVED: Partial<Record<SegmentKind, readonly string[]>> = {
  user: ['count', '~'],
  device: ['count', '~'],
  'time-frame': ['count', 'reorder'],
  contact: ['count'],
  'phone-number': ['count'],
  folder: ['count'],
  mac: ['count'],
  site: ['count', 'list'],
  address: ['count', 'validate', 'endpoints'],
};

/** Why `value` may not be a `kind` path segment, or undefined when it may. */
export function segmentProblem(kind: SegmentKind, value: unknown): string | undefined {
  if (typeof value !== 'string') return `expected text, got ${value === null ? 'null' : typeof value}`;
  if (value === '') return 'it is empty';
  if (hasControl(value)) return 'it contains control characters';
  if (/^\.+$/.test(value)) return 'dots alone name a parent or current directory';
  if (URL_SYNTAX.test(value)) return 'it contains one of / \\ % ? #';
  if (value.length > 256) return 'it is longer than 256 characters';
  if (RESERVED[kind]?.includes(value)) return `"${value}" is a reserved word here`;
  if (kind === 'domain' && !DOMAIN.test(value)) {
    return 'a domain name has 1–64 of the characters A–Z a–z 0–9 . _ - (OpenAPI DomainNamePath)';
  }
  if (kind === 'user' && value.length > 16) return 'an extension has at most 16 characters (OpenAPI UserNamePath)';
  if (/^\*+$/.test(value) && kind !== 'time-frame') return '"*" is a wildcard in the API';
  if (kind === 'mac' && !/^[0-9a-f]{12}$/.test(value)) return 'a MAC address is 12 lowercase hexadecimal digits';
  return undefined;
}

/** Validate, then percent-encode one path segment. Throws `UnsafePathSegmentError`. */
export function safeSegment(kind: SegmentKind, value: string): string {
  const problem = segmentProblem(kind, value);
  if (problem) throw new UnsafePathSegmentError(kind, String(value), problem);
  return encodeSegment(value);
}

/** Percent-encode a path segment, `*` included (the default time-frame). No validation. */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/\*/g, '%2A');
}

const SECRET_KEY = /(^|[-_])(pin|password|passwd|passcode|secret|token|api-?key|key)$|^authorization$/i;

/** Every string (or number) value under a secret-looking key, anywhere in a request body. */
export function collectSecrets(body: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(body)) {
    for (const item of body) collectSecrets(item, into);
  } else if (body !== null && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (SECRET_KEY.test(key) && (typeof value === 'string' || typeof value === 'number')) {
        const text = String(value);
        if (text !== '') into.add(text);
      } else collectSecrets(value, into);
    }
  }
  return into;
}

/**
 * Replace every secret (and its JSON-escaped and URL-encoded forms) in `text` with `[redacted]`. Secrets
 * shorter than 4 characters are replaced where they stand alone, so "HTTP 401" survives a PIN "40".
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret that contains another is replaced whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = form.length < 4 ? new RegExp(`(?<![\\w])${escaped}(?![\\w])`, 'g') : new RegExp(escaped, 'g');
    out = out.replace(pattern, '[redacted]');
  }
  return out;
}

/** Make server text safe to show on one line: control characters escaped, length bounded. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let escaped = '';
  for (const ch of flat) {
    const code = ch.charCodeAt(0);
    escaped += isControl(code) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}
