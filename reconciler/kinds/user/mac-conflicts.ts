/**
 * Plan-time check of the MACs a file gives to devices (issue 12): a MAC is one handset, bound through its MAC
 * record (`/domains/{d}/phones`) to device lines. Giving it to a device while it is bound to another device
 * that stays would only fail half-way through apply (the platform answers 409 on a second record, or the
 * phone silently moves), so the plan is refused with where and how to fix.
 *
 * A binding is no conflict when the device it names is the one the file gives the MAC to, no longer exists,
 * or is a device the same file takes the MAC away from (apply then moves the binding).
 */
import { DesiredStateError, type DesiredStateIssue, IncompleteListError } from '../../errors';
import type { PlatformRecord } from '../../platform/client';
import { normalizeMac } from '../../platform/codec';
import type { DesiredObject, ReadContext } from '../kind';
import { mapBounded } from '../../util/map-bounded';
import { str } from '../normalize';
import { deviceNameOf, formatMac } from './devices';
import type { UserSpec } from './spec';

interface WantedMac {
  readonly mac: string;
  readonly device: string;
  readonly owner: DesiredObject;
  /** Where in the entry (`phones[1].mac`). */
  readonly field: string;
}

/** The MACs an entry gives, and the devices whose MAC it decides (all of them with `phones:`). */
function macsOf(d: DesiredObject): { wanted: WantedMac[]; manages: (device: string) => boolean } {
  const spec = d.spec as unknown as UserSpec;
  const ext = spec.extension;
  const wanted: WantedMac[] = [];
  if (Array.isArray(spec.phones)) {
    spec.phones.forEach((p, i) => {
      if (p?.mac)
        wanted.push({ mac: normalizeMac(p.mac), device: deviceNameOf(ext, p, i), owner: d, field: `phones[${i}].mac` });
    });
    return { wanted, manages: () => true };
  }
  if (spec.phone !== undefined) {
    // The shorthand decides the desk phone's MAC only when it names one or removes the phone.
    const phone = spec.phone;
    const off = phone === false || (typeof phone === 'object' && phone.enabled === false);
    const mac = typeof phone === 'object' && !off && phone.mac ? normalizeMac(phone.mac) : undefined;
    if (mac) wanted.push({ mac, device: ext, owner: d, field: 'phone.mac' });
    return { wanted, manages: (device) => device === ext && (off || mac !== undefined) };
  }
  return { wanted, manages: () => false };
}

/** Device names a MAC record's lines point at in this domain (`sip:<device>@<domain>`), or foreign URIs. */
function boundTo(record: PlatformRecord, domain: string): { devices: string[]; foreign: string[] } {
  const devices: string[] = [];
  const foreign: string[] = [];
  for (let n = 1; n <= 8; n++) {
    const uri = str(record[`device-provisioning-sip-uri-${n}`]);
    if (!uri) continue;
    const m = /^sip:([^@]+)@(.+)$/.exec(uri);
    if (m && m[2] === domain) devices.push(m[1] as string);
    else foreign.push(uri);
  }
  return { devices, foreign };
}

function issue(w: WantedMac, message: string, hint: string): DesiredStateIssue {
  return { position: w.owner.source, path: `${w.owner.path ?? w.owner.key}.${w.field}`, message, hint };
}

/** Set by the caller when its read has failed: no more MAC records are asked for. */
export interface StopSignal {
  readonly stopped: boolean;
}

/**
 * Throws `DesiredStateError` when a MAC of the file is taken. Reads MAC records only for MACs the plan would give
 * to a device that does not have them yet (the domain's device list shows the current binding), so a
 * steady-state plan reads none; those reads start once the devices are in.
 */
export async function assertMacsFree(
  ctx: ReadContext,
  domainDevices: Promise<readonly PlatformRecord[]>,
  stop: StopSignal = { stopped: false },
): Promise<void> {
  // The file's side is worked out once the devices are in, not as the users' first page arrives: by then the
  // per-user reads are in flight, so this CPU no longer holds back their sending (issue 15).
  const devices = await domainDevices;
  const entries = [...(ctx.desired?.values() ?? [])].filter((d) => d?.spec).map((d) => ({ d, ...macsOf(d) }));
  const wanted = entries.flatMap((e) => e.wanted);
  if (wanted.length === 0) return;
  const issues: DesiredStateIssue[] = [];
  const byMac = new Map<string, WantedMac>();
  for (const w of wanted) {
    const first = byMac.get(w.mac);
    if (!first) byMac.set(w.mac, w);
    else
      issues.push(
        issue(
          w,
          `MAC ${formatMac(w.mac)} is also given to device ${first.device} (${first.owner.path ?? first.owner.key}.${first.field})`,
          'one handset is one MAC: give it to one device only',
        ),
      );
  }
  // A MAC the domain's device list already shows on the very device the file gives it to is no change: the
  // plan writes nothing for it, so there is no binding to check (a steady-state plan reads no MAC record).
  const macNow = new Map(devices.map((x) => [str(x.device), normalizeMac(str(x['device-provisioning-mac-address']))]));
  const toCheck = [...byMac.values()].filter((w) => macNow.get(w.device) !== w.mac).map((w) => w.mac);
  if (issues.length === 0 && toCheck.length === 0) return;
  const ownerOf = new Map(devices.map((x) => [str(x.device), str(x.user)] as const));
  const managers = new Map(entries.map((e) => [e.d.key, e.manages] as const));
  const records = toCheck.length === 0 ? [] : await macRecordsOf(ctx, toCheck, stop);
  for (const record of records) {
    const w = byMac.get(normalizeMac(str(record['device-provisioning-mac-address'])));
    if (!w || macNow.get(w.device) === w.mac) continue;
    const { devices: bound, foreign } = boundTo(record, ctx.domain);
    const taken = bound.filter((x) => {
      if (x === w.device) return false;
      const owner = ownerOf.get(x);
      // A line naming no device any more is stale: apply points it at the new device.
      if (owner === undefined) return false;
      return !(managers.get(owner)?.(x) ?? false);
    });
    for (const x of taken)
      issues.push(
        issue(
          w,
          `MAC ${formatMac(w.mac)} is already bound to device ${x} (user ${ownerOf.get(x)}) on ${ctx.domain}`,
          `take it off ${x} first (in the file, or in the portal's Phones tab), or check the MAC on the handset's label`,
        ),
      );
    for (const uri of foreign)
      issues.push(
        issue(
          w,
          `MAC ${formatMac(w.mac)} is already bound to ${uri}, outside ${ctx.domain}`,
          "free it where it is bound, or check the MAC on the handset's label",
        ),
      );
  }
  if (issues.length) throw new DesiredStateError(issues);
}

/**
 * The domain's MAC records that matter for `macs`: the list when it is complete; when it fills the largest
 * page (the list cannot page: 1,000 records or more), each wanted MAC is read on its own — a missing one
 * is free, a failed read fails the plan (never "absent").
 */
async function macRecordsOf(
  ctx: ReadContext,
  macs: readonly string[],
  stop: StopSignal,
): Promise<readonly PlatformRecord[]> {
  try {
    return await ctx.client.listMacRecords(ctx.domain);
  } catch (err) {
    if (!(err instanceof IncompleteListError)) throw err;
  }
  const concurrency = ctx.client.settings?.concurrency ?? 8;
  const found = await mapBounded(macs, concurrency, async (mac) => {
    if (stop.stopped) throw new Error('the read was stopped: another read of this plan failed');
    return ctx.client.getMacRecord(ctx.domain, mac);
  });
  return found.filter((r): r is PlatformRecord => r !== undefined);
}
