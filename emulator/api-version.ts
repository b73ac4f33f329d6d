// Field spellings by server version. The emulator stores records under the v45.0 names; in 44.x mode
// (`apiVersion` starting with "44.") requests are read and responses written with the 44.x spellings
// that a 44.1 server uses (docs/reference/netsapiens-api.md §4, §6, open question 3: a 44.1 client,
// DidntRead/netsapiens-client, reads `email`, `ordinal-priority`, `directory-annouce-…`,
// `…-date-time-received`). A v45 name sent to a 44.x server is a field it does not know: dropped.

/** v45.0 name → 44.x name, for user records. */
const USER_44: Readonly<Record<string, string>> = {
  'email-address': 'email',
  'directory-announce-in-dial-by-name-enabled': 'directory-annouce-in-dial-by-name-enabled',
  'voicemail-playback-announce-datetime-received': 'voicemail-playback-announce-date-time-received',
};

/** v45.0 name → 44.x name, for answer rules. */
const ANSWERRULE_44: Readonly<Record<string, string>> = { order: 'ordinal-priority' };

export type RecordKind = 'user' | 'answerrule' | 'other';

export function is44(apiVersion: string): boolean {
  return /^44\./.test(apiVersion.replace(/^Version:\s*/i, ''));
}

/** The record kind behind a route template (only users and answer rules differ between versions). */
export function recordKindOf(template: string): RecordKind {
  if (/\/answerrules(\/\{[^}]+\})?$/.test(template)) return 'answerrule';
  if (/\/users(\/\{user\})?$/.test(template)) return 'user';
  return 'other';
}

function mapFor(kind: RecordKind): Readonly<Record<string, string>> | undefined {
  if (kind === 'user') return USER_44;
  if (kind === 'answerrule') return ANSWERRULE_44;
  return undefined;
}

function renameKeys(record: Record<string, unknown>, map: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[map[key] ?? key] = value;
  return out;
}

function invert(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([a, b]) => [b, a]));
}

const INVERSE = new Map<RecordKind, Record<string, string>>([
  ['user', invert(USER_44)],
  ['answerrule', invert(ANSWERRULE_44)],
]);

/** A v45.0 field name as this version spells it. */
export function wireName(kind: RecordKind, v45Name: string, apiVersion: string): string {
  return is44(apiVersion) ? (mapFor(kind)?.[v45Name] ?? v45Name) : v45Name;
}

/** A response body (object or array of objects) with this version's spellings. */
export function toWire(body: unknown, kind: RecordKind, apiVersion: string): unknown {
  const map = mapFor(kind);
  if (!map || !is44(apiVersion)) return body;
  if (Array.isArray(body)) return body.map((r) => toWire(r, kind, apiVersion));
  if (!body || typeof body !== 'object') return body;
  return renameKeys(body as Record<string, unknown>, map);
}

/** A request body in this version's spellings, renamed to the v45.0 names the store uses. */
export function fromWire(body: Record<string, unknown>, kind: RecordKind, apiVersion: string): Record<string, unknown> {
  const inverse = INVERSE.get(kind);
  if (!inverse || !is44(apiVersion)) return body;
  return renameKeys(body, inverse);
}

/** A request schema with its top-level property names (and `required`) in this version's spellings. */
export function schemaForVersion(
  schema: Record<string, unknown>,
  kind: RecordKind,
  apiVersion: string,
): Record<string, unknown> {
  const map = mapFor(kind);
  if (!map || !is44(apiVersion)) return schema;
  const props = schema.properties as Record<string, unknown> | undefined;
  const out: Record<string, unknown> = { ...schema };
  if (props) out.properties = renameKeys(props, map);
  if (Array.isArray(schema.required)) out.required = schema.required.map((r) => map[String(r)] ?? r);
  return out;
}
