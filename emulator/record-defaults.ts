// How the platform fills in records on create and how it spells fields. Defaults follow the v45.0
// schema defaults (YesNoStringYesDefault / …NoDefault) and the behaviour described in
// docs/reference/netsapiens-api.md; values the documents do not give are marked as assumptions.

import crypto from 'node:crypto';
import type { JsonRecord } from './types';

export function nowIso(): string {
  return new Date().toISOString();
}

export function randomToken(
  length: number,
  alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789',
): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/**
 * 44.x spellings that a 45.0 client may still send, mapped to the v45.0 names the emulator stores and
 * returns. 44.1 servers return `email` for the user's address and `ordinal-priority` for the rule
 * order; the 2.3.1 spec misspells `annouce` (docs/reference/netsapiens-api.md §4, §6).
 */
const USER_ALIASES: Readonly<Record<string, string>> = {
  email: 'email-address',
  'directory-annouce-in-dial-by-name-enabled': 'directory-announce-in-dial-by-name-enabled',
  'voicemail-playback-announce-date-time-received': 'voicemail-playback-announce-datetime-received',
};
const ANSWERRULE_ALIASES: Readonly<Record<string, string>> = { 'ordinal-priority': 'order' };

function applyAliases(input: JsonRecord, aliases: Readonly<Record<string, string>>): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(input)) {
    const v45 = aliases[key];
    // When both spellings are sent the v45.0 one wins.
    if (v45) {
      if (!(v45 in input)) out[v45] = value;
    } else out[key] = value;
  }
  return out;
}

export function userAliases(input: JsonRecord): JsonRecord {
  return applyAliases(input, USER_ALIASES);
}

export function answerruleAliases(input: JsonRecord): JsonRecord {
  return applyAliases(input, ANSWERRULE_ALIASES);
}

/** Fields computed by the platform; ignored when a client sends them. */
export const USER_READ_ONLY = [
  'domain',
  'user',
  'user-presence-status',
  'active-calls-total-current',
  'account-status',
  'created-datetime',
  'last-modified-datetime',
  'synchronous',
];

export const USER_YES_NO_FIELDS = [
  'privacy',
  'voicemail-user-control-enabled',
  'phone-numbers-to-allow-enabled',
  'phone-numbers-to-reject-enabled',
  'call-screening-enabled',
  'directory-announce-in-dial-by-name-enabled',
  'voicemail-enabled',
  'voicemail-receive-broadcast-enabled',
  'reject-anonymous-calls-enabled',
  'voicemail-playback-announce-datetime-received',
  'voicemail-playback-announce-caller-id',
  'voicemail-playback-sort-newest-to-oldest',
  'email-send-alert-new-voicemail-enabled',
  'email-send-alert-new-missed-call-enabled',
  'email-send-alert-data-storage-limit-reached-enabled',
  'directory-name-visible-in-list-enabled',
  'call-recordings-hide-from-others-enabled',
  'music-on-hold-randomized-enabled',
];

export const USER_SCOPES = [
  'Basic User',
  'Simple User',
  'Advanced User',
  'Call Center Agent',
  'Site Manager',
  'Call Center Supervisor',
  'Office Manager',
  'Reseller',
  'Super User',
  'NDP',
  'No Portal',
];

export function defaultDomain(name: string, input: JsonRecord = {}): JsonRecord {
  const record: JsonRecord = {
    domain: name,
    reseller: 'emulator-reseller',
    description: name,
    'domain-type': 'Standard',
    'dial-plan': name,
    'dial-policy': 'US and Canada',
    'time-zone': 'US/Eastern',
    'area-code': 212,
    'caller-id-name': '',
    'caller-id-number': '',
    'caller-id-number-emergency': '',
    'emergency-address-id': '',
    'email-send-from-address': '',
    'music-on-hold-enabled': 'yes',
    'music-on-ring-enabled': 'no',
    'music-on-hold-randomized-enabled': 'no',
    'single-sign-on-enabled': 'no',
    'voicemail-enabled': 'yes',
    'voicemail-transcription-enabled': 'no',
    'recording-configuration': 'no',
    'language-token': 'en_US',
    'is-domain-locked': 'no',
    'is-stir-enabled': 'no',
    'is-ivr-forward-change-blocked': 'no',
    'limits-max-users': 0,
    'limits-max-sites': 0,
    ...input,
  };
  // The name is the key; a body cannot rename a domain.
  record.domain = name;
  return record;
}

