/**
 * How pbxctl concepts are stored in NetSapiens API v2 fields — decided ONCE, here, for the client-side
 * kinds. The emulator does NOT use this module: it models the platform from the OpenAPI document and
 * the evidence (issue 12), so an encoding the platform would not understand fails a test.
 *
 * Several encodings are not confirmed by any public source (docs/reference/netsapiens-api.md "Open questions"). Each is
 * marked `UNCONFIRMED (checked 2026-11-23)` with what a live server must show; when a portal-made object
 * is read back from a real server, fix the constant here and both sides follow.
 */

import { PlatformApiError } from '../errors';
import { DEFAULT_PLATFORM_PROFILE } from './profile';

export type YesNo = 'yes' | 'no';

export function yesNo(value: boolean): YesNo {
  return value ? 'yes' : 'no';
}

/** Platform booleans are mostly 'yes'/'no' strings, sometimes real booleans (`is-active`). */
export function fromYesNo(value: unknown): boolean | undefined {
  if (value === true || value === 'yes' || value === 'Yes' || value === 'YES' || value === '1' || value === 1)
    return true;
  if (value === false || value === 'no' || value === 'No' || value === 'NO' || value === '0' || value === 0)
    return false;
  return undefined;
}

/**
 * Field-name drift between 44.x servers and the v45 spec (docs/reference/netsapiens-api.md §4, §6, open question 3).
 * Read: accept either; write: the v45 name (a 44.x server is expected to ignore unknown keys — UNCONFIRMED).
 */
export const FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'email-address': ['email'],
  order: ['ordinal-priority'],
  'directory-announce-in-dial-by-name-enabled': ['directory-annouce-in-dial-by-name-enabled'],
  'voicemail-playback-announce-datetime-received': ['voicemail-playback-announce-date-time-received'],
};

/** The e-mail field a server of this `apiversion` knows: 44.x servers spell it `email`, v45 `email-address`. */
export function emailFieldFor(apiVersion: string | undefined): 'email' | 'email-address' {
  return /^(Version:\s*)?44\./i.test(apiVersion ?? '') ? 'email' : 'email-address';
}

/** A user body with `email-address` renamed to the spelling the server's version uses. */
export function withEmailSpelling<T extends Record<string, unknown>>(body: T, apiVersion: string | undefined): T {
  if (!('email-address' in body) || emailFieldFor(apiVersion) === 'email-address') return body;
  const { 'email-address': email, ...rest } = body;
  return { ...rest, email } as unknown as T;
}

/** Reads `GET /version` once per client (the `apiversion` string; undefined when the server hides it). */
const VERSIONS = new WeakMap<object, Promise<string | undefined>>();
export function serverApiVersion(client: { version(): Promise<Record<string, unknown>> }): Promise<string | undefined> {
  let p = VERSIONS.get(client);
  if (!p) {
    // A failed (or impossible) version read means "unknown": v45 spellings, the documented default.
    p = Promise.resolve()
      .then(() => client.version())
      .then(
        (v) => (typeof v?.apiversion === 'string' ? v.apiversion : undefined),
        () => undefined,
      );
    VERSIONS.set(client, p);
  }
  return p;
}

/** The voicemail folders a user's messages live in (OAS45: "Options include new, save, and trash"). */
export const VOICEMAIL_FOLDERS = { unheard: 'new', saved: 'save', trash: 'trash' } as const;

/** The operations `writeDefaultAnswerRule` needs (a NetSapiensClient has them). */
export interface AnswerRuleWriter {
  listAnswerRules(domain: string, user: string): Promise<ReadonlyArray<Record<string, unknown>>>;
  createAnswerRule(
    domain: string,
    user: string,
    body: Record<string, unknown>,
    o?: { landed?: () => Promise<boolean> },
  ): Promise<unknown>;
  updateAnswerRule(domain: string, user: string, timeFrame: string, body: Record<string, unknown>): Promise<unknown>;
}

