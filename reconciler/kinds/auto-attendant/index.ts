/**
 * The `auto_attendant` kind: the portal's Auto Attendant — a menu (key → destination, no-input and
 * invalid-key handling) served by a system user (`system-aa`) in one time frame (
 * docs/reference/netsapiens-api.md §13). Keyed by extension; when the platform has several menus at one extension (one
 * per time frame), the one in the file's time frame (else `*`, else the first) is managed and the others are
 * left alone until the attendant is deleted. Menu destinations and the time frame are `fallback`
 * references (they must exist and are applied first). Greetings are referenced by name; audio is out of
 * scope. Content: spec.ts; writes: apply.ts.
 */
import { getAutoAttendant, listAutoAttendants } from '../../platform/callcenter';
import { mayBeRingGroup } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { mapBounded } from '../../util/map-bounded';
import {
  absent,
  type Comparable,
  type Kind,
  type LiveObject,
  profileOf,
  type ReadContext,
  type Reference,
  SUPPORTED,
} from '../kind';
import { str } from '../normalize';
import { numbersByDestination, routedNumberReferences } from '../phone-number-refs';
import { domainPhoneNumbers, domainUsers } from '../domain-reads';
import { destinationReference, exportDestination, extensionKinds } from '../call-queue/destination';
import { createAttendant, deleteAttendant, updateAttendant } from './apply';
import { AUTO_ATTENDANT_FIELDS } from './fields';
import { autoAttendantImpact } from './impact';
import {
  ALWAYS,
  type AutoAttendantPlatform,
  type AutoAttendantSpec,
  checkAttendant,
  liveComparable,
  type OptionContent,
  toComparable,
} from './spec';

export type { AutoAttendantPlatform, AutoAttendantSpec } from './spec';

/**
 * With the entry's `spec`, each reference names its field (`options[1].destination.user`, `time_frame`).
 * `no_input` and `invalid` name a key of this menu, not a target: `checkAttendant` checks them.
 */
function references(key: string, content: Comparable, spec?: AutoAttendantSpec): Reference[] {
  const source = { kind: 'auto_attendant', key };
  const from = `auto_attendant ${key}`;
  const out: Reference[] = [];
  for (const o of Array.isArray(content.options) ? (content.options as unknown as OptionContent[]) : [])
    out.push(
      ...destinationReference(source, 'fallback', o.destination, optionField(spec, o.digit)).filter(
        (r) => r.key !== key,
      ),
    );
  const tf = str(content.time_frame);
  if (tf !== '' && tf !== ALWAYS)
    out.push({
      from,
      source,
      relation: 'fallback',
      kind: 'time_frame',
      key: tf,
      ...(spec ? { field: 'time_frame' } : {}),
    });
  out.push(...routedNumberReferences(key, content));
  return out;
}

/** Where the file writes the option for this key (the comparable sorts options in keypad order). */
function optionField(spec: AutoAttendantSpec | undefined, digit: string) {
  if (!spec) return undefined;
  const i = (spec.options ?? []).findIndex((o) => str(o?.digit).trim() === digit);
  return i < 0 ? undefined : { at: `options[${i}].destination`, spec: spec.options?.[i]?.destination };
}

/** The record pbxctl manages among an extension's menus. */
function pick(records: readonly PlatformRecord[], timeFrame: string | undefined): PlatformRecord | undefined {
  return (
    records.find((r) => timeFrame !== undefined && (str(r['time-frame']) || ALWAYS) === timeFrame) ??
    records.find((r) => (str(r['time-frame']) || ALWAYS) === ALWAYS) ??
    records[0]
  );
}

