/**
 * A user's devices (issue 16): the `phones:` list and the `phone:` one-device shorthand, as content. PURE.
 *
 * Naming (docs/reference/platform-evidence.md §3): the first device is named after the extension (every
 * creation script found does so); further devices take the suffixes a reseller KB shows for the portal,
 * "1001, 1001a, 1001b" [KB-SNAP]: the second entry is `<ext>a`, the third `<ext>b` … unless the entry names
 * its own `suffix` (a Teams device `tp`, say).
 *
 * Content: `phones` compares as one list of `{ device, mac?, model?, line? }`, sorted by device name with the
 * extension's own device first; a MAC is 12 lowercase hex digits; `line` appears only when it is not 1.
 */
import { normalizeMac } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import type { ChangeClass, Comparable, ComparableValue, EntryIssue } from '../kind';
import { normalizeText, str } from '../normalize';
import { addressImpactLine, isAddressName } from '../placement';
import { compareKeys } from '../../util/compare-keys';

/** One entry of `phones:`. */
export interface PhoneEntry {
  /** Device-name suffix after the extension ('' = the extension's own device). */
  suffix?: string;
  mac?: string;
  model?: string;
  /** The line key of a MAC-provisioned phone the device takes (1–8, default 1). */
  line?: number;
  /** Name of the emergency address the device's emergency calls report. */
  emergency_address?: string;
}

/** A device as compared: its platform name and what binds it to a handset. */
export interface DeviceContent {
  readonly device: string;
  readonly mac?: string;
  readonly model?: string;
  readonly line?: number;
  /** The address's name (its id as read, until placement maps it to the name). */
  readonly emergency_address?: string;
}

