/**
 * The writes behind a user's devices: devices under `/users/{u}/devices`, and the MAC records under
 * `/domains/{d}/phones` that bind a handset's MAC to device lines (docs/reference/platform-evidence.md §3:
 * a MAC change or removal by device PUT has no evidence; the MAC records are the documented path).
 *
 * Order-independent: a MAC moving between two devices of one plan is re-pointed (PUT) by whichever change
 * runs first, and released (DELETE, or its line cleared) only while it still points at the device that
 * lets it go. The plan refused a MAC bound to a device that keeps it (mac-conflicts.ts).
 */
import type { PlatformRecord } from '../../platform/client';
import { normalizeMac, phoneDeviceName } from '../../platform/codec';
import type { ApplyContext } from '../kind';
import { str } from '../normalize';
import { withAddressId } from '../placement';
import { type DeviceContent, desiredDevices } from './devices';
import { type UserSpec, wantsPhone } from './spec';

const LINES = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const MAC = 'device-provisioning-mac-address';
const lineField = (n: number) => `device-provisioning-sip-uri-${n}`;

function uriOf(ctx: ApplyContext, device: string): string {
  return `sip:${device}@${ctx.domain}`;
}

/**
 * One read-then-write on a MAC record at a time per client and MAC: the changes of one apply run
 * concurrently, and a MAC moving between two users is released by one change and bound by the other.
 */
const inFlight = new WeakMap<object, Map<string, Promise<void>>>();
async function exclusive(ctx: ApplyContext, mac: string, work: () => Promise<void>): Promise<void> {
  const held = inFlight.get(ctx.client) ?? new Map<string, Promise<void>>();
  inFlight.set(ctx.client, held);
  const key = `${ctx.domain}/${mac}`;
  const before = held.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  const tail = mine.catch(() => undefined);
  held.set(key, tail);
  try {
    await mine;
  } finally {
    if (held.get(key) === tail) held.delete(key);
  }
}

/** Points line `want.line` of the MAC record at the device (creating the record when there is none). */
function bind(ctx: ApplyContext, want: DeviceContent & { mac: string }): Promise<void> {
  return exclusive(ctx, want.mac, () => bindNow(ctx, want));
}

async function bindNow(ctx: ApplyContext, want: DeviceContent & { mac: string }): Promise<void> {
  const uri = uriOf(ctx, want.device);
  const line = want.line ?? 1;
  const body: PlatformRecord = {
    [MAC]: want.mac,
    [lineField(line)]: uri,
    'device-models-brand-and-model': want.model ?? '',
  };
  const record = await ctx.client.getMacRecord(ctx.domain, want.mac);
  if (!record) {
    await ctx.client.createMacRecord(ctx.domain, body);
    return;
  }
  // The device moves to another line key of the same phone: its old line is cleared.
  for (const n of LINES) if (n !== line && str(record[lineField(n)]) === uri) body[lineField(n)] = '';
  await ctx.client.updateMacRecord(ctx.domain, body);
}

/**
 * Takes the device off the handset: the MAC record goes when the device held its only line, else the
 * device's lines are cleared. Nothing happens when the record no longer points at the device.
 */
export function release(ctx: ApplyContext, mac: string, device: string): Promise<void> {
  return exclusive(ctx, mac, () => releaseNow(ctx, mac, device));
}

async function releaseNow(ctx: ApplyContext, mac: string, device: string): Promise<void> {
  const record = await ctx.client.getMacRecord(ctx.domain, mac);
  if (!record) return;
  const uri = uriOf(ctx, device);
  const mine = LINES.filter((n) => str(record[lineField(n)]) === uri);
  if (mine.length === 0) return;
  const others = LINES.filter((n) => !mine.includes(n) && str(record[lineField(n)]) !== '');
  if (others.length === 0) {
    await ctx.client.deleteMacRecord(ctx.domain, mac);
    return;
  }
  const body: PlatformRecord = { [MAC]: mac };
  for (const n of mine) body[lineField(n)] = '';
  await ctx.client.updateMacRecord(ctx.domain, body);
}

function macOf(device: PlatformRecord | undefined): string {
  return device ? normalizeMac(str(device[MAC])) : '';
}

