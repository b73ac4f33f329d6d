/**
 * The doctor's record of what it saw (`--out doctor.json`), so the emulator can be made more faithful:
 * the SHAPE of every record — field names, codes, scopes, flags, and the answer-rule parameters with every
 * digit replaced by `N` — and nothing that identifies a person or opens an account. Names, e-mails, phone
 * numbers, PINs, passwords, MACs and free text are dropped; extensions become stable placeholders.
 */
import type { PlatformRecord } from '../platform/client';
import { isSystemUser } from '../platform/codec';
import type { DoctorFinding, DomainRecords } from './inspect';

export interface DoctorRecord {
  readonly apiversion?: string;
  readonly users: readonly Record<string, unknown>[];
  readonly answer_rules: readonly Record<string, unknown>[];
  readonly devices: readonly Record<string, unknown>[];
  readonly contacts: readonly Record<string, unknown>[];
  readonly findings: readonly { field: string; value: string; problem: string }[];
}

/** Values kept verbatim: codes and enums that describe the platform, not a person. */
const KEEP = new Set(['service-code', 'user-scope', 'time-frame', 'device-models-model', 'dial-plan', 'enabled']);

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** Digits → N, letters of anything that is not a known marker → x (`vmail_1001` → `vmail_NNNN`). */
export function scrub(value: string): string {
  if (/^(user|vmail|queue|aa)_/.test(value) || /^[<[].*[>\]]$/.test(value)) return value.replace(/\d/g, 'N');
  return value.replace(/\d/g, 'N').replace(/[A-Za-z@.]/g, 'x');
}

function shapeOf(record: PlatformRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (KEEP.has(k)) out[k] = v;
    else if (typeof v === 'boolean') out[k] = v;
    else if (v === 'yes' || v === 'no') out[k] = v;
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = blockShape(v as Record<string, unknown>);
    else out[k] = typeof v;
  }
  return out;
}

function blockShape(b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) {
    if (k === 'parameters' && Array.isArray(v)) out[k] = v.map((p) => scrub(String(p)));
    else if (typeof v === 'string' && /^(yes|no)$/.test(v)) out[k] = v;
    else out[k] = typeof v;
  }
  return out;
}

export function recordOf(
  records: DomainRecords,
  findings: readonly DoctorFinding[],
  apiVersion: string | undefined,
): DoctorRecord {
  const alias = new Map(records.users.map((u, i) => [s(u.user), `${isSystemUser(u) ? 'S' : 'U'}${i + 1}`] as const));
  const who = (ext: unknown) => alias.get(s(ext)) ?? 'other';
  return {
    ...(apiVersion !== undefined ? { apiversion: apiVersion } : {}),
    users: records.users.map((u) => ({ ...shapeOf(u), user: who(u.user) })),
    answer_rules: [...records.defaultRules].map(([ext, r]) => ({ ...shapeOf(r), user: who(ext) })),
    devices: records.devices.map((d) => ({
      ...shapeOf(d),
      user: who(d.user),
      device: s(d.device) === s(d.user) ? '<extension>' : scrub(s(d.device)),
    })),
    contacts: records.contacts.map(shapeOf),
    findings: findings.map((f) => ({ field: f.field, value: scrub(f.value), problem: f.problem })),
  };
}
