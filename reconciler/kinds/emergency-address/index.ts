/**
 * The `emergency_address` kind: a domain emergency (E911) address (`/domains/{d}/addresses`,
 * docs/reference/netsapiens-api.md §11), keyed by its name. The portal's flow is validate → create → assign
 * (docs/reference/platform-evidence.md §7): the carrier validates the address (`…/addresses/validate`, which
 * answers the `emergency-address-id` and the PIDF-LO), the address is created with them, and users and
 * sites are assigned it by setting their `emergency-address-id` — which they do by name in the files
 * (`emergency_address: HQ`), so addresses are created before them and deleted after them, and never deleted
 * while anything still uses them (RELATIONS.emergency_address). The id rides in the platform record.
 */
import type { PlatformRecord } from '../../platform/client';
import { createAddress, deleteAddress, updateAddress, validateAddress } from '../../platform/locations';
import {
  absent,
  type ApplyContext,
  type ChangeTarget,
  type Kind,
  type LiveObject,
  profileOf,
  type ReadContext,
  SUPPORTED,
} from '../kind';
import { str } from '../normalize';
import { addressKeys } from '../placement';
import { domainAddresses } from '../domain-reads';
import {
  addressBody,
  addressComparable,
  type EmergencyAddressSpec,
  liveAddressComparable,
  townOf,
  validatedFields,
} from './codec';
import { DEFAULT_COUNTRY, EMERGENCY_ADDRESS_FIELDS } from './fields';
import { addressImpact } from './impact';

export type { EmergencyAddressSpec } from './codec';

export interface EmergencyAddressPlatform {
  readonly record: PlatformRecord;
  /** `emergency-address-id`: the `{id}` of PUT/DELETE and what users and sites store. */
  readonly id: string;
}

/** Records sharing a name are told apart as `name #2`, `#3` (the planner reports them as duplicates). */
async function readAddresses(ctx: ReadContext): Promise<LiveObject<EmergencyAddressPlatform>[]> {
  return addressKeys(await domainAddresses(ctx)).map(({ record, key }) => ({
    kind: 'emergency_address',
    domain: ctx.domain,
    key,
    comparable: liveAddressComparable(record),
    platform: { record, id: str(record['emergency-address-id']) },
  }));
}

type Target = ChangeTarget<EmergencyAddressSpec, EmergencyAddressPlatform>;

async function createEmergencyAddress(ctx: ApplyContext, target: Target): Promise<void> {
  const body = addressBody(target.desired!.comparable);
  const validated = await validateAddress(ctx.client, ctx.domain, body);
  const { id, fields } = validatedFields(validated, profileOf(ctx));
  await createAddress(ctx.client, ctx.domain, { 'emergency-address-id': id, ...body, ...fields });
}

/** The PUT wants the whole record: unmanaged fields carry over; the new location is validated first. */
async function updateEmergencyAddress(ctx: ApplyContext, target: Target): Promise<void> {
  const live = target.live!;
  const body = addressBody({ ...live.comparable, ...target.desired!.comparable });
  const validated = await validateAddress(ctx.client, ctx.domain, body);
  await updateAddress(ctx.client, ctx.domain, live.platform.id, {
    ...body,
    ...validatedFields(validated, profileOf(ctx)).fields,
  });
}

async function deleteEmergencyAddress(ctx: ApplyContext, target: Target): Promise<void> {
  await deleteAddress(ctx.client, ctx.domain, target.live!.platform.id);
}

function exportAddress(live: LiveObject<EmergencyAddressPlatform>): EmergencyAddressSpec {
  const c = live.comparable;
  const spec: EmergencyAddressSpec = {
    name: live.key,
    caller_name: str(c.caller_name),
    line1: str(c.line1),
    city: str(c.city),
    state: str(c.state),
    postal_code: str(c.postal_code),
  };
  for (const field of ['line2', 'location'] as const) if (str(c[field]) !== '') spec[field] = str(c[field]);
  if (str(c.country) !== '' && str(c.country) !== DEFAULT_COUNTRY) spec.country = str(c.country);
  return spec;
}

export const emergencyAddressKind: Kind<EmergencyAddressSpec, EmergencyAddressPlatform> = {
  name: 'emergency_address',
  section: 'emergency_addresses',
  shape: 'list',
  title: 'Emergency address',
  description:
    'A domain emergency (E911) address, validated by the carrier; users and sites name it in `emergency_address`.',
  fields: EMERGENCY_ADDRESS_FIELDS,
  // Before the sites and users that name it; deleted after them.
  order: 3,
  identity: { keyField: 'name', keyIsPii: false, ownsExtension: false },
  capabilities: {
    create: SUPPORTED,
    update: SUPPORTED,
    delete: SUPPORTED,
    prune: SUPPORTED,
    recycle: absent('an emergency address is identified by its name: another name is another address'),
  },
  terraform: { dataSource: { keyField: 'name' } },
  key: (spec) => spec.name.replace(/\s+/g, ' ').trim(),
  label: (key, content) => (content?.city ? `${key} (${townOf(content)})` : key),
  toComparable: (spec) => addressComparable(spec),
  references: () => [],
  impact: addressImpact,

  read: readAddresses,
  // The spec has no single-address GET at the domain level: the list is the record.
  readOne: async (ctx, key) => (await readAddresses(ctx)).find((o) => o.key === key),
  export: exportAddress,

  create: createEmergencyAddress,
  update: updateEmergencyAddress,
  delete: deleteEmergencyAddress,
};