/** Removes a device: its MAC binding first (so the handset stops provisioning it), then the device. */
export async function removeDevice(ctx: ApplyContext, user: string, device: PlatformRecord): Promise<void> {
  const name = str(device.device);
  const mac = macOf(device);
  if (mac) await release(ctx, mac, name);
  await ctx.client.deleteDevice(ctx.domain, user, name);
}

const ADDRESS = 'emergency-address-id';

/**
 * The `emergency-address-id` to write: the id of the address the device names (looked up now: the address
 * was created earlier in this apply), '' to clear one it no longer names, undefined when it is as wanted.
 */
async function addressIdOf(
  ctx: ApplyContext,
  want: DeviceContent,
  have: PlatformRecord | undefined,
): Promise<string | undefined> {
  const was = str(have?.[ADDRESS]).trim();
  if (!want.emergency_address) return was === '' ? undefined : '';
  const id = str((await withAddressId(ctx, { [ADDRESS]: want.emergency_address }))[ADDRESS]);
  return id === was ? undefined : id;
}

/** Creates the device or brings its binding to `want`: MAC, model and line key. */
export async function ensureDevice(
  ctx: ApplyContext,
  user: string,
  want: DeviceContent,
  have: PlatformRecord | undefined,
  managesAddress = true,
): Promise<void> {
  const address = managesAddress ? await addressIdOf(ctx, want, have) : undefined;
  if (!have) {
    // A model alone (no MAC) is kept on the device, as `phone: { model }` always did.
    const body: PlatformRecord = { device: want.device };
    if (want.model && !want.mac) body['device-models-model'] = want.model;
    if (address) body[ADDRESS] = address;
    await ctx.client.createDevice(ctx.domain, user, body);
  } else if (address !== undefined) {
    await ctx.client.updateDevice(ctx.domain, user, want.device, { [ADDRESS]: address });
  }
  const old = macOf(have);
  if (old && old !== want.mac) await release(ctx, old, want.device);
  if (want.mac) {
    const line = Number(have?.['device-provisioning-line']) || 1;
    const same =
      old === want.mac && str(have?.['device-models-model']) === (want.model ?? '') && line === (want.line ?? 1);
    if (!same) await bind(ctx, { ...want, mac: want.mac });
  } else if (have && (want.model ?? '') !== str(have['device-models-model'])) {
    await ctx.client.updateDevice(ctx.domain, user, want.device, { 'device-models-model': want.model ?? '' });
  }
}

/** Makes the user's devices exactly `want`: removes the others, creates or re-binds the rest. */
export async function syncDevices(
  ctx: ApplyContext,
  user: string,
  want: readonly DeviceContent[],
  have: readonly PlatformRecord[],
): Promise<void> {
  const names = new Set(want.map((w) => w.device));
  for (const d of have) if (!names.has(str(d.device))) await removeDevice(ctx, user, d);
  for (const w of want)
    await ensureDevice(
      ctx,
      user,
      w,
      have.find((d) => str(d.device) === w.device),
    );
}

/**
 * The `phone:` shorthand as one device: what it leaves out (MAC, model) stays as the live device has it,
 * since an omitted field is not managed.
 */
export function shorthandDevice(spec: UserSpec, have: PlatformRecord | undefined): DeviceContent {
  const phone = typeof spec.phone === 'object' ? spec.phone : {};
  const mac = phone.mac ? normalizeMac(phone.mac) : macOf(have);
  const model = phone.model?.trim() ?? str(have?.['device-models-model']);
  const line = Number(have?.['device-provisioning-line']) || 1;
  const address = phone.emergency_address?.trim();
  return {
    device: phoneDeviceName(spec.extension),
    ...(mac ? { mac } : {}),
    ...(model ? { model } : {}),
    ...(mac && line !== 1 ? { line } : {}),
    ...(address ? { emergency_address: address } : {}),
  };
}

/** The devices a new user gets: the `phones:` list, the `phone:` shorthand, or none. */
export function devicesOnCreate(spec: UserSpec): DeviceContent[] {
  if (spec.phones !== undefined) return desiredDevices(spec.extension, spec.phones);
  return wantsPhone(spec) ? [shorthandDevice(spec, undefined)] : [];
}
