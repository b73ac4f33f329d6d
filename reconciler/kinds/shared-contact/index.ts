/**
 * The `shared_contact` kind: an entry of the domain-wide directory (`/domains/{d}/contacts`,
 * docs/reference/netsapiens-api.md §7). The platform's id is a server-generated `unique-id`, which a file cannot know,
 * so identity is what a person reads: first name + last name + company, compared case-insensitively.
 * The `unique-id` rides along in the platform record for update and delete; it is never compared or
 * exported.
 */
import { decodeContactTags, encodeContactTags } from '../../platform/codec';
import type { PlatformRecord } from '../../platform/client';
import { compareKeys } from '../../util/compare-keys';
import {
  absent,
  type ApplyContext,
  type ChangeTarget,
  type Comparable,
  type ComparableValue,
  type Kind,
  type LiveObject,
  type ReadContext,
  SUPPORTED,
} from '../kind';
import { normalizeEmail, normalizeNumber, str } from '../normalize';
import { CONTACT_PHONE_SLOTS, type ContactPhoneSlot, SHARED_CONTACT_FIELDS } from './fields';

export interface SharedContactSpec {
  first_name: string;
  last_name?: string;
  company?: string;
  email?: string;
  phones?: Partial<Record<ContactPhoneSlot, string>>;
  tags?: string[];
}

export interface SharedContactPlatform {
  readonly contact: PlatformRecord;
  /** `unique-id`, the `{contact_id}` of PUT/DELETE (UNCONFIRMED that they are the same, 2026-11-23). */
  readonly id: string;
}

const clean = (v: unknown): string => str(v).trim().replace(/\s+/g, ' ');

/** `First Last @ Company`; without a company just the name, without a name `@ Company`. */
function displayName(first: unknown, last: unknown, company: unknown): string {
  const name = [clean(first), clean(last)].filter((s) => s !== '').join(' ');
  const co = clean(company);
  return co === '' ? name : name === '' ? `@ ${co}` : `${name} @ ${co}`;
}

/**
 * The key: the display name lowercased with whitespace collapsed — readable in plans, stable under the
 * case and spacing fixes people make, and the same whether built from YAML or from a platform record.
 */
export function contactKey(first: unknown, last: unknown, company: unknown): string {
  return displayName(first, last, company).toLowerCase();
}

function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => clean(t)).filter((t) => t !== ''))].sort();
}

function toComparable(spec: SharedContactSpec): Comparable {
  // The identity fields are always managed: leaving one out of the file means "empty", as in the key.
  const out: Record<string, ComparableValue> = {
    first_name: clean(spec.first_name),
    last_name: clean(spec.last_name),
    company: clean(spec.company),
  };
  if (spec.email !== undefined) out.email = normalizeEmail(spec.email);
  if (spec.phones !== undefined) {
    const phones: Record<string, string> = {};
    for (const slot of CONTACT_PHONE_SLOTS) {
      const v = spec.phones[slot];
      if (v !== undefined) phones[slot] = str(v).trim() === '' ? '' : normalizeNumber(str(v));
    }
    out.phones = phones;
  }
  if (spec.tags !== undefined) out.tags = normalizeTags(spec.tags);
  return out;
}

export function liveComparable(c: PlatformRecord): Comparable {
  const phones: Record<string, string> = {};
  for (const slot of CONTACT_PHONE_SLOTS) {
    const v = str(c[`phonenumber-${slot}`]).trim();
    phones[slot] = v === '' ? '' : normalizeNumber(v);
  }
  return {
    first_name: clean(c['name-first-name']),
    last_name: clean(c['name-last-name']),
    company: clean(c.company),
    email: normalizeEmail(str(c.email)),
    phones,
    tags: normalizeTags(decodeContactTags(c.tags)),
  };
}

/**
 * The full platform body. The spec marks every name and phone field required on POST and PUT, and an
 * empty string on PUT clears a field, so fields the file leaves out carry the live value (or '' on create).
 */
function contactBody(spec: SharedContactSpec, live: PlatformRecord | undefined): PlatformRecord {
  const keep = (field: string): string => (live ? str(live[field]) : '');
  const body: PlatformRecord = {
    'name-first-name': clean(spec.first_name),
    'name-middle-name': keep('name-middle-name'),
    'name-last-name': clean(spec.last_name),
    company: clean(spec.company),
    email: spec.email !== undefined ? normalizeEmail(spec.email) : keep('email'),
    tags: spec.tags !== undefined ? encodeContactTags(normalizeTags(spec.tags)) : keep('tags'),
  };
  for (const slot of CONTACT_PHONE_SLOTS) {
    const v = spec.phones?.[slot];
    body[`phonenumber-${slot}`] =
      v === undefined ? keep(`phonenumber-${slot}`) : str(v).trim() === '' ? '' : normalizeNumber(str(v));
  }
  return body;
}

/** The platform's contacts with this key (by name and company), oldest first. */
async function contactsNamed(ctx: ApplyContext, key: string): Promise<PlatformRecord[]> {
  const all = await ctx.client.listContacts(ctx.domain);
  return all.filter((c) => contactKey(c['name-first-name'], c['name-last-name'], c.company) === key);
}

