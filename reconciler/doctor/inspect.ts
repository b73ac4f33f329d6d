/**
 * What `pbxctl doctor` finds in a domain's records that pbxctl cannot decode (issue 12): pure, from the
 * records read. Each finding names the object (extension or device, never a person's name), the raw value
 * and, where it can, the platform-profile key to set.
 */
import type { PlatformRecord } from '../platform/client';
import {
  decodeFallback,
  decodeMember,
  decodeSpam,
  fromYesNo,
  isKnownSpam,
  isSystemUser,
  NON_GROUP_SYSTEM_CODES,
  phoneDeviceName,
  targetTypeOf,
} from '../platform/codec';
import { DOCTOR_HINT, type PlatformProfile } from '../platform/profile';
import { SUFFIX_PATTERN } from '../kinds/user/devices';
import { USER_SCOPES } from '../kinds/user/fields';

export interface DoctorFinding {
  /** `user 1001`, `ring_group 2000`, `device 1001/desk-2`, `contact 17`. */
  readonly object: string;
  readonly field: string;
  /** The raw value, verbatim (never a PIN, password or name). */
  readonly value: string;
  readonly problem: string;
  /** What to set, when pbxctl can tell (`platform.spam_drop: "<value>"`). */
  readonly suggestion?: string;
}

export interface DomainRecords {
  readonly users: readonly PlatformRecord[];
  /** Each user's `*` answer rule (by user id), when it has one. */
  readonly defaultRules: ReadonlyMap<string, PlatformRecord>;
  readonly devices: readonly PlatformRecord[];
  readonly contacts: readonly PlatformRecord[];
}

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function block(rule: PlatformRecord | undefined, name: string): string[] {
  const b = rule?.[name] as { enabled?: unknown; parameters?: unknown } | undefined;
  if (!b || fromYesNo(b.enabled) !== true || !Array.isArray(b.parameters)) return [];
  return b.parameters.map(String);
}

function spamFindings(object: string, rule: PlatformRecord | undefined, profile: PlatformProfile): DoctorFinding[] {
  const spam = decodeSpam(rule?.['forward-on-spam-call'], profile);
  if (isKnownSpam(spam)) return [];
  return [
    {
      object,
      field: 'forward-on-spam-call',
      value: spam,
      problem: 'a spam setting pbxctl does not recognise (shown verbatim in plans; never overwritten silently)',
      suggestion: `if the portal shows "Drop Call": platform.spam_drop: "${spam}"; if "Screen Call": platform.spam_screen: "${spam}"`,
    },
  ];
}

/** A system user that sim-rings someone and is neither a known ring-group code nor a queue/attendant. */
function ringGroupFindings(
  u: PlatformRecord,
  rule: PlatformRecord | undefined,
  profile: PlatformProfile,
  typeOf: (ext: string) => ReturnType<typeof targetTypeOf>,
): DoctorFinding[] {
  const ext = s(u.user);
  const code = s(u['service-code']);
  const out: DoctorFinding[] = [];
  const members = block(rule, 'simultaneous-ring');
  if (code !== profile.ringGroupServiceCode && !NON_GROUP_SYSTEM_CODES.includes(code) && members.length > 0)
    out.push({
      object: `user ${ext}`,
      field: 'service-code',
      value: code,
      problem: `a system user shaped like a ring group (sim-rings ${members.length}), with a code the profile does not name`,
      suggestion: `if the portal lists it as a ring group: platform.ring_group_service_code: "${code}"`,
    });
  if (code !== profile.ringGroupServiceCode && members.length === 0) return out;
  for (const m of members.map(decodeMember))
    if (m.unknownOptions)
      out.push({
        object: `ring_group ${ext}`,
        field: 'simultaneous-ring',
        value: m.unknownOptions.join(';'),
        problem: `member ${m.extension} has options pbxctl does not know (only ;delay=N is documented)`,
      });
  const forward = block(rule, 'forward-no-answer')[0];
  if (forward !== undefined && !decodeFallback(forward, ext, typeOf))
    out.push({
      object: `ring_group ${ext}`,
      field: 'forward-no-answer',
      value: forward,
      problem: 'a fallback pbxctl cannot decode (expected user_N, vmail_N, queue_N or a bare extension)',
    });
  return out;
}

/** `1001`, `1001a`, `1001tp`: the names a `phone:`/`phones:` entry of user 1001 can give a device. */
function isUsersDeviceName(owner: string, name: string): boolean {
  return (
    name === phoneDeviceName(owner) ||
    (name.startsWith(owner) && new RegExp(SUFFIX_PATTERN).test(name.slice(owner.length)))
  );
}

function deviceFindings(devices: readonly PlatformRecord[], users: ReadonlySet<string>): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  for (const d of devices) {
    const owner = s(d.user);
    const name = s(d.device);
    if (s(d['device-provisioning-mac-address']) === '' || isUsersDeviceName(owner, name)) continue;
    out.push({
      object: `device ${users.has(owner) ? owner : `${owner} (no such user)`}/${name}`,
      field: 'device',
      value: name,
      problem: `a desk phone bound to a MAC under a name that is not the extension (pbxctl looks for devices "${phoneDeviceName('<ext>')}", "<ext>a", "<ext>b", … or "<ext><suffix>")`,
    });
  }
  return out;
}

/** Everything in a domain pbxctl cannot decode with this profile. */
export function inspectDomain(records: DomainRecords, profile: PlatformProfile): DoctorFinding[] {
  const byExt = new Map(records.users.map((u) => [s(u.user), u] as const));
  const typeOf = (ext: string) => targetTypeOf(byExt.get(ext));
  const out: DoctorFinding[] = [];
  for (const u of records.users) {
    const ext = s(u.user);
    const rule = records.defaultRules.get(ext);
    out.push(...spamFindings(`user ${ext}`, rule, profile));
    if (isSystemUser(u)) out.push(...ringGroupFindings(u, rule, profile, typeOf));
    const scope = s(u['user-scope']);
    if (scope !== '' && !(USER_SCOPES as readonly string[]).includes(scope))
      out.push({
        object: `user ${ext}`,
        field: 'user-scope',
        value: scope,
        problem: 'a user scope outside the spec’s list',
        suggestion: `map the portal label in platform.scope_labels if "${scope}" is one`,
      });
  }
  out.push(...deviceFindings(records.devices, new Set(byExt.keys())));
  return out;
}

export { DOCTOR_HINT };