/**
 * The `landed` probe of a POST of the default rule, made only when the user had no `*` rule: after a lost
 * answer, a `*` rule that is now there is ours (a second POST would fail or duplicate), so it counts as landed.
 */
export function defaultRuleLanded(client: Pick<AnswerRuleWriter, 'listAnswerRules'>, domain: string, user: string) {
  return async (): Promise<boolean> =>
    (await client.listAnswerRules(domain, user)).some((r) => r['time-frame'] === '*');
}

/**
 * Writes the default (`*`) answer rule of a user just created: v2 user create (and the portal) already
 * writes one (docs/reference/platform-evidence.md §1e), so the rule is PUT first — one request where a read
 * and a PUT took two (issue 15). When the PUT is refused (a 4xx: no `*` rule, e.g. a platform whose create
 * writes none), the rules are read: no `*` rule → it is POSTed; a `*` rule there → the PUT's own error stands.
 * `postBody` is the full body for a POST; the PUT sends it without the POST-only keys.
 */
export async function writeDefaultAnswerRule(
  client: AnswerRuleWriter,
  domain: string,
  user: string,
  postBody: Record<string, unknown>,
): Promise<void> {
  const { 'time-frame': _t, 'is-active': _a, synchronous: _s, ...put } = postBody;
  try {
    await client.updateAnswerRule(domain, user, '*', put);
    return;
  } catch (err) {
    if (!(err instanceof PlatformApiError) || err.status < 400 || err.status >= 500) throw err;
    const rules = await client.listAnswerRules(domain, user);
    if (rules.some((r) => r['time-frame'] === '*')) throw err;
  }
  await client.createAnswerRule(domain, user, postBody, { landed: defaultRuleLanded(client, domain, user) });
}

/** Reads a field by its v45 name or any known older spelling. */
export function readField(record: Readonly<Record<string, unknown>>, name: string): unknown {
  if (record[name] !== undefined) return record[name];
  for (const alias of FIELD_ALIASES[name] ?? []) if (record[alias] !== undefined) return record[alias];
  return undefined;
}

// ---- Ring groups ---------------------------------------------------------------------------------------
// API v2 has no ring-group resource (docs/reference/netsapiens-api.md §8). A ring group is a system user whose default
// (`*`) answer rule sim-rings the members and forwards on no answer to the fallback. The exact
// `service-code` is unconfirmed: it comes from the platform profile (`ring_group_service_code`), and reads
// also adopt portal-made groups (a `system-…` user that is not a queue, attendant or conference and
// sim-rings someone).

/**
 * Last name given to ring-group users: blank, as portal-made groups show (docs/reference/platform-evidence.md §1: the
 * portal lists them as "Test Ring Group " with a trailing space). The spec requires the field, not a value.
 */
export const RING_GROUP_LAST_NAME = '';

/** Prefix every system user's service-code carries (docs/reference/netsapiens-api.md §4). */
export function isSystemUser(record: Readonly<Record<string, unknown>>): boolean {
  const code = record['service-code'];
  return typeof code === 'string' && code.startsWith('system-');
}

/** System users that are something else than a ring group (evidenced: aa, queue, user, department). */
export const NON_GROUP_SYSTEM_CODES: readonly string[] = [
  'system-aa',
  'system-queue',
  'system-user',
  'system-department',
  'system-conference',
  'system-vmail',
];

/** A ring group by the profile's service code. */
export function isRingGroupUser(record: Readonly<Record<string, unknown>>, serviceCode: string): boolean {
  return record['service-code'] === serviceCode;
}

/** A system user that may be a portal-made ring group (confirmed by its sim-ring rule). */
export function mayBeRingGroup(record: Readonly<Record<string, unknown>>, serviceCode: string): boolean {
  if (isRingGroupUser(record, serviceCode)) return true;
  return isSystemUser(record) && !NON_GROUP_SYSTEM_CODES.includes(String(record['service-code']));
}

export interface RingGroupMember {
  readonly extension: string;
  /** Seconds after the group starts ringing before this member rings (`;delay=N`, OAS45 SimRing). */
  readonly delaySeconds?: number;
  /** Options pbxctl does not understand (`timeout=20`), verbatim: reported by `pbxctl doctor`. */
  readonly unknownOptions?: readonly string[];
}

