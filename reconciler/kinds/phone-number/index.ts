/**
 * The `phone_number` kind: the routing of a number already in the domain's inventory
 * (`/domains/{d}/phonenumbers`, docs/reference/netsapiens-api.md "Phone numbers"). pbxctl never buys or releases a
 * number: create, delete and prune are absent, so a number the file does not mention is reported as
 * unmanaged and never touched, and a number missing from the inventory is a "cannot create" line.
 * The destination is a `routes_to` reference to an extension (RELATIONS in kind.ts).
 */
import { mayBeRingGroup } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import {
  absent,
  ANY_EXTENSION,
  type ApplyContext,
  type ChangeTarget,
  type Comparable,
  type ComparableValue,
  type Kind,
  type LiveObject,
  type ReadContext,
  profileOf,
  type Reference,
  SUPPORTED,
} from '../kind';
import { normalizeNumber, str } from '../normalize';
import { domainPhoneNumbers, domainUsers } from '../domain-reads';
import { livePhoneNumberComparable, type PhoneNumberSpec, phoneNumberComparable, routingBody } from './codec';
import { PHONE_NUMBER_FIELDS } from './fields';
import { phoneNumberImpact } from './impact';

export type { PhoneNumberSpec } from './codec';

export interface PhoneNumberPlatform {
  readonly record: PlatformRecord;
  /** The destination is a ring group (export writes `ring_group:` rather than `user:`). */
  readonly toRingGroup: boolean;
  /** The destination is an auto attendant (export writes `auto_attendant:`). */
  readonly toAttendant?: boolean;
}

const NEVER_BUYS = 'pbxctl never buys numbers: add the number to the domain inventory first';
const NEVER_RELEASES = 'pbxctl never releases numbers from the domain inventory';

async function readNumbers(ctx: ReadContext): Promise<LiveObject<PhoneNumberPlatform>[]> {
  const [numbers, users] = await Promise.all([domainPhoneNumbers(ctx), domainUsers(ctx)]);
  const groups = new Set(
    users.filter((u) => mayBeRingGroup(u, profileOf(ctx).ringGroupServiceCode)).map((u) => str(u.user)),
  );
  const attendants = new Set(users.filter((u) => u['service-code'] === 'system-aa').map((u) => str(u.user)));
  return numbers.map((r) => {
    const to = str(r['dial-rule-translation-destination-user']);
    return {
      kind: 'phone_number',
      domain: ctx.domain,
      key: str(r.phonenumber),
      comparable: livePhoneNumberComparable(r),
      platform: { record: r, toRingGroup: groups.has(to), toAttendant: attendants.has(to) },
    };
  });
}

/** With the entry's `spec`, the reference names its field (`destination.ring_group`). */
function references(key: string, content: Comparable, spec?: PhoneNumberSpec): Reference[] {
  const d = (content.destination ?? {}) as Record<string, ComparableValue>;
  const target = d.extension ?? d.voicemail ?? d.call_queue;
  if (target === undefined) return [];
  // The word the file wrote, in the order `comparableDestination` reads them.
  const words = ['user', 'ring_group', 'auto_attendant', 'voicemail', 'call_queue'] as const;
  const word = spec?.destination ? words.find((w) => spec.destination[w] !== undefined) : undefined;
  return [
    {
      from: `phone number ${key}`,
      source: { kind: 'phone_number', key },
      relation: 'routes_to',
      kind: ANY_EXTENSION,
      key: str(target),
      ...(spec ? { field: word ? `destination.${word}` : 'destination' } : {}),
    },
  ];
}

async function updateNumber(ctx: ApplyContext, target: ChangeTarget<PhoneNumberSpec, PhoneNumberPlatform>) {
  const merged = { ...target.live!.comparable, ...target.desired!.comparable };
  await ctx.client.updatePhoneNumber(ctx.domain, target.key, routingBody(merged, ctx.domain));
}

function exportNumber(live: LiveObject<PhoneNumberPlatform>): PhoneNumberSpec {
  const c = live.comparable;
  const d = (c.destination ?? {}) as Record<string, ComparableValue>;
  let destination: PhoneNumberSpec['destination'] = {};
  if (d.extension !== undefined) {
    const word = live.platform.toRingGroup ? 'ring_group' : live.platform.toAttendant ? 'auto_attendant' : 'user';
    destination = { [word]: str(d.extension) };
  } else if (d.voicemail !== undefined) destination = { voicemail: str(d.voicemail) };
  else if (d.call_queue !== undefined) destination = { call_queue: str(d.call_queue) };
  else if (d.hangup === true) destination = { hangup: true };
  const spec: PhoneNumberSpec = { number: `+${str(c.number)}`, destination };
  if (str(c.caller_name_prefix) !== '') spec.caller_name_prefix = str(c.caller_name_prefix);
  if (c.enabled === false) spec.enabled = false;
  return spec;
}

const cannot = (reason: string) => async (): Promise<void> => {
  throw new Error(reason);
};

export const phoneNumberKind: Kind<PhoneNumberSpec, PhoneNumberPlatform> = {
  name: 'phone_number',
  section: 'phone_numbers',
  shape: 'list',
  title: 'Phone number',
  description:
    'Routing of a number already in the domain inventory (user, ring group, auto attendant, voicemail, call queue or hang-up); pbxctl never buys or releases numbers.',
  fields: PHONE_NUMBER_FIELDS,
  // After the users and ring groups a number is routed to.
  order: 50,
  identity: { keyField: 'number', keyIsPii: true, ownsExtension: false },
  capabilities: {
    create: absent(NEVER_BUYS),
    update: SUPPORTED,
    delete: absent(NEVER_RELEASES),
    prune: absent(NEVER_RELEASES),
    recycle: absent('a number is identified by itself'),
  },
  key: (spec) => normalizeNumber(str(spec.number)),
  label: (key, content) => {
    const d = (content?.destination ?? {}) as Record<string, ComparableValue>;
    const to = Object.entries(d)[0];
    return to ? `${key} (→ ${to[0] === 'extension' ? str(to[1]) : `${to[0]} ${str(to[1])}`})` : key;
  },
  toComparable: (spec) => phoneNumberComparable(spec),
  references,
  impact: phoneNumberImpact,

  read: readNumbers,
  readOne: async (ctx, key) => (await readNumbers(ctx)).find((o) => o.key === key),
  export: exportNumber,

  create: cannot(NEVER_BUYS),
  update: updateNumber,
  delete: cannot(NEVER_RELEASES),
};
