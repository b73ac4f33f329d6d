/**
 * The platform profile (issue 12): the encodings that differ between NetSapiens installations, or that no
 * public source confirms. A desired-state file names them in a `platform:` section (or a fleet shares one
 * `_platform.yaml`); docs/platform-profile.md explains each key and how `pbxctl doctor` finds its value.
 *
 * Defaults are the evidence-backed values (docs/reference/platform-evidence.md). Where there is no evidence
 * the default is *unknown* (`undefined`): a file that uses the feature is refused at load time with the
 * profile key to set.
 */

export interface PlatformProfile {
  /**
   * `service-code` written on ring groups pbxctl creates. Portal groups are `system-…` users (inference);
   * the exact code is unconfirmed, so reads also adopt any `system-…` user shaped like a ring group.
   */
  readonly ringGroupServiceCode: string;
  /** `user-scope` written on ring groups (unconfirmed; a group never logs in). */
  readonly ringGroupScope: string;
  /** `forward-on-spam-call` parameter of the portal's "Drop Call"; unknown by default (no evidence). */
  readonly spamDrop?: string;
  /** `forward-on-spam-call` parameter of the portal's "Screen Call"; unknown by default (no evidence). */
  readonly spamScreen?: string;
  /** Welcome e-mail template and subject (the spec's example; the tenant's own template is unknown). */
  readonly welcomeEmail: { readonly template: string; readonly subject: string };
  /** Portal scope labels ("Device Only") → the `user-scope` value they stand for; empty by default. */
  readonly scopeLabels: Readonly<Record<string, string>>;
  /**
   * The menu (AutoAttendantTier) field that names an auto attendant's greeting. OAS45 documents
   * `intro-greetings` (a string) without saying what it holds; pbxctl writes the greeting's name there.
   */
  readonly attendantGreetingField: string;
  /**
   * How an address create carries the validation's `address-formatted-pidflo`: the create operation
   * declares a string (`text`: the validate answer's object as JSON text), the validate answer and the
   * address-endpoint operations an object (`object`: sent as returned). Default: the create's own schema.
   */
  readonly addressPidflo: 'text' | 'object';
}

/** Profile keys as written in YAML (snake_case), for messages. */
export const PROFILE_KEYS = {
  ringGroupServiceCode: 'platform.ring_group_service_code',
  ringGroupScope: 'platform.ring_group_scope',
  spamDrop: 'platform.spam_drop',
  spamScreen: 'platform.spam_screen',
  welcomeEmail: 'platform.welcome_email',
  scopeLabels: 'platform.scope_labels',
  attendantGreetingField: 'platform.attendant_greeting_field',
  addressPidflo: 'platform.address_pidflo',
} as const;

export const DEFAULT_PLATFORM_PROFILE: PlatformProfile = {
  ringGroupServiceCode: 'system-ringgroup',
  ringGroupScope: 'No Portal',
  welcomeEmail: { template: 'welcome_email.php', subject: 'New Account Setup' },
  scopeLabels: {},
  attendantGreetingField: 'intro-greetings',
  addressPidflo: 'text',
};

/** The YAML form of a `platform:` section (what the JSON Schema allows). */
export interface RawPlatformSection {
  ring_group_service_code?: string;
  ring_group_scope?: string;
  spam_drop?: string;
  spam_screen?: string;
  welcome_email?: { template?: string; subject?: string };
  scope_labels?: Record<string, string>;
  attendant_greeting_field?: string;
  address_pidflo?: 'text' | 'object';
}

/** `base` with the keys a section sets (a domain's section over the fleet's). */
export function mergeProfile(base: PlatformProfile, raw: RawPlatformSection | undefined): PlatformProfile {
  if (!raw) return base;
  return {
    ringGroupServiceCode: raw.ring_group_service_code ?? base.ringGroupServiceCode,
    ringGroupScope: raw.ring_group_scope ?? base.ringGroupScope,
    ...((raw.spam_drop ?? base.spamDrop) ? { spamDrop: raw.spam_drop ?? base.spamDrop } : {}),
    ...((raw.spam_screen ?? base.spamScreen) ? { spamScreen: raw.spam_screen ?? base.spamScreen } : {}),
    welcomeEmail: {
      template: raw.welcome_email?.template ?? base.welcomeEmail.template,
      subject: raw.welcome_email?.subject ?? base.welcomeEmail.subject,
    },
    scopeLabels: { ...base.scopeLabels, ...(raw.scope_labels ?? {}) },
    attendantGreetingField: raw.attendant_greeting_field ?? base.attendantGreetingField,
    addressPidflo: raw.address_pidflo ?? base.addressPidflo,
  };
}

/** How to find an unknown profile value, for messages. */
export const DOCTOR_HINT =
  'run `pbxctl doctor <domain>` against a domain where the setting was made in the portal; it reports the value to copy (docs/platform-profile.md)';

/** The keys of `profile` that differ from the defaults, as a `platform:` section (what an export writes). */
export function sectionOf(profile: PlatformProfile): RawPlatformSection {
  const d = DEFAULT_PLATFORM_PROFILE;
  const out: RawPlatformSection = {};
  if (profile.ringGroupServiceCode !== d.ringGroupServiceCode)
    out.ring_group_service_code = profile.ringGroupServiceCode;
  if (profile.ringGroupScope !== d.ringGroupScope) out.ring_group_scope = profile.ringGroupScope;
  if (profile.spamDrop !== undefined) out.spam_drop = profile.spamDrop;
  if (profile.spamScreen !== undefined) out.spam_screen = profile.spamScreen;
  const w = profile.welcomeEmail;
  if (w.template !== d.welcomeEmail.template || w.subject !== d.welcomeEmail.subject)
    out.welcome_email = { template: w.template, subject: w.subject };
  if (Object.keys(profile.scopeLabels).length > 0) out.scope_labels = { ...profile.scopeLabels };
  return out;
}