export function defaultUser(domain: JsonRecord, user: string, input: JsonRecord, now: string): JsonRecord {
  const domainName = String(domain.domain);
  const record: JsonRecord = {
    domain: domainName,
    user,
    'name-first-name': '',
    'name-last-name': '',
    'login-username': `${user}@${domainName}`,
    'email-address': '',
    'user-scope': 'Basic User',
    department: '',
    site: '',
    'time-zone': domain['time-zone'] ?? 'US/Eastern',
    'voicemail-login-pin': '',
    privacy: 'no',
    'dial-plan': domain['dial-plan'] ?? domainName,
    'dial-policy': domain['dial-policy'] ?? 'US and Canada',
    'status-message': '',
    'user-presence-status': 'inactive',
    'voicemail-user-control-enabled': 'yes',
    'phone-numbers-to-allow-enabled': 'yes',
    'phone-numbers-to-reject-enabled': 'yes',
    'call-screening-enabled': 'yes',
    // Assumption: 25 s (the portal's usual default); the spec gives no default.
    'ring-no-answer-timeout-seconds': 25,
    'language-token': domain['language-token'] ?? 'en_US',
    'directory-announce-in-dial-by-name-enabled': 'yes',
    'voicemail-greeting-index': 0,
    'voicemail-enabled': 'yes',
    'voicemail-receive-broadcast-enabled': 'yes',
    'reject-anonymous-calls-enabled': 'no',
    'voicemail-playback-announce-datetime-received': 'no',
    'voicemail-playback-announce-caller-id': 'no',
    'voicemail-playback-sort-newest-to-oldest': 'yes',
    'email-send-alert-new-voicemail-cc-list-csv': '',
    'email-send-alert-new-voicemail-behavior': 'no',
    'email-send-alert-new-voicemail-enabled': 'no',
    'email-send-alert-new-missed-call-enabled': 'no',
    'email-send-alert-data-storage-limit-reached-enabled': 'no',
    'caller-id-number': '',
    'caller-id-name': '',
    'caller-id-number-emergency': '',
    'directory-name-visible-in-list-enabled': 'yes',
    'service-code': '',
    'voicemail-transcription-enabled': 'no',
    'emergency-address-id': '',
    'call-recordings-hide-from-others-enabled': 'no',
    'music-on-hold-randomized-enabled': 'no',
    'recording-configuration': 'no',
    'active-calls-total-current': 0,
    'account-status': 'new',
    'created-datetime': now,
    'last-modified-datetime': now,
  };
  for (const [key, value] of Object.entries(userAliases(input))) {
    if (USER_READ_ONLY.includes(key)) continue;
    record[key] = value;
  }
  return record;
}

export const DEVICE_READ_ONLY = [
  'domain',
  'user',
  'device',
  'synchronous',
  'device-sip-registration-uri',
  'device-sip-registration-state',
  'device-sip-registration-contact',
  'device-sip-registration-core-server',
  'device-sip-registration-datetime',
  'device-sip-registration-expires-datetime',
  'device-sip-registration-ip-address',
  'device-sip-registration-user-agent',
  'device-sip-latency-seconds-current',
  'device-sip-latency-seconds-average',
  'login-username',
  'name-full-name',
  'error-reading-from-endpoint-module',
];

export function defaultDevice(domain: string, user: string, device: string, input: JsonRecord): JsonRecord {
  const record: JsonRecord = {
    device,
    user,
    domain,
    // The platform generates a 16-character password when none is sent (OAS45 Device).
    'device-sip-registration-password': randomToken(16),
    'caller-id-number-emergency': '[*]',
    'emergency-address-id': '',
    'device-models-model': '',
    'device-provisioning-mac-address': '',
    'device-provisioning-line': 1,
    'device-provisioning-sip-transport-protocol': 'udp',
    'device-srtp-enabled': 'no',
    'device-sip-nat-traversal-enabled': 'automatic',
    'device-sip-registration-expiry-seconds': 60,
    'device-push-enabled': 'yes',
    'device-level-call-recording-enabled': 'no',
    'device-force-notify-new-voicemails-enabled': 'no',
    'auto-answer-enabled': 'no',
    'device-sip-allowed-user-agent': '',
    'device-sip-no-to-tag-in-cancel': 'no',
    'device-sip-registration-ignore-for-presence-calculation': 'no',
    'device-sip-registration-ignore-report-enabled': 'no',
    'recording-configuration': 'no',
  };
  for (const [key, value] of Object.entries(input)) {
    if (DEVICE_READ_ONLY.includes(key)) continue;
    record[key] = value;
  }
  return record;
}

