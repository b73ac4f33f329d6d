// MAC records (NdpPhone under /domains/{d}/phones): the record shape and how a device with a MAC binds one.
// Shared by the routes (routes-devices.ts) and seeding (state-store.ts).

import { nowIso } from './record-defaults';
import type { DomainState, JsonRecord } from './types';

/** 12 lowercase hex digits, as `device-provisioning-mac-address` holds them (maxLength/minLength 12). */
export function normalizeMac(value: unknown): string {
  return typeof value === 'string' ? value.replace(/[^0-9a-fA-F]/g, '').toLowerCase() : '';
}

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
  const record: JsonRecord = {
    'device-provisioning-mac-address': '',
    domain,
    'device-models-brand-and-model': '',
    'device-provisioning-sip-uri-1': '',
    notes: '',
    'created-datetime': now,
    'last-modified-datetime': now,
  };
  for (const [key, value] of Object.entries(input)) if (!PHONE_READ_ONLY.includes(key)) record[key] = value;
  record['device-provisioning-mac-address'] = normalizeMac(record['device-provisioning-mac-address']);
  return record;
}

/** The MAC record for a device created with a MAC: created, or (assumption) re-pointed at this device. */
export function bindMac(d: DomainState, mac: string, device: string, model: unknown): void {
  const uri = `sip:${device}@${d.domain.domain}`;
  const existing = d.phones.find((p) => p['device-provisioning-mac-address'] === mac);
  if (existing) {
    existing['device-provisioning-sip-uri-1'] = uri;
    return;
  }
  d.phones.push(
    defaultPhone(String(d.domain.domain), {
      'device-provisioning-mac-address': mac,
      'device-models-brand-and-model': typeof model === 'string' ? model : '',
      'device-provisioning-sip-uri-1': uri,
    }),
  );
}
