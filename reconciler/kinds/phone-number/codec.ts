/**
 * A phone number's routing between the YAML spec, the comparable content and the platform's Phonenumber
 * record (docs/reference/netsapiens-api.md "Phone numbers": `dial-rule-application` + destination user/host,
 * `dial-rule-translation-source-name` `prefix[*]`). PURE.
 *
 * User, ring group and auto attendant are all `to-user` on the platform (a ring group and an attendant
 * are system users): the comparable holds `{ extension }` for the three, so the file's choice of word is
 * not a difference; export names the kind from the users list.
 */
import type { PlatformRecord } from '../../platform/client';
import type { Comparable, ComparableValue } from '../kind';
import { normalizeNumber, str } from '../normalize';
import type { Destination } from './fields';

export interface PhoneNumberSpec {
  number: string;
  destination: Partial<Record<Exclude<Destination, 'hangup'>, string>> & { hangup?: boolean };
  caller_name_prefix?: string;
  enabled?: boolean;
}

const WILDCARD = '[*]';

/** `{ ring_group: "2000" }` → `{ extension: "2000" }`; voicemail, call_queue and hangup keep their name. */
export function comparableDestination(d: PhoneNumberSpec['destination']): Record<string, ComparableValue> {
  const ext = d.user ?? d.ring_group ?? d.auto_attendant;
  if (ext !== undefined) return { extension: str(ext) };
  if (d.voicemail !== undefined) return { voicemail: str(d.voicemail) };
  if (d.call_queue !== undefined) return { call_queue: str(d.call_queue) };
  if (d.hangup === true) return { hangup: true };
  return {};
}

export function phoneNumberComparable(spec: PhoneNumberSpec): Comparable {
  const out: Record<string, ComparableValue> = {
    number: normalizeNumber(str(spec.number)),
    destination: comparableDestination(spec.destination ?? {}),
  };
  if (spec.caller_name_prefix !== undefined) out.caller_name_prefix = spec.caller_name_prefix;
  if (spec.enabled !== undefined) out.enabled = spec.enabled;
  return out;
}

/** `to-user` family → extension; queue, voicemail, hangup; anything else (trunks, inventory) as the platform says. */
function liveDestination(r: PlatformRecord): Record<string, ComparableValue> {
  const app = str(r['dial-rule-application']);
  const user = str(r['dial-rule-translation-destination-user']);
  if (app === 'to-user' || app === 'to-user-residential') return { extension: user };
  if (app === 'to-voicemail' || app === 'to-voicemail-residential') return { voicemail: user };
  if (app.startsWith('to-callqueue')) return { call_queue: user };
  if (app === 'hangup') return { hangup: true };
  return { platform: app === '' ? 'unknown' : app };
}

export function livePhoneNumberComparable(r: PlatformRecord): Comparable {
  const source = str(r['dial-rule-translation-source-name']);
  return {
    number: str(r.phonenumber),
    destination: liveDestination(r),
    caller_name_prefix: source.endsWith(WILDCARD) ? source.slice(0, -WILDCARD.length) : source,
    enabled: str(r.enabled) !== 'no',
  };
}

/** The routing fields of a PUT, from merged comparable content. */
export function routingBody(content: Comparable, domain: string): PlatformRecord {
  const d = (content.destination ?? {}) as Record<string, ComparableValue>;
  const body: PlatformRecord = {};
  if (d.extension !== undefined) Object.assign(body, to('to-user', str(d.extension), domain));
  else if (d.voicemail !== undefined) Object.assign(body, to('to-voicemail', str(d.voicemail), domain));
  else if (d.call_queue !== undefined) Object.assign(body, to('to-callqueue', str(d.call_queue), domain));
  else if (d.hangup === true) Object.assign(body, to('hangup', WILDCARD, WILDCARD));
  if (content.caller_name_prefix !== undefined) {
    body['dial-rule-translation-source-name'] = `${str(content.caller_name_prefix)}${WILDCARD}`;
  }
  if (content.enabled !== undefined) body.enabled = content.enabled === false ? 'no' : 'yes';
  return body;
}

function to(application: string, user: string, host: string): PlatformRecord {
  return {
    'dial-rule-application': application,
    'dial-rule-translation-destination-user': user,
    'dial-rule-translation-destination-host': host,
  };
}
