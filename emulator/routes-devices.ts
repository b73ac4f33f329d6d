// Devices (SIP registrations of a user) and the domain's MAC records under /phones (NdpPhone).
// A device POST with a MAC also writes the MAC record (controller notes: "Create device | Device plus
// Mac"); changing or removing a MAC afterwards is done on /phones, which the spec documents.

import { recordById } from './record-index';
import {
  type MacBindingIndex,
  PHONE_READ_ONLY,
  bindMac,
  defaultPhone,
  macBinding,
  macBindingIndex,
  normalizeMac,
  phoneByMac,
} from './mac-records';
import { DEVICE_READ_ONLY, defaultDevice, nowIso } from './record-defaults';
import {
  ACCEPTED,
  type ApiResponse,
  type RouteContext,
  bodyObject,
  checkYesNo,
  count,
  fail,
  findUser,
  limitOnly,
  readDomain,
  writeDomain,
} from './route-helpers';
import { naturalCompare } from './natural-order';
import { checkAddressId } from './routes-sites';
import type { DomainState, JsonRecord } from './types';

const DEVICE_YES_NO = [
  'device-force-notify-new-voicemails-enabled',
  'device-level-call-recording-enabled',
  'device-push-enabled',
  'device-sip-registration-ignore-for-presence-calculation',
  'device-sip-registration-ignore-report-enabled',
  'device-sip-no-to-tag-in-cancel',
  'auto-answer-enabled',
];

function findDevice(d: DomainState, user: string, device: string): JsonRecord {
  return (
    d.devices.find((x) => x.device === device && x.user === user) ??
    fail(404, `Device ${device} does not exist for user ${user} in domain ${d.domain.domain}`)
  );
}

function deviceOut(d: DomainState, device: JsonRecord, index?: MacBindingIndex): JsonRecord {
  const owner = recordById(d.users, 'user', device.user);
  const name = owner ? `${owner['name-first-name'] ?? ''} ${owner['name-last-name'] ?? ''}`.trim() : '';
  return {
    ...device,
    ...macBinding(d, String(device.device), index),
    'device-sip-registration-uri': `sip:${device.device}@${device.domain}`,
    'device-sip-registration-state': 'unregistered',
    'device-sip-registration-datetime': null,
    'device-sip-registration-expires-datetime': null,
    'login-username': owner?.['login-username'] ?? '',
    'name-full-name': name,
  };
}

function byName(devices: JsonRecord[]): JsonRecord[] {
  return devices.slice().sort((a, b) => naturalCompare(String(a.device), String(b.device)));
}

function withBindings(d: DomainState, devices: readonly JsonRecord[]): JsonRecord[] {
  const index = macBindingIndex(d);
  return devices.map((x) => deviceOut(d, x, index));
}

export function listUserDevices(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  // No start/limit declared for this list: it is returned whole.
  const devices = byName(d.devices.filter((x) => x.user === ctx.params.user));
  return { status: 200, body: withBindings(d, devices) };
}

export function countUserDevices(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return count(d.devices.filter((x) => x.user === ctx.params.user).length);
}

export function listDomainDevices(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  return { status: 200, body: withBindings(d, byName(d.devices)) };
}

export function countDomainDevices(ctx: RouteContext): ApiResponse {
  return count(readDomain(ctx).devices.length);
}

export function getDevice(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  findUser(d, ctx.params.user);
  return { status: 200, body: deviceOut(d, findDevice(d, ctx.params.user, ctx.params.device)) };
}

export function postDevice(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const user = ctx.params.user;
  findUser(d, user);
  const body = bodyObject(ctx);
  const device = body.device === undefined || body.device === null ? '' : String(body.device);
  if (!device) fail(400, 'Missing required field device');
  // A device is a SIP AOR (sip:device@domain), so its name is unique in the domain, not per user.
  if (d.devices.some((x) => x.device === device)) fail(409, `Device ${device} already exists`);
  const record = defaultDevice(String(d.domain.domain), user, device, body);
  checkYesNo(record, DEVICE_YES_NO);
  checkAddressId(d, record['emergency-address-id']);
  d.devices.push(record);
  const mac = normalizeMac(record['device-provisioning-mac-address']);
  if (mac) bindMac(d, mac, device, record['device-models-model'], record['device-provisioning-line']);
  return ctx.synchronous ? { status: 200, body: deviceOut(d, record) } : ACCEPTED;
}

export function putDevice(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  const record = findDevice(d, ctx.params.user, ctx.params.device);
  const next = { ...record };
  for (const [key, value] of Object.entries(bodyObject(ctx))) {
    if (DEVICE_READ_ONLY.includes(key)) continue;
    next[key] = value;
  }
  checkYesNo(next, DEVICE_YES_NO);
  if (next['emergency-address-id'] !== record['emergency-address-id']) checkAddressId(d, next['emergency-address-id']);
  Object.assign(record, next);
  return ACCEPTED;
}

export function deleteDevice(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  findUser(d, ctx.params.user);
  const record = findDevice(d, ctx.params.user, ctx.params.device);
  d.devices = d.devices.filter((x) => x !== record);
  return ACCEPTED;
}

// ---- /phones: MAC records ------------------------------------------------------------------------

function macOf(body: JsonRecord): string {
  const mac = normalizeMac(body['device-provisioning-mac-address']);
  if (mac.length !== 12) fail(400, 'device-provisioning-mac-address must be 12 hexadecimal digits');
  return mac;
}

function findPhone(d: DomainState, mac: string): JsonRecord {
  return phoneByMac(d, mac) ?? fail(404, `MAC address ${mac} does not exist in domain ${d.domain.domain}`);
}

export function listPhones(ctx: RouteContext): ApiResponse {
  const d = readDomain(ctx);
  const phones = d.phones
    .slice()
    .sort((a, b) =>
      naturalCompare(String(a['device-provisioning-mac-address']), String(b['device-provisioning-mac-address'])),
    );
  // The spec declares `limit` (no `start`) for this list.
  return { status: 200, body: limitOnly(ctx, phones) };
}

export function getPhone(ctx: RouteContext): ApiResponse {
  return { status: 200, body: findPhone(readDomain(ctx), normalizeMac(ctx.params.mac)) };
}

export function postPhone(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const mac = macOf(body);
  if (phoneByMac(d, mac)) fail(409, `MAC address ${mac} already exists`);
  d.phones.push(defaultPhone(String(d.domain.domain), body));
  return ACCEPTED;
}

export function putPhone(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const body = bodyObject(ctx);
  const record = findPhone(d, macOf(body));
  for (const [key, value] of Object.entries(body)) {
    if (PHONE_READ_ONLY.includes(key) || key === 'device-provisioning-mac-address') continue;
    record[key] = value;
  }
  record['last-modified-datetime'] = nowIso();
  return ACCEPTED;
}

export function deletePhone(ctx: RouteContext): ApiResponse {
  const d = writeDomain(ctx);
  const record = findPhone(d, macOf(bodyObject(ctx)));
  d.phones = d.phones.filter((p) => p !== record);
  return ACCEPTED;
}