async function readAttendants(ctx: ReadContext, summaries: readonly PlatformRecord[]) {
  const [users, numbers] = await Promise.all([domainUsers(ctx), domainPhoneNumbers(ctx)]);
  const code = profileOf(ctx).ringGroupServiceCode;
  const kinds = extensionKinds(users, (u) => mayBeRingGroup(u, code));
  const numbersOf = numbersByDestination(numbers);
  const byUser = new Map<string, PlatformRecord[]>();
  for (const s of summaries) byUser.set(str(s.user), [...(byUser.get(str(s.user)) ?? []), s]);
  const field = profileOf(ctx).attendantGreetingField;
  // The list has no menus: each managed menu is read on its own.
  const read = await mapBounded([...byUser], ctx.concurrency, async ([key, records]) => {
    const want = ctx.desired?.get(key)?.comparable.time_frame;
    const chosen = pick(records, typeof want === 'string' ? want : undefined)!;
    const prompt = str(chosen['starting-prompt']);
    const record = (await getAutoAttendant(ctx.client, ctx.domain, key, prompt)) ?? chosen;
    const platform: AutoAttendantPlatform = {
      record: { ...record, 'starting-prompt': str(record['starting-prompt']) || prompt },
      prompts: records.map((r) => str(r['starting-prompt'])),
      phoneNumbers: numbersOf.get(key) ?? [],
      kinds,
    };
    const comparable = { ...liveComparable(platform.record, field), phone_numbers: [...platform.phoneNumbers].sort() };
    const live: LiveObject<AutoAttendantPlatform> = {
      kind: 'auto_attendant',
      domain: ctx.domain,
      key,
      comparable,
      platform,
    };
    return live;
  });
  return read;
}

function exportAttendant(live: LiveObject<AutoAttendantPlatform>): AutoAttendantSpec {
  const c = live.comparable;
  const spec: AutoAttendantSpec = { extension: live.key, name: str(c.name) };
  if (str(c.time_frame) !== '' && c.time_frame !== ALWAYS) spec.time_frame = str(c.time_frame);
  if (str(c.greeting) !== '') spec.greeting = str(c.greeting);
  const options = (Array.isArray(c.options) ? (c.options as unknown as OptionContent[]) : []).flatMap((o) => {
    const destination = exportDestination(o.destination, live.platform.kinds);
    return destination ? [{ digit: o.digit, destination }] : [];
  });
  if (options.length > 0) spec.options = options;
  if (str(c.no_input) !== 'repeat') spec.no_input = str(c.no_input);
  if (str(c.invalid) !== 'repeat') spec.invalid = str(c.invalid);
  return spec;
}

export const autoAttendantKind: Kind<AutoAttendantSpec, AutoAttendantPlatform> = {
  name: 'auto_attendant',
  section: 'auto_attendants',
  shape: 'list',
  title: 'Auto attendant',
  description:
    'An auto attendant: a menu (key → user, ring group, queue, attendant or voicemail) with no-input and invalid-key handling, serving one time frame.',
  fields: AUTO_ATTENDANT_FIELDS,
  // After everything a menu can send callers to; before the phone numbers routed to it.
  order: 30,
  identity: { keyField: 'extension', keyIsPii: false, ownsExtension: true },
  capabilities: {
    create: SUPPORTED,
    update: SUPPORTED,
    delete: SUPPORTED,
    prune: SUPPORTED,
    recycle: absent('an auto attendant holds no person: a new name is an update'),
  },
  key: (spec) => String(spec.extension).trim(),
  label: (key, content) =>
    typeof content?.name === 'string' && content.name !== '' ? `${key} (${content.name})` : key,
  toComparable: (spec) => toComparable(spec),
  checkEntry: checkAttendant,
  references,
  impact: autoAttendantImpact,

  read: async (ctx) => readAttendants(ctx, await listAutoAttendants(ctx.client, ctx.domain)),
  async readOne(ctx, key) {
    const all = (await listAutoAttendants(ctx.client, ctx.domain)).filter((a) => str(a.user) === key);
    return all.length > 0 ? (await readAttendants(ctx, all))[0] : undefined;
  },
  export: exportAttendant,

  create: createAttendant,
  update: updateAttendant,
  delete: deleteAttendant,
};