/** '' for the first device, then a, b, … z, aa, ab … (the portal's scheme as a reseller KB shows it). */
export function defaultSuffix(index: number): string {
  if (index <= 0) return '';
  let n = index - 1;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export function deviceNameOf(extension: string, entry: PhoneEntry, index: number): string {
  return `${extension}${entry.suffix ?? defaultSuffix(index)}`;
}

function sortDevices(extension: string, list: DeviceContent[]): DeviceContent[] {
  return list.sort((a, b) =>
    a.device === extension ? -1 : b.device === extension ? 1 : compareKeys(a.device, b.device),
  );
}

function content(device: string, mac: string, model: string, line: number, address = ''): DeviceContent {
  return {
    device,
    ...(mac ? { mac } : {}),
    ...(model ? { model } : {}),
    ...(mac && line !== 1 ? { line } : {}),
    ...(address ? { emergency_address: address } : {}),
  };
}

/** The desired `phones` content. */
export function desiredDevices(extension: string, phones: readonly PhoneEntry[]): DeviceContent[] {
  return sortDevices(
    extension,
    phones.map((p, i) =>
      content(
        deviceNameOf(extension, p, i),
        p.mac ? normalizeMac(p.mac) : '',
        (p.model ?? '').trim(),
        p.line ?? 1,
        normalizeText(p.emergency_address ?? ''),
      ),
    ),
  );
}

/** The live `phones` content from the user's device records. */
export function liveDevices(extension: string, devices: readonly PlatformRecord[]): DeviceContent[] {
  return sortDevices(
    extension,
    devices.map((d) => {
      const line = Number(d['device-provisioning-line']);
      return content(
        str(d.device),
        normalizeMac(str(d['device-provisioning-mac-address'])),
        str(d['device-models-model']).trim(),
        Number.isInteger(line) && line >= 1 && line <= 8 ? line : 1,
        str(d['emergency-address-id']).trim(),
      );
    }),
  );
}

/** What a `suffix` may hold (the JSON Schema's pattern). */
export const SUFFIX_PATTERN = '^[A-Za-z0-9_-]{0,16}$';

/**
 * `phones:` entries for export (a suffix is written only where the position would not give it), or
 * undefined when a device is not named `<extension><suffix>` (the file cannot name it: left unmanaged).
 */
export function exportPhones(extension: string, devices: readonly DeviceContent[]): PhoneEntry[] | undefined {
  const pattern = new RegExp(SUFFIX_PATTERN);
  const suffixes = devices.map((d) => (d.device.startsWith(extension) ? d.device.slice(extension.length) : undefined));
  if (suffixes.some((x) => x === undefined || !pattern.test(x))) return undefined;
  return devices.map((d, i) => {
    const suffix = suffixes[i] as string;
    const entry: PhoneEntry = {};
    if (suffix !== defaultSuffix(i)) entry.suffix = suffix;
    if (d.mac) entry.mac = d.mac;
    if (d.model) entry.model = d.model;
    if (d.line !== undefined) entry.line = d.line;
    if (isAddressName(d.emergency_address)) entry.emergency_address = d.emergency_address;
    return entry;
  });
}

/** Rules of one entry the schema cannot express (file:line through the loader). */
export function checkDevices(spec: { extension: string; phone?: unknown; phones?: PhoneEntry[] }): EntryIssue[] {
  const issues: EntryIssue[] = [];
  if (spec.phones === undefined) return issues;
  if (spec.phone !== undefined)
    issues.push({
      path: ['phones'],
      message: 'phone: and phones: are both set',
      hint: 'use phone: for one device or phones: for a list of devices, not both',
    });
  const names = new Map<string, number>();
  const macs = new Map<string, number>();
  spec.phones.forEach((p, i) => {
    if (!p || typeof p !== 'object') return;
    const name = deviceNameOf(spec.extension, p, i);
    const first = names.get(name);
    if (first !== undefined)
      issues.push({
        path: ['phones', i, ...(p.suffix !== undefined ? ['suffix'] : [])],
        message: `device ${name} is already phones[${first}]`,
        hint: 'give each device its own suffix (the second device is a, the third b … unless suffix says otherwise)',
      });
    else names.set(name, i);
    if (p.mac) {
      const mac = normalizeMac(p.mac);
      const again = macs.get(mac);
      if (again !== undefined)
        issues.push({
          path: ['phones', i, 'mac'],
          message: `MAC ${formatMac(mac)} is already phones[${again}]`,
          hint: 'one handset is one MAC: give each line of it to one device only',
        });
      else macs.set(mac, i);
    }
    if (p.line !== undefined && !p.mac)
      issues.push({
        path: ['phones', i, 'line'],
        message: 'line is set without a mac',
        hint: 'line is the line key of a MAC-provisioned phone: set mac too, or remove line',
      });
  });
  return issues;
}

/** `0004f2aabbcc` → `00:04:F2:AA:BB:CC`, as printed on the handset. */
export function formatMac(mac: string): string {
  return (mac.toUpperCase().match(/.{2}/g) ?? [mac]).join(':');
}

function asDevices(v: ComparableValue | undefined): DeviceContent[] {
  return Array.isArray(v) ? (v as unknown as DeviceContent[]) : [];
}

function what(key: string, d: DeviceContent): string {
  return d.mac ? `${key}'s desk phone ${formatMac(d.mac)} (${d.device})` : `${key}'s device ${d.device}`;
}

/** What a change of `phones` does to calls, device by device. */
export function devicesImpact(key: string, before: Comparable, after: Comparable): string[] {
  const was = new Map(asDevices(before.phones).map((d) => [d.device, d]));
  const now = new Map(asDevices(after.phones).map((d) => [d.device, d]));
  const out: string[] = [];
  for (const [name, d] of was) {
    if (now.has(name)) continue;
    out.push(
      d.mac
        ? `${what(key, d)} stops ringing: the device and its MAC record are removed (added back, the phone is provisioned again with a new SIP password)`
        : `${what(key, d)} stops ringing: it is removed with its SIP password (a softphone or handset set up by hand needs new credentials to come back)`,
    );
  }
  for (const [name, d] of now) {
    const old = was.get(name);
    if (!old) {
      out.push(
        d.mac
          ? `${key} gets a desk phone ${formatMac(d.mac)} (${name}${d.model ? `, ${d.model}` : ''}): it rings ${key} once provisioned`
          : `${key} gets a device ${name} (a softphone or SIP handset: its credentials come from the portal)`,
      );
    } else if ((old.mac ?? '') !== (d.mac ?? '')) {
      if (old.mac && d.mac)
        out.push(`${what(key, old)} stops ringing: ${name} moves to desk phone ${formatMac(d.mac)}`);
      else if (old.mac) out.push(`${what(key, old)} is unbound: ${name} stays as a device without a handset`);
      else out.push(`${key}'s device ${name} is bound to desk phone ${formatMac(d.mac ?? '')}`);
    } else if (old.model !== d.model || old.line !== d.line) {
      out.push(`${what(key, d)} is provisioned again (model or line key)`);
    }
    const address = addressImpactLine(what(key, d), (old ?? {}) as Comparable, d as unknown as Comparable);
    if (address) out.push(address);
  }
  return out;
}

/**
 * Removing a device without a MAC loses its SIP password with nothing to provision it again: that is
 * data-destroying; any other device change reroutes calls.
 */
export function devicesChangeClass(
  before: ComparableValue | undefined,
  after: ComparableValue | undefined,
): ChangeClass {
  const now = new Set(asDevices(after).map((d) => d.device));
  return asDevices(before).some((d) => !d.mac && !now.has(d.device)) ? 'data-destroying' : 'routing';
}