/** A member as a `simultaneous-ring` parameter: `1001` or `1001;delay=15` (the documented option). */
export function encodeMember(member: RingGroupMember): string {
  return member.delaySeconds === undefined ? member.extension : `${member.extension};delay=${member.delaySeconds}`;
}

export function decodeMember(parameter: string): RingGroupMember {
  const [extension = '', ...options] = parameter.split(';');
  let delaySeconds: number | undefined;
  const unknownOptions: string[] = [];
  for (const option of options) {
    const [k, v] = option.split('=');
    if (k === 'delay' && v !== undefined && /^\d+$/.test(v)) delaySeconds = Number(v);
    else unknownOptions.push(option);
  }
  return {
    extension,
    ...(delaySeconds === undefined ? {} : { delaySeconds }),
    ...(unknownOptions.length ? { unknownOptions } : {}),
  };
}

export type FallbackType = 'user' | 'voicemail' | 'group_voicemail' | 'auto_attendant' | 'call_queue';
export interface Fallback {
  readonly type: FallbackType;
  /** Target extension; for group_voicemail, the group's own extension. */
  readonly extension: string;
}

/** What an extension is, from its user record's service code (bare-number fallbacks are decoded by it). */
export function targetTypeOf(record: Readonly<Record<string, unknown>> | undefined): FallbackType {
  const code = record?.['service-code'];
  if (code === 'system-aa') return 'auto_attendant';
  if (code === 'system-queue') return 'call_queue';
  return 'user';
}

/**
 * Forward-target aliases as the platform stores them (docs/reference/netsapiens-api.md §6 alias grammar). An auto
 * attendant is its bare extension: the spec's `aa_` prefix carries an attendant *name*, not an extension.
 */
export function encodeFallback(fallback: Fallback): string {
  switch (fallback.type) {
    case 'user':
      return `user_${fallback.extension}`;
    case 'voicemail':
    case 'group_voicemail':
      return `vmail_${fallback.extension}`;
    case 'auto_attendant':
      return fallback.extension;
    case 'call_queue':
      return `queue_${fallback.extension}`;
  }
}

/**
 * `groupExtension` tells a group's own mailbox (group_voicemail) from another user's (voicemail);
 * `typeOf` says what a bare extension is (user, queue, attendant). `aa_<name>` names an attendant, not an
 * extension: undefined (not understood).
 */
export function decodeFallback(
  parameter: string,
  groupExtension: string,
  typeOf: (extension: string) => FallbackType = () => 'user',
): Fallback | undefined {
  if (/^\d+$/.test(parameter)) return { type: typeOf(parameter), extension: parameter };
  const m = /^(user|vmail|queue)_(\d+)$/.exec(parameter);
  if (!m) return undefined;
  const [, prefix, extension = ''] = m;
  if (prefix === 'user') return { type: typeOf(extension) === 'auto_attendant' ? 'auto_attendant' : 'user', extension };
  if (prefix === 'queue') return { type: 'call_queue', extension };
  return extension === groupExtension ? { type: 'group_voicemail', extension } : { type: 'voicemail', extension };
}

// ---- Shared contacts ------------------------------------------------------------------------------------
// The Contact schema types `tags` as one string (OAS45), with no word on how several tags are separated.
// UNCONFIRMED (2026-11-23): comma-separated is assumed; tag a contact in the portal and read it back.

export const CONTACT_TAG_SEPARATOR = ',';

export function encodeContactTags(tags: readonly string[]): string {
  return tags.join(CONTACT_TAG_SEPARATOR);
}