/** Answer-rule feature blocks: `{enabled, parameters}` except the two switch-only ones. */
export const ANSWERRULE_FEATURES = [
  'simultaneous-ring',
  'do-not-disturb',
  'forward-always',
  'forward-on-active',
  'forward-on-busy',
  'forward-no-answer',
  'forward-when-unregistered',
  'forward-on-dnd',
  'forward-on-spam-call',
  'call-screening',
  'phone-numbers-to-allow',
  'phone-numbers-to-reject',
];
const SWITCH_ONLY_FEATURES = ['do-not-disturb', 'call-screening'];

export function emptyFeature(name: string): JsonRecord {
  return SWITCH_ONLY_FEATURES.includes(name) ? { enabled: 'no' } : { enabled: 'no', parameters: [] };
}

/**
 * Merge a feature block sent on POST/PUT into the stored one. For the allow/reject lists,
 * `remove: "yes"` removes the sent parameters instead of replacing the list (docs/reference/netsapiens-api.md §6
 * calls these semantics unconfirmed; this is the reading the call-blocking guide suggests).
 */
export function mergeFeature(name: string, stored: JsonRecord | undefined, sent: unknown): JsonRecord {
  const base = { ...(stored ?? emptyFeature(name)) };
  if (!sent || typeof sent !== 'object' || Array.isArray(sent)) return base;
  const block = sent as JsonRecord;
  if (block.enabled !== undefined) base.enabled = block.enabled;
  if (Array.isArray(block.parameters) && !SWITCH_ONLY_FEATURES.includes(name)) {
    if (block.remove === 'yes') {
      const drop = new Set(block.parameters.map(String));
      base.parameters = ((base.parameters as unknown[]) ?? []).filter((p) => !drop.has(String(p)));
    } else base.parameters = [...block.parameters];
  }
  return base;
}

export function defaultContact(input: JsonRecord, now: string): JsonRecord {
  const record: JsonRecord = {
    'unique-id': crypto.randomUUID().replace(/-/g, ''),
    'name-first-name': '',
    'name-middle-name': '',
    'name-last-name': '',
    email: '',
    company: '',
    'phonenumber-work': '',
    'phonenumber-cell': '',
    'phonenumber-fax': '',
    'phonenumber-home': '',
    tags: '',
    'created-datetime': now,
  };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'synchronous' || key === 'created-datetime') continue;
    // A seed may pin the unique-id; an API client cannot (the server generates it).
    record[key] = value;
  }
  return record;
}

export function defaultPhonenumber(domain: string, input: JsonRecord): JsonRecord {
  const record: JsonRecord = {
    phonenumber: String(input.phonenumber ?? ''),
    domain,
    enabled: 'yes',
    'dial-rule-application': 'available-number',
    'dial-rule-parameter': '',
    'dial-rule-translation-destination-user': '[*]',
    'dial-rule-translation-destination-host': '[*]',
    'dial-rule-translation-source-name': '[*]',
    'dial-rule-description': '',
  };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'synchronous' || key === 'domain' || key === 'phonenumber') continue;
    record[key] = value;
  }
  return record;
}

export function defaultAudio(input: JsonRecord, index: number, now: string): JsonRecord {
  return {
    filename: `vm-${Date.now()}${index}.wav`,
    'ordinal-order': index,
    'file-duration-seconds': 10,
    'file-size-kilobytes': '80',
    'created-datetime': now,
    ...input,
  };
}

export const ANSWERRULE_READ_ONLY = ['domain', 'user', 'is-active', 'synchronous', 'new-position', 'time_range_data'];

/** A new answer rule; `order` is assigned by the caller (it depends on the user's other rules). */
export function defaultAnswerrule(domain: string, user: string, input: JsonRecord): JsonRecord {
  const sent = answerruleAliases(input);
  const record: JsonRecord = {
    domain,
    user,
    'time-frame': String(sent['time-frame'] ?? '*'),
    enabled: 'yes',
  };
  for (const name of ANSWERRULE_FEATURES) record[name] = mergeFeature(name, undefined, sent[name]);
  for (const [key, value] of Object.entries(sent)) {
    if (ANSWERRULE_READ_ONLY.includes(key) || ANSWERRULE_FEATURES.includes(key) || key === 'time-frame') continue;
    record[key] = value;
  }
  return record;
}
