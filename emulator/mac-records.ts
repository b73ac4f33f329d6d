// MAC records (NdpPhone under /domains/{d}/phones): the record shape and how a device with a MAC binds one.
// Shared by the routes (routes-devices.ts) and seeding (state-store.ts).

import { nowIso } from './record-defaults';
import { recordById } from './record-index';
import type { DomainState, JsonRecord } from './types';

/** 12 lowercase hex digits, as `device-provisioning-mac-address` holds them (maxLength/minLength 12). */
export function normalizeMac(value: unknown): string {
  return typeof value === 'string' ? value.replace(/[^0-9a-fA-F]/g, '').toLowerCase() : '';
}

/** The eight line slots of a MAC record (`device-provisioning-sip-uri-1` … `-8`). */
export const PHONE_LINES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** Read-only NdpPhone fields a client cannot set. */
export const PHONE_READ_ONLY = [
  'domain',
  'created-datetime',
  'last-modified-datetime',
  'device-provisioning-line-1-extensions',
  'device-provisioning-line-2-extensions',
  'device-sip-registration-contact',
  'device-sip-registration-datetime',
  'device-sip-registration-expires-datetime',
  'device-sip-registration-state',
  'device-sip-registration-user-agent',
  'synchronous',
];

export function defaultPhone(domain: string, input: JsonRecord): JsonRecord {
  const now = nowIso();
  // Every field the NdpPhone schema requires, with the neutral value of its type (values are unconfirmed).
  const record: JsonRecord = {
    'device-provisioning-mac-address': '',
    domain,
    reseller: '',
    'device-models-brand-and-model': '',
    'device-provisioning-registration-core-server': '',
    notes: '',
    'device-provisioning-sip-transport-protocol': 'udp',
    'device-provisioning-username': '',
    'device-provisioning-password': '',
    'device-models-count-buttons': 0,
    'device-models-fxs-support-enabled': 0,
    'device-models-overrides-blob': '',
    'device-models-resync-support-enabled': 'no',
    'device-models-shared-line-support-enabled': 'no',
    'device-models-sidecar-support-enabled': 'no',
    'device-provisioning-last-retrieved-datetime': '',
    'device-provisioning-directory': '',
    'device-provisioning-directory-support': '',
    'device-provisioning-ndp-hostname': '',
    'device-provisioning-presence': '',
    'global-one-time-pass': '',
    redundency: '',
    'created-datetime': now,
    'last-modified-datetime': now,
  };
  for (const n of PHONE_LINES) {
    record[`device-provisioning-sip-uri-${n}`] = '';
    record[`device-provisioning-line-${n}-enabled`] = 'no';
    record[`device-provisioning-sip-uri-${n}-shared-line-enabled`] = 'no';
  }
  for (const [key, value] of Object.entries(input)) if (!PHONE_READ_ONLY.includes(key)) record[key] = value;
  record['device-provisioning-mac-address'] = normalizeMac(record['device-provisioning-mac-address']);
  return record;
}

/**
 * The MAC record of `mac` (what `d.phones.find` by MAC returns), by the record index: a domain of 10,000
 * phones is read one MAC at a time by a plan (issue 15), so a scan per request was O(n²).
 */
export function phoneByMac(d: DomainState, mac: string): JsonRecord | undefined {
  return recordById(d.phones, 'device-provisioning-mac-address', mac);
}

/** A line slot between 1 and 8 from a device's `device-provisioning-line` (anything else: line 1). */
function lineOf(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : 1;
}

/**
 * The MAC record for a device created with a MAC: created, or (assumption) re-pointed at this device, on
 * the line the device asks for (`device-provisioning-line`, default 1).
 */
export function bindMac(d: DomainState, mac: string, device: string, model: unknown, line?: unknown): void {
  const uri = `sip:${device}@${d.domain.domain}`;
  const slot = `device-provisioning-sip-uri-${lineOf(line)}`;
  const existing = phoneByMac(d, mac);
  if (existing) {
    existing[slot] = uri;
    return;
  }
  d.phones.push(
    defaultPhone(String(d.domain.domain), {
      'device-provisioning-mac-address': mac,
      'device-models-brand-and-model': typeof model === 'string' ? model : '',
      [slot]: uri,
    }),
  );
}

/**
 * What a device read shows of its MAC binding. The spec's Device `device-provisioning-mac-address` is "the mac
 * address that has this device linked to it" and `error-reading-from-endpoint-module` flags a failed read of
 * the provisioning data, so a device's MAC, model and line are read from the MAC records whose line points
 * at `sip:<device>@<domain>` (inference), not stored on the device: a MAC changed by device PUT does not show.
 */
export function macBinding(d: DomainState, device: string, index?: MacBindingIndex): JsonRecord {
  const uri = `sip:${device}@${d.domain.domain}`;
  return (index ?? macBindingIndex(d)).get(uri) ?? { 'device-provisioning-mac-address': '' };
}

/** Every device line's binding by SIP URI: built once per list answer, so a list is not O(devices × phones). */
export type MacBindingIndex = ReadonlyMap<string, JsonRecord>;

export function macBindingIndex(d: DomainState): MacBindingIndex {
  const out = new Map<string, JsonRecord>();
  for (const p of d.phones) {
    for (const line of PHONE_LINES) {
      const uri = p[`device-provisioning-sip-uri-${line}`];
      // The first record and the lowest line naming a device win, as a scan in that order would find.
      if (typeof uri !== 'string' || uri === '' || out.has(uri)) continue;
      out.set(uri, {
        'device-provisioning-mac-address': p['device-provisioning-mac-address'],
        'device-models-model': p['device-models-brand-and-model'] ?? '',
        'device-provisioning-line': line,
      });
    }
  }
  return out;
}