/** Accepts `,` and `;` (either may show up in data entered elsewhere); trims and drops empties. */
export function decodeContactTags(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((t) => String(t).trim()).filter((t) => t !== '');
  if (typeof value !== 'string') return [];
  return value
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

// ---- Spam handling -------------------------------------------------------------------------------------
// The portal's "Spam Calls" choice lives in the default answer rule's `forward-on-spam-call` block. Only
// "Send to Voicemail" = `vmail_<ext>` is evidenced, and ring-as-normal = the block disabled (consistent).
// Drop and screen have no evidence: their values come from the platform profile (`spam_drop`,
// `spam_screen`), unknown by default. A live value pbxctl does not recognise is kept verbatim.

export type SpamAction = 'ring' | 'voicemail' | 'drop' | 'screen';
export const SPAM_ACTIONS: readonly SpamAction[] = ['ring', 'voicemail', 'drop', 'screen'];

export interface SpamEncodings {
  readonly spamDrop?: string;
  readonly spamScreen?: string;
}

export interface ForwardBlock {
  readonly enabled: YesNo;
  readonly parameters: readonly string[];
}

/** The profile key an action needs, when its encoding is unknown (undefined: the action can be written). */
export function missingSpamKey(action: string, profile: SpamEncodings): string | undefined {
  if (action === 'drop' && profile.spamDrop === undefined) return 'spam_drop';
  if (action === 'screen' && profile.spamScreen === undefined) return 'spam_screen';
  return undefined;
}

export function encodeSpam(action: SpamAction, extension: string, profile: SpamEncodings): ForwardBlock {
  switch (action) {
    case 'ring':
      return { enabled: 'no', parameters: [] };
    case 'voicemail':
      return { enabled: 'yes', parameters: [`vmail_${extension}`] };
    case 'drop':
    case 'screen': {
      const value = action === 'drop' ? profile.spamDrop : profile.spamScreen;
      if (value === undefined)
        throw new Error(`spam: ${action} needs platform.spam_${action} (its encoding on this server is unknown)`);
      return { enabled: 'yes', parameters: [value] };
    }
  }
}

/** The action a live block encodes, or the live parameter verbatim when pbxctl does not recognise it. */
export function decodeSpam(block: unknown, profile: SpamEncodings): string {
  const b = block as { enabled?: unknown; parameters?: unknown } | undefined;
  if (!b || fromYesNo(b.enabled) !== true) return 'ring';
  const params = Array.isArray(b.parameters) ? b.parameters.map(String) : [];
  if (profile.spamDrop !== undefined && params.includes(profile.spamDrop)) return 'drop';
  if (profile.spamScreen !== undefined && params.includes(profile.spamScreen)) return 'screen';
  if (params.length === 0) return 'ring';
  if (params.length === 1 && params[0]?.startsWith('vmail_')) return 'voicemail';
  return params.join(' ');
}

/** Is this decoded spam value one pbxctl understands? */
export function isKnownSpam(value: unknown): value is SpamAction {
  return typeof value === 'string' && (SPAM_ACTIONS as readonly string[]).includes(value);
}

// ---- Phones --------------------------------------------------------------------------------------------
/**
 * Device name the portal's "Add Phone Extension" creates. UNCONFIRMED (2026-11-23): most likely the bare
 * extension (docs/reference/netsapiens-api.md §5, open question 14).
 */
export function phoneDeviceName(extension: string): string {
  return extension;
}

const NORMAL_MAC = /^[0-9a-f]*$/;
/** MAC addresses as the provisioning fields hold them: 12 lowercase hex digits, no separators. */
export function normalizeMac(mac: string): string {
  // Most MACs are stored normalised already (every device of a plan's device list, issue 15).
  if (NORMAL_MAC.test(mac)) return mac;
  return mac.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

// ---- Welcome e-mail ------------------------------------------------------------------------------------
/** The default template and subject (the spec's example); a profile's `welcome_email` overrides them. */
export const WELCOME_EMAIL = DEFAULT_PLATFORM_PROFILE.welcomeEmail;

// ---- Phone numbers (DIDs) ------------------------------------------------------------------------------
/** The application a DID has when it is unassigned inventory. */
export const DID_UNASSIGNED = {
  'dial-rule-application': 'available-number',
  'dial-rule-translation-destination-user': '[*]',
};
