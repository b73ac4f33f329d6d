/**
 * The `site` kind: a site of the domain (`/domains/{d}/sites`, docs/reference/netsapiens-api.md §10), keyed by
 * name; users are placed at it by name (`site: HQ`, RELATIONS.located_at), so sites are created first. The
 * API has no DELETE for sites (v45.0, 2.3.1): the capability says so, plans list a site missing from the
 * file as left alone with that reason, and Terraform forgets a destroyed site without touching it.
 * A site's emergency address is named like a user's (`emergency_address: HQ`).
 */
import { UsageError } from '../../errors';
import type { PlatformRecord } from '../../platform/client';
import { createSite, getSite, listSites, updateSite } from '../../platform/locations';
import {
  absent,
  type ApplyContext,
  type ChangeTarget,
  type Comparable,
  type Kind,
  type LiveObject,
  type ReadContext,
  SUPPORTED,
} from '../kind';
import { normalizeNumber, normalizeText, str } from '../normalize';
import {
  addressImpactLine,
  addressNameOf,
  addressNames,
  isAddressName,
  placementReferences,
  withAddressId,
} from '../placement';
import { SITE_FIELDS } from './fields';

export interface SiteSpec {
  name: string;
  time_zone?: string;
  area_code?: number;
  caller_id_name?: string;
  caller_id_number?: string;
  emergency_caller_id?: string;
  emergency_address?: string;
}

export interface SitePlatform {
  readonly record: PlatformRecord;
}

type Field = Exclude<keyof SiteSpec, 'name'>;
/** YAML field → the `Site` record's field, and how its values compare. */
const WIRE: ReadonlyArray<readonly [Field, string, 'text' | 'number' | 'int']> = [
  ['time_zone', 'time-zone', 'text'],
  ['area_code', 'area-code', 'int'],
  ['caller_id_name', 'caller-id-name', 'text'],
  ['caller_id_number', 'caller-id-number', 'number'],
  ['emergency_caller_id', 'caller-id-number-emergency', 'number'],
  ['emergency_address', 'emergency-address-id', 'text'],
];

function norm(how: 'text' | 'number' | 'int', value: unknown): string | number | null {
  if (how === 'int') return str(value) === '' || !Number.isFinite(Number(value)) ? null : Number(value);
  if (how === 'number') return str(value).trim() === '' ? '' : normalizeNumber(str(value));
  return normalizeText(value);
}

function siteComparable(spec: SiteSpec): Comparable {
  const out: Record<string, string | number | null> = { name: normalizeText(spec.name) };
  for (const [field, , how] of WIRE) if (spec[field] !== undefined) out[field] = norm(how, spec[field]);
  return out;
}

function liveSiteComparable(record: PlatformRecord, names: ReadonlyMap<string, string>): Comparable {
  const out: Record<string, string | number | null> = { name: normalizeText(record.site) };
  for (const [field, wire, how] of WIRE)
    out[field] = field === 'emergency_address' ? addressNameOf(names, record[wire]) : norm(how, record[wire]);
  return out;
}

async function readSites(ctx: ReadContext): Promise<LiveObject<SitePlatform>[]> {
  const [records, names] = await Promise.all([listSites(ctx.client, ctx.domain), addressNames(ctx)]);
  return records.map((record) => ({
    kind: 'site',
    domain: ctx.domain,
    key: normalizeText(record.site),
    comparable: liveSiteComparable(record, names),
    platform: { record },
  }));
}

/** The body for the fields given (all the spec sets when `only` is absent); the address by name, for now. */
function siteBody(c: Comparable, only?: ReadonlySet<string>): PlatformRecord {
  const body: PlatformRecord = {};
  for (const [field, wire] of WIRE) {
    if (c[field] === undefined || (only && !only.has(field))) continue;
    body[wire] = c[field] === null ? '' : c[field];
  }
  return body;
}

type Target = ChangeTarget<SiteSpec, SitePlatform>;

async function createSiteFrom(ctx: ApplyContext, target: Target): Promise<void> {
  const c = target.desired!.comparable;
  const body = await withAddressId(ctx, siteBody(c));
  await createSite(ctx.client, ctx.domain, { site: str(c.name), ...body });
}

async function updateSiteFrom(ctx: ApplyContext, target: Target): Promise<void> {
  // Send only the changed keys: on a PUT an empty string clears a field.
  const body = await withAddressId(ctx, siteBody(target.desired!.comparable, new Set(target.changedFields)));
  if (Object.keys(body).length > 0) await updateSite(ctx.client, ctx.domain, target.key, body);
}

const NO_DELETE = 'the NetSapiens API has no site delete (v45.0): remove the site in the portal';

function exportSite(live: LiveObject<SitePlatform>): SiteSpec {
  const c = live.comparable;
  const spec: SiteSpec = { name: live.key };
  for (const [field] of WIRE) {
    const v = c[field];
    if (v === null || v === undefined || v === '') continue;
    if (field === 'emergency_address' && !isAddressName(v)) continue;
    (spec as unknown as Record<string, unknown>)[field] = v;
  }
  return spec;
}

export const siteKind: Kind<SiteSpec, SitePlatform> = {
  name: 'site',
  section: 'sites',
  shape: 'list',
  title: 'Site',
  description: 'A site of the domain (an office): the defaults users placed there inherit, and its emergency address.',
  fields: SITE_FIELDS,
  // After the emergency addresses it names, before the users placed at it.
  order: 4,
  identity: { keyField: 'name', keyIsPii: false, ownsExtension: false },
  capabilities: {
    create: SUPPORTED,
    update: SUPPORTED,
    delete: absent(NO_DELETE),
    // Pruning considers sites, so a pruned file's plan says why a site missing from it stays: no delete.
    prune: SUPPORTED,
    recycle: absent('a site is identified by its name: another name is another site'),
  },
  terraform: { dataSource: { keyField: 'name' } },
  key: (spec) => normalizeText(spec.name),
  label: (key) => key,
  toComparable: (spec) => siteComparable(spec),
  references: (key, content, spec) => placementReferences({ kind: 'site', key }, content, spec !== undefined),
  impact(key, before, after, changed) {
    const lines: string[] = [];
    if (changed.includes('emergency_address')) {
      const line = addressImpactLine(`site "${key}" (users there without their own)`, before, after);
      if (line) lines.push(line);
    }
    if (changed.includes('emergency_caller_id'))
      lines.push(`emergency calls from site "${key}" will carry a new emergency caller ID`);
    return lines;
  },

  read: readSites,
  async readOne(ctx, key) {
    const [record, names] = await Promise.all([getSite(ctx.client, ctx.domain, key), addressNames(ctx)]);
    if (!record) return undefined;
    return {
      kind: 'site',
      domain: ctx.domain,
      key,
      comparable: liveSiteComparable(record, names),
      platform: { record },
    };
  },
  export: exportSite,

  create: createSiteFrom,
  update: updateSiteFrom,
  async delete(_ctx, target) {
    throw new UsageError(`site ${target.key} cannot be deleted: ${NO_DELETE}`);
  },
};
