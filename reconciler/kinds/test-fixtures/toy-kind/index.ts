/**
 * A toy kind that exists only for tests: it proves that a kind defined in its own folder, registered with
 * `createRegistry`, gets its JSON-Schema section, file:line validation, plan lines, export round-trip and
 * a Terraform resource, with no other file edited. It keeps its "platform" in memory (`ToyShelf`), keyed
 * by domain, so it needs no emulator endpoint; the rest of the read still goes through the real client.
 * It is name-keyed and cannot be deleted, like the `site` kind to come.
 */
import { absent, type Comparable, type Kind, type LiveObject, SUPPORTED } from '../../kind';

export interface ToySpec {
  name: string;
  color?: 'red' | 'green' | 'blue';
  size?: number;
}

/** The toys of each domain, as a platform would hold them. */
export class ToyShelf {
  private readonly byDomain = new Map<string, Map<string, { color?: string; size?: number }>>();

  put(domain: string, name: string, toy: { color?: string; size?: number }): void {
    const shelf = this.byDomain.get(domain) ?? new Map();
    shelf.set(name, { ...toy });
    this.byDomain.set(domain, shelf);
  }

  list(domain: string): [string, { color?: string; size?: number }][] {
    return [...(this.byDomain.get(domain) ?? new Map())].sort(([a], [b]) => a.localeCompare(b));
  }
}

function comparableOf(toy: { color?: string; size?: number }): Comparable {
  const out: Record<string, Comparable[string]> = {};
  if (toy.color !== undefined) out.color = toy.color;
  if (toy.size !== undefined) out.size = toy.size;
  return out;
}

export function toyKind(shelf: ToyShelf): Kind<ToySpec, null> {
  const live = (domain: string, name: string, toy: { color?: string; size?: number }): LiveObject<null> => ({
    kind: 'toy',
    domain,
    key: name,
    comparable: comparableOf(toy),
    platform: null,
  });
  return {
    name: 'toy',
    section: 'toys',
    shape: 'list',
    title: 'Toy',
    description: 'A toy on the shelf (test fixture).',
    fields: [
      { name: 'name', type: 'string', description: 'The toy, by name.', class: 'routing', required: true },
      { name: 'color', type: 'string', enum: ['red', 'green', 'blue'], description: 'Its colour.', class: 'cosmetic' },
      { name: 'size', type: 'integer', minimum: 1, maximum: 10, description: 'How big.', class: 'cosmetic' },
    ],
    order: 90,
    identity: { keyField: 'name', keyIsPii: false, ownsExtension: false },
    capabilities: {
      create: SUPPORTED,
      update: SUPPORTED,
      delete: absent('the toy API has no DELETE'),
      prune: SUPPORTED,
      recycle: absent('a toy is its name'),
    },
    key: (spec) => spec.name,
    label: (key) => key,
    toComparable: (spec) => comparableOf(spec),
    references: () => [],
    read: async (ctx) => shelf.list(ctx.domain).map(([name, toy]) => live(ctx.domain, name, toy)),
    readOne: async (ctx, key) => {
      const found = shelf.list(ctx.domain).find(([name]) => name === key);
      return found ? live(ctx.domain, found[0], found[1]) : undefined;
    },
    export: (o) => ({ name: o.key, ...(o.comparable as Omit<ToySpec, 'name'>) }),
    create: async (ctx, target) => shelf.put(ctx.domain, target.key, target.desired!.spec),
    update: async (ctx, target) => shelf.put(ctx.domain, target.key, target.desired!.spec),
    delete: async () => {
      throw new Error('the toy API has no DELETE');
    },
  };
}
