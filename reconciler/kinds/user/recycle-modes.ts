/**
 * The two ways to put a different person at an extension (issue 12), and what each clears, for the plan.
 * PURE.
 *
 * - `reset` (default): the portal's Reset, in place (docs/reference/platform-evidence.md §5). The user record
 *   stays (its creation time, time frames, addresses, the SIP password of the extension's own device);
 *   name, e-mail and PIN are replaced and the other devices removed. Messages, greetings, answer rules and
 *   personal contacts are kept, as the portal keeps them unless told otherwise.
 * - `recreate`: delete + create. Everything the user record owns goes: the platform's delete cascades to
 *   devices, time frames, addresses, contacts, messages and greetings ([CTRL] in the evidence).
 * Phone numbers keep routing to the extension in both (delete leaves them pointing at it).
 */
import type { Comparable, Loss } from '../kind';

export const RECYCLE_MODES = ['reset', 'recreate'] as const;
export type RecycleMode = (typeof RECYCLE_MODES)[number];

export function recycleModeOf(content: Comparable | undefined): RecycleMode {
  return content?.recycle === 'recreate' ? 'recreate' : 'reset';
}

/** Losses the platform was asked about (voicemail, greetings, contacts, answer rules) that a reset keeps. */
const KEPT_BY_RESET = new Set(['voicemail messages', 'voicemail greetings', 'personal contacts', 'answer rules']);

function deviceNames(content: Comparable): string[] {
  const list = Array.isArray(content.phones) ? (content.phones as readonly { device?: unknown }[]) : [];
  return list.map((d) => String(d.device ?? '')).filter((d) => d !== '');
}

/** What a recycle of `key` loses, from the losses read for a delete and the devices it has. */
export function recycleLosses(key: string, before: Comparable, after: Comparable, read: readonly Loss[]): Loss[] {
  const devices = deviceNames(before);
  if (recycleModeOf(after) === 'recreate') {
    return [
      ...read,
      ...(devices.length > 0
        ? [{ what: 'devices, with their SIP passwords', count: devices.length, detail: devices }]
        : []),
    ];
  }
  const extra = devices.filter((d) => d !== key);
  return [
    ...read.filter((l) => !KEPT_BY_RESET.has(l.what)),
    ...(extra.length > 0 ? [{ what: `devices other than ${key}`, count: extra.length, detail: extra }] : []),
  ];
}

/** The plan's lines on what the chosen mode clears and keeps. */
export function recycleLines(key: string, after: Comparable): string[] {
  if (recycleModeOf(after) === 'recreate') {
    return [
      `recycle by delete + create (recycle: recreate): the user record of ${key} is deleted and created again`,
      'it clears everything the record holds: name, e-mail, portal password, voicemail PIN, settings, every device and its SIP password, voicemail messages and greetings, answer rules, personal contacts, user time frames and emergency addresses',
      `it keeps: phone numbers routed to ${key} (they reach the new record)`,
    ];
  }
  return [
    `recycle by reset in place (recycle: reset, as the portal's Reset): the user record of ${key} is kept`,
    `it clears: name, e-mail, voicemail PIN, devices other than ${key}`,
    `it keeps: voicemail messages and greetings, answer rules, personal contacts, time frames, emergency addresses, the SIP password of device ${key}, phone numbers routed to ${key}`,
    'it does not clear the portal login password (API v2 has no password field): have the new person set one from the welcome e-mail, or use recycle: recreate',
  ];
}

/** A different person: both the name and the e-mail change. A name fix alone is cosmetic. */
export function isRecycle(before: Comparable, after: Comparable): boolean {
  const nameChanged =
    (after.first_name !== undefined && after.first_name !== before.first_name) ||
    (after.last_name !== undefined && after.last_name !== before.last_name);
  // Adding an e-mail where there was none is not a new person (an address only differs from another one).
  const emailChanged =
    typeof after.email === 'string' &&
    typeof before.email === 'string' &&
    before.email !== '' &&
    after.email !== before.email;
  return nameChanged && emailChanged;
}
