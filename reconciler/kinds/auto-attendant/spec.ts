/**
 * The `auto_attendant` kind's content: YAML/Terraform shape ↔ the platform's AutoAttendant record (OAS45
 * "Auto Attendant": `attendant-name`, `user`, `time-frame`, `starting-prompt`, and the menu
 * `auto-attendant`, an AutoAttendantTier). PURE.
 *
 * The menu keys are `option-1` … `option-0`, `option-*`, each `{ destination-application,
 * destination-user }` (the spec's examples: `to-user`, `to-callqueue`); no-input and invalid-key handling
 * are `no-key-press` / `unassigned-key-press`, one of `repeat`, `hangup` or `option-<key>` — the platform
 * can only send those callers to a menu option, so the file names a digit. Options that open a sub-menu
 * (a nested tier) are not managed: they are left out of the content and kept on every write.
 */
import type { PlatformRecord } from '../../platform/client';
import type { Comparable, ComparableValue, EntryIssue } from '../kind';
import { str } from '../normalize';
import {
  type DestinationContent,
  type DestinationSpec,
  decodeOption,
  destinationContent,
  encodeOption,
  type ExtensionKinds,
} from '../call-queue/destination';
import { DIGITS } from './fields';

export interface AutoAttendantOptionSpec {
  digit: string;
  destination: DestinationSpec;
}

export interface AutoAttendantSpec {
  extension: string;
  name: string;
  time_frame?: string;
  greeting?: string;
  options?: AutoAttendantOptionSpec[];
  no_input?: string;
  invalid?: string;
}

export interface AutoAttendantPlatform {
  /** The attendant record pbxctl manages (with its menu), `starting-prompt` included. */
  readonly record: PlatformRecord;
  /** Every attendant record of the extension (one per time frame); delete removes them all. */
  readonly prompts: readonly string[];
  readonly phoneNumbers: readonly string[];
  readonly kinds: ExtensionKinds;
}

export interface OptionContent {
  readonly digit: string;
  readonly destination: DestinationContent;
}

/** The time frame an attendant serves when none is named. */
export const ALWAYS = '*';

const digitOrder = (d: string) => DIGITS.indexOf(d as (typeof DIGITS)[number]);

export function normalizeOptions(options: AutoAttendantSpec['options']): OptionContent[] {
  return (options ?? [])
    .map((o) => ({ digit: str(o.digit).trim(), destination: destinationContent(o.destination) ?? {} }))
    .sort((a, b) => digitOrder(a.digit) - digitOrder(b.digit));
}

export function toComparable(spec: AutoAttendantSpec): Comparable {
  const out: Record<string, ComparableValue> = {};
  if (spec.name !== undefined) out.name = str(spec.name).trim();
  if (spec.time_frame !== undefined) out.time_frame = str(spec.time_frame).trim() || ALWAYS;
  if (spec.greeting !== undefined) out.greeting = str(spec.greeting).trim();
  if (spec.options !== undefined) out.options = normalizeOptions(spec.options) as unknown as ComparableValue;
  if (spec.no_input !== undefined) out.no_input = str(spec.no_input);
  if (spec.invalid !== undefined) out.invalid = str(spec.invalid);
  return out;
}

/** The rules the schema cannot say: one option per key; no_input/invalid name a key of the menu. */
export function checkAttendant(spec: AutoAttendantSpec): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const seen = new Set<string>();
  (spec.options ?? []).forEach((o, i) => {
    const digit = str(o?.digit);
    if (seen.has(digit))
      issues.push({
        path: ['options', i, 'digit'],
        message: `key ${digit} is on the menu twice`,
        hint: 'give each key one destination',
      });
    seen.add(digit);
    if (o?.digit !== undefined && !destinationContent(o.destination ?? undefined))
      issues.push({
        path: ['options', i, 'destination'],
        message: `key ${digit} has no destination`,
        hint: 'name one of: user, ring_group, auto_attendant, call_queue, voicemail',
      });
  });
  for (const field of ['no_input', 'invalid'] as const) {
    const v = spec[field];
    if (v === undefined || v === 'repeat' || v === 'hangup' || seen.has(str(v))) continue;
    issues.push({
      path: [field],
      message: `${field}: "${str(v)}" is not a key of this menu`,
      hint: `the platform sends these callers to a menu option: add an option for key ${str(v)}, or use repeat or hangup`,
    });
  }
  return issues;
}

// ---- Platform ----------------------------------------------------------------------------------------------

function failOf(v: unknown): string {
  const s = str(v);
  if (s === '') return 'repeat'; // AutoAttendantFailOptions' default
  const m = /^option-(.)$/.exec(s);
  return m ? (m[1] as string) : s;
}

function failValue(v: ComparableValue | undefined): string {
  const s = str(v);
  return s === 'repeat' || s === 'hangup' ? s : `option-${s}`;
}

/** Options pbxctl manages: a destination, not a sub-menu. */
function liveOptions(tier: PlatformRecord): OptionContent[] {
  const out: OptionContent[] = [];
  for (const digit of DIGITS) {
    const o = tier[`option-${digit}`] as PlatformRecord | undefined;
    if (!o || typeof o !== 'object' || o['auto-attendant'] !== undefined) continue;
    out.push({ digit, destination: decodeOption(o) });
  }
  return out;
}

export function liveComparable(record: PlatformRecord, greetingField: string): Comparable {
  const tier = (record['auto-attendant'] ?? {}) as PlatformRecord;
  return {
    name: str(record['attendant-name']).trim(),
    time_frame: str(record['time-frame']) || ALWAYS,
    greeting: str(tier[greetingField]).trim(),
    options: liveOptions(tier) as unknown as ComparableValue,
    no_input: failOf(tier['no-key-press']),
    invalid: failOf(tier['unassigned-key-press']),
  };
}

/**
 * The menu to write from merged content: managed options replaced (removed ones sent with `remove: yes`,
 * the spec's way to drop an option from a menu), sub-menus and unmanaged keys of `existing` kept.
 */
export function tierBody(
  content: Comparable,
  existing: PlatformRecord | undefined,
  greetingField: string,
): PlatformRecord {
  const tier: PlatformRecord = { ...(existing ?? {}) };
  const options = (content.options ?? []) as unknown as OptionContent[];
  for (const digit of DIGITS) {
    const key = `option-${digit}`;
    const want = options.find((o) => o.digit === digit);
    const have = tier[key] as PlatformRecord | undefined;
    if (want) tier[key] = { description: `Press ${digit}`, ...encodeOption(want.destination) };
    else if (have && have['auto-attendant'] === undefined) tier[key] = { remove: 'yes' };
  }
  if (content.no_input !== undefined) tier['no-key-press'] = failValue(content.no_input);
  if (content.invalid !== undefined) tier['unassigned-key-press'] = failValue(content.invalid);
  if (content.greeting !== undefined) tier[greetingField] = str(content.greeting);
  delete tier.audio;
  return tier;
}
