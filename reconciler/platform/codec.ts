/**
 * How pbxctl concepts are stored in NetSapiens API v2 fields — decided ONCE, here, for the client-side
 * kinds. The emulator does NOT use this module: it models the platform from the OpenAPI document and
 * the evidence (issue 12), so an encoding the platform would not understand fails a test.
 *
 * Several encodings are not confirmed by any public source (docs/reference/netsapiens-api.md "Open questions"). Each is
 * marked `UNCONFIRMED (checked 2026-11-23)` with what a live server must show; when a portal-made object
 * is read back from a real server, fix the constant here and both sides follow.
 */

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

/**
 * A user body with `email-address` also sent as `email`: a v45 server knows only the first, a 44.x server
 * only the second, and each ignores the field it does not know (docs/reference/platform-evidence.md "Other findings":
 * send both until the server's version is known).
 */
export function withEmailSpellings<T extends Record<string, unknown>>(body: T): T {
  return 'email-address' in body ? { ...body, email: body['email-address'] } : body;
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
 * Writes the default (`*`) answer rule of a user just created: v2 user create (and the portal) already
 * writes one (docs/reference/platform-evidence.md §1e), so read first, then PUT `*` when it exists, else POST.
 * `postBody` is the full body for a POST; the PUT sends it without the POST-only keys.
 */
/**
 * The `landed` probe of a POST of the default rule, made only when the user had no `*` rule: after a lost
 * answer, a `*` rule that is now there is ours (a second POST would fail or duplicate), so it counts as landed.
 */
export function defaultRuleLanded(client: Pick<AnswerRuleWriter, 'listAnswerRules'>, domain: string, user: string) {
  return async (): Promise<boolean> =>
    (await client.listAnswerRules(domain, user)).some((r) => r['time-frame'] === '*');
}

export async function writeDefaultAnswerRule(
  client: AnswerRuleWriter,
  domain: string,
  user: string,
  postBody: Record<string, unknown>,
): Promise<void> {
  const rules = await client.listAnswerRules(domain, user);
  if (!rules.some((r) => r['time-frame'] === '*')) {
    await client.createAnswerRule(domain, user, postBody, { landed: defaultRuleLanded(client, domain, user) });
    return;
  }
  const { 'time-frame': _t, 'is-active': _a, synchronous: _s, ...put } = postBody;
  await client.updateAnswerRule(domain, user, '*', put);
}

/** Reads a field by its v45 name or any known older spelling. */
export function readField(record: Readonly<Record<string, unknown>>, name: string): unknown {
  if (record[name] !== undefined) return record[name];
  for (const alias of FIELD_ALIASES[name] ?? []) if (record[alias] !== undefined) return record[alias];
  return undefined;
}

// ---- Ring groups ---------------------------------------------------------------------------------------
// API v2 has no ring-group resource (docs/reference/netsapiens-api.md §8). We store a ring group as a system user whose
// default (`*`) answer rule sim-rings the members and forwards on no answer to the fallback.
// UNCONFIRMED (2026-11-23): the service-code the portal uses, and how per-member ring time is stored.
// Verify by creating a ring group in the portal and reading GET /users/{ext} and /answerrules/%2A.

/** `service-code` marking a user record as a pbxctl-managed ring group. */
export const RING_GROUP_SERVICE_CODE = 'system-ringgroup';
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

export function isRingGroupUser(record: Readonly<Record<string, unknown>>): boolean {
  return record['service-code'] === RING_GROUP_SERVICE_CODE;
}

export interface RingGroupMember {
  readonly extension: string;
  /** How long this member rings, in seconds; undefined = the group's ring timeout. */
  readonly ringSeconds?: number;
}

/**
 * A member as a `simultaneous-ring` parameter. `;delay=N` is documented; a per-member *ring time* is not,
 * so we store it as `;timeout=N`. UNCONFIRMED (2026-11-23): whether the platform honours `timeout`.
 */
export function encodeMember(member: RingGroupMember): string {
  return member.ringSeconds === undefined ? member.extension : `${member.extension};timeout=${member.ringSeconds}`;
}

export function decodeMember(parameter: string): RingGroupMember {
  const [extension = '', ...options] = parameter.split(';');
  let ringSeconds: number | undefined;
  for (const option of options) {
    const [k, v] = option.split('=');
    if (k === 'timeout' && v !== undefined && /^\d+$/.test(v)) ringSeconds = Number(v);
  }
  return ringSeconds === undefined ? { extension } : { extension, ringSeconds };
}

/**
 * Portal scope given to ring-group users: a ring group never logs in. UNCONFIRMED (2026-11-23): what the
 * portal's "Add Ring Group" sets; read `user-scope` back from a portal-made group.
 */
export const RING_GROUP_SCOPE = 'No Portal';

export type FallbackType = 'user' | 'voicemail' | 'group_voicemail' | 'auto_attendant' | 'call_queue';
export interface Fallback {
  readonly type: FallbackType;
  /** Target extension; for group_voicemail, the group's own extension. */
  readonly extension: string;
}

/** Forward-target aliases as the platform stores them (docs/reference/netsapiens-api.md §6 alias grammar). */
export function encodeFallback(fallback: Fallback): string {
  switch (fallback.type) {
    case 'user':
      return `user_${fallback.extension}`;
    case 'voicemail':
    case 'group_voicemail':
      return `vmail_${fallback.extension}`;
    case 'auto_attendant':
      // The doc lists `aa_<name>`; the name of an attendant is its extension here. UNCONFIRMED (2026-11-23).
      return `aa_${fallback.extension}`;
    case 'call_queue':
      return `queue_${fallback.extension}`;
  }
}

/** `groupExtension` tells a group's own mailbox (group_voicemail) from another user's (voicemail). */
export function decodeFallback(parameter: string, groupExtension: string): Fallback | undefined {
  const m = /^(user|vmail|aa|queue)_(.+)$/.exec(parameter);
  if (!m) return /^\d+$/.test(parameter) ? { type: 'user', extension: parameter } : undefined;
  const [, prefix, extension = ''] = m;
  switch (prefix) {
    case 'user':
      return { type: 'user', extension };
    case 'vmail':
      return extension === groupExtension ? { type: 'group_voicemail', extension } : { type: 'voicemail', extension };
    case 'aa':
      return { type: 'auto_attendant', extension };
    default:
      return { type: 'call_queue', extension };
  }
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
// "Send to Voicemail" = `vmail_<ext>` is evidenced. UNCONFIRMED (2026-11-23): ring-as-normal is assumed to be
// the block disabled; drop and screen are assumed to be the markers below. Capture from a real portal change.

export type SpamAction = 'ring' | 'voicemail' | 'drop' | 'screen';
export const SPAM_DROP_PARAMETER = '<Reject>';
export const SPAM_SCREEN_PARAMETER = '<Screen>';

export interface ForwardBlock {
  readonly enabled: YesNo;
  readonly parameters: readonly string[];
}

export function encodeSpam(action: SpamAction, extension: string): ForwardBlock {
  switch (action) {
    case 'ring':
      return { enabled: 'no', parameters: [] };
    case 'voicemail':
      return { enabled: 'yes', parameters: [`vmail_${extension}`] };
    case 'drop':
      return { enabled: 'yes', parameters: [SPAM_DROP_PARAMETER] };
    case 'screen':
      return { enabled: 'yes', parameters: [SPAM_SCREEN_PARAMETER] };
  }
}

export function decodeSpam(block: unknown): SpamAction {
  const b = block as { enabled?: unknown; parameters?: unknown } | undefined;
  if (!b || fromYesNo(b.enabled) !== true) return 'ring';
  const params = Array.isArray(b.parameters) ? b.parameters.map(String) : [];
  if (params.includes(SPAM_DROP_PARAMETER)) return 'drop';
  if (params.includes(SPAM_SCREEN_PARAMETER)) return 'screen';
  if (params.some((p) => p.startsWith('vmail_'))) return 'voicemail';
  return 'ring';
}

// ---- Phones --------------------------------------------------------------------------------------------
/**
 * Device name the portal's "Add Phone Extension" creates. UNCONFIRMED (2026-11-23): most likely the bare
 * extension (docs/reference/netsapiens-api.md §5, open question 14).
 */
export function phoneDeviceName(extension: string): string {
  return extension;
}

/** MAC addresses as the provisioning fields hold them: 12 lowercase hex digits, no separators. */
export function normalizeMac(mac: string): string {
  return mac.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

// ---- Welcome e-mail ------------------------------------------------------------------------------------
/** UNCONFIRMED (2026-11-23): the spec's example template; Persona's own template name is unknown. */
export const WELCOME_EMAIL = { template: 'welcome_email.php', subject: 'New Account Setup' } as const;

// ---- Phone numbers (DIDs) ------------------------------------------------------------------------------
/** The application a DID has when it is unassigned inventory. */
export const DID_UNASSIGNED = {
  'dial-rule-application': 'available-number',
  'dial-rule-translation-destination-user': '[*]',
};