/**
 * A contact has no platform key, so a create is guarded by content (issue 13 #4): it re-reads the directory
 * first (another apply, or a create of ours whose answer was lost, may have made it since the plan) and
 * updates that entry instead; and a create that got no answer is re-sent only when a re-read by name shows
 * it did not land. A failed re-read fails the create (unknown), it never creates blind.
 */
async function createContact(
  ctx: ApplyContext,
  target: ChangeTarget<SharedContactSpec, SharedContactPlatform>,
): Promise<void> {
  const spec = target.desired!.spec;
  const [existing] = await contactsNamed(ctx, target.key);
  if (existing) {
    await ctx.client.updateContact(ctx.domain, str(existing['unique-id']), contactBody(spec, existing));
    return;
  }
  const landed = async () => (await contactsNamed(ctx, target.key)).length > 0;
  await ctx.client.createContact(ctx.domain, contactBody(spec, undefined), { landed });
}

async function updateContact(
  ctx: ApplyContext,
  target: ChangeTarget<SharedContactSpec, SharedContactPlatform>,
): Promise<void> {
  const live = target.live!;
  await ctx.client.updateContact(
    ctx.domain,
    live.platform.id,
    contactBody(target.desired!.spec, live.platform.contact),
  );
}

async function deleteContact(
  ctx: ApplyContext,
  target: ChangeTarget<SharedContactSpec, SharedContactPlatform>,
): Promise<void> {
  await ctx.client.deleteContact(ctx.domain, target.live!.platform.id);
}

/**
 * The directory list has no `/count` in the spec (and no paging), so a short or empty page cannot be
 * detected here (issue 13 #5). What keeps it from duplicating: every create re-reads the directory by name
 * before writing (createContact). A server that answers `200 []` to every read would still get creates;
 * that limit is documented in bench/README.md (chaos) and no apply duplicates through a one-off bad page.
 */
async function readContacts(ctx: ReadContext): Promise<LiveObject<SharedContactPlatform>[]> {
  const contacts = await ctx.client.listContacts(ctx.domain);
  // The platform allows duplicates (same name and company). The oldest keeps the plain key; later ones
  // get `#2`, `#3`… so they show up as unmanaged (or are pruned) instead of silently shadowing it.
  const sorted = [...contacts].sort(
    (a, b) =>
      str(a['created-datetime']).localeCompare(str(b['created-datetime'])) ||
      compareKeys(str(a['unique-id']), str(b['unique-id'])),
  );
  const seen = new Map<string, number>();
  return sorted.map((c) => {
    const base = contactKey(c['name-first-name'], c['name-last-name'], c.company);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const live: LiveObject<SharedContactPlatform> = {
      kind: 'shared_contact',
      domain: ctx.domain,
      key: n === 1 ? base : `${base} #${n}`,
      comparable: liveComparable(c),
      platform: { contact: c, id: str(c['unique-id']) },
    };
    return live;
  });
}

export const sharedContactKind: Kind<SharedContactSpec, SharedContactPlatform> = {
  name: 'shared_contact',
  section: 'shared_contacts',
  shape: 'list',
  title: 'Shared contact',
  description: 'An entry of the domain-wide contact directory, identified by name and company.',
  fields: SHARED_CONTACT_FIELDS,
  // Points at nothing and nothing points at it.
  order: 40,
  identity: { keyIsPii: true, ownsExtension: false },
  capabilities: {
    create: SUPPORTED,
    update: SUPPORTED,
    delete: SUPPORTED,
    prune: SUPPORTED,
    recycle: absent('a directory entry is identified by its name: another name is another entry'),
  },
  key: (spec) => contactKey(spec.first_name, spec.last_name, spec.company),
  label(key, content) {
    if (!content) return key;
    // The key's words in the case people wrote them, keeping a duplicate's `#n`.
    const suffix = / #\d+$/.exec(key)?.[0] ?? '';
    const name = displayName(content.first_name, content.last_name, content.company);
    return name === '' ? key : `${name}${suffix}`;
  },
  toComparable: (spec) => toComparable(spec),
  references: () => [],

  read: readContacts,
  // The directory has no read by name (the platform's id is server-generated): one list, then the key.
  readOne: async (ctx, key) => (await readContacts(ctx)).find((o) => o.key === key),

  export(live) {
    const c = live.comparable;
    const spec: SharedContactSpec = { first_name: str(c.first_name) };
    if (str(c.last_name) !== '') spec.last_name = str(c.last_name);
    if (str(c.company) !== '') spec.company = str(c.company);
    if (str(c.email) !== '') spec.email = str(c.email);
    const phones = (c.phones ?? {}) as Record<string, string>;
    const set = CONTACT_PHONE_SLOTS.filter((slot) => (phones[slot] ?? '') !== '');
    if (set.length > 0) spec.phones = Object.fromEntries(set.map((slot) => [slot, phones[slot] as string]));
    if (Array.isArray(c.tags) && c.tags.length > 0) spec.tags = [...(c.tags as string[])];
    return spec;
  },

  create: createContact,
  update: updateContact,
  delete: deleteContact,
};
