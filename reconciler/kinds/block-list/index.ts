/**
 * The `block_list` kind: the domain-wide number filter (`/domains/{d}/number-filters`, v44.3+,
 * docs/reference/netsapiens-api.md §6). One per domain, so it is a `set` kind keyed by the domain: never pruned, and
 * written as a difference — the endpoint has no PUT, only POST (add these) and DELETE (remove these).
 */
import { blockListImpact } from './impact';
import type { PlatformRecord } from '../../platform/client';
import { fromYesNo } from '../../platform/codec';
import {
  absent,
  type ApplyContext,
  type ChangeTarget,
  type Comparable,
  type Kind,
  type LiveObject,
  SUPPORTED,
} from '../kind';
import { normalizeNumber, normalizeNumberSet, str } from '../normalize';
import { BLOCK_LIST_FIELDS } from './fields';

export interface BlockListSpec {
  numbers: string[];
}

export interface BlockListPlatform {
  /** The numbers exactly as the platform stores them: removal must name them that way. */
  readonly raw: readonly string[];
}

/** Every rejected number of every filter entry the GET returns (documented as one `*` entry). */
function rawNumbers(entries: readonly PlatformRecord[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    const block = e['phone-numbers-to-reject'] as { enabled?: unknown; parameters?: unknown } | undefined;
    // An entry whose list is switched off blocks nothing, whatever it still lists.
    if (!block || fromYesNo(block.enabled) === false || !Array.isArray(block.parameters)) continue;
    out.push(...block.parameters.map(String));
  }
  return out;
}

function numbersOf(content: Comparable | undefined): string[] {
  return Array.isArray(content?.numbers) ? (content.numbers as string[]) : [];
}

async function addAndRemove(ctx: ApplyContext, target: ChangeTarget<BlockListSpec, BlockListPlatform>): Promise<void> {
  const want = new Set(target.desired ? normalizeNumberSet(target.desired.spec.numbers ?? []) : []);
  const raw = target.live?.platform.raw ?? [];
  const have = new Set(raw.map(normalizeNumber));
  const add = [...want].filter((n) => !have.has(n)).sort();
  // Remove by the stored spelling (a 10-digit `2125550100` is our `12125550100`).
  const remove = [...new Set(raw.filter((r) => !want.has(normalizeNumber(r))))].sort();
  if (remove.length > 0) await ctx.client.removeNumberFilters(ctx.domain, remove);
  if (add.length > 0) await ctx.client.addNumberFilters(ctx.domain, add);
}

function liveOf(domain: string, raw: string[]): LiveObject<BlockListPlatform> {
  return {
    kind: 'block_list',
    domain,
    key: domain,
    comparable: { numbers: normalizeNumberSet(raw) },
    platform: { raw },
  };
}

export const blockListKind: Kind<BlockListSpec, BlockListPlatform> = {
  name: 'block_list',
  section: 'block_list',
  shape: 'set',
  title: 'Domain block list',
  description: 'Numbers rejected for the whole domain (the domain number filter).',
  fields: BLOCK_LIST_FIELDS,
  order: 30,
  identity: { keyIsPii: false, ownsExtension: false },
  // The domain's list: `netsapiens_domain_block_list`.
  terraform: { typeName: 'netsapiens_domain_block_list' },
  capabilities: {
    create: SUPPORTED,
    update: SUPPORTED,
    delete: SUPPORTED,
    prune: absent('one list per domain: a file without block_list leaves the list alone'),
    recycle: absent('one list per domain: it has no identity to replace'),
  },
  // A set kind's key is its domain, which the spec does not hold: the loader (and test-support) use the
  // domain directly and never call this.
  key: () => '',
  label(key, content) {
    const n = numbersOf(content).length;
    return `${key} (${n} number${n === 1 ? '' : 's'})`;
  },
  toComparable: (spec) => ({ numbers: normalizeNumberSet(spec.numbers ?? []) }),
  impact: (key, before, after) => blockListImpact(key, before, after),
  references: () => [],

  async read(ctx) {
    const raw = rawNumbers(await ctx.client.getNumberFilters(ctx.domain));
    // An empty filter exists on every domain; report it only when the file manages it, so that a domain
    // without `block_list:` does not list an empty "unmanaged" block list in every plan.
    if (raw.length === 0 && !ctx.desired?.has(ctx.domain)) return [];
    return [liveOf(ctx.domain, raw)];
  },
  // Every domain has exactly one (possibly empty) list.
  readOne: async (ctx, key) =>
    key === ctx.domain ? liveOf(ctx.domain, rawNumbers(await ctx.client.getNumberFilters(ctx.domain))) : undefined,

  export: (live) => ({ numbers: numbersOf(live.comparable).map(str) }),

  create: addAndRemove,
  update: addAndRemove,
  // Never reached through a plan (never pruned: see capabilities); Terraform destroy empties the list.
  delete: (ctx, target) => addAndRemove(ctx, { ...target, desired: undefined }),
};
