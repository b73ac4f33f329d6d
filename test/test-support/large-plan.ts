/**
 * A large mixed plan (thousands of routine changes across domains, a few data-destroying ones) for the
 * PR-comment tests: the unit tests of the Markdown renderer and the headless-browser visual check.
 * Built from the public index's types only; the summary is counted here, the checksum is a fixed value.
 */
import type { Change, DomainPlan, PlanDocument } from '../../reconciler/index';

export interface LargePlanOptions {
  /** Routine changes in all (creates and updates), spread over the domains. */
  readonly routine: number;
  readonly domains?: number;
  readonly deletes?: number;
  readonly recycles?: number;
  /** Add a safety violation for every domain with a delete or recycle. */
  readonly blocked?: boolean;
}

function base(domain: string, kind: string, key: string, label: string): Omit<Change, 'action' | 'class'> {
  return {
    id: `${kind}:${key}`,
    domain,
    kind,
    key,
    label,
    fields: [],
    impact: [],
    references: [],
    losses: [],
    dependsOn: [],
  };
}

function routineChange(domain: string, i: number): Change {
  const key = String(3000 + i);
  if (i % 3 === 0) {
    return {
      ...base(domain, 'user', key, `${key} (Person Number${i} With-A-Rather-Long-Surname)`),
      action: 'create',
      class: 'routing',
      fields: [
        { path: 'first_name', after: `Person${i}`, class: 'cosmetic' },
        { path: 'email', after: `person.number${i}@${domain}`, class: 'cosmetic' },
        { path: 'department', after: `Department of Very Long Names ${i % 17}`, class: 'cosmetic' },
      ],
    };
  }
  return {
    ...base(domain, i % 3 === 1 ? 'user' : 'ring_group', key, `${key} (Team ${i})`),
    action: 'update',
    class: i % 3 === 1 ? 'cosmetic' : 'routing',
    fields: [{ path: 'department', before: 'Sales', after: `Sales and Customer Success ${i}`, class: 'cosmetic' }],
    impact: i % 3 === 2 ? [`calls to ${key} ring 1001, 1002, 1003 (was 1001); starts ringing 1002, 1003`] : [],
    dependsOn: i % 3 === 2 ? ['first-create'] : [],
  };
}

/** The data-destroying changes, with long "would lose" lines (a DID list) that must wrap, never be cut. */
function destroyingChange(domain: string, action: 'delete' | 'recycle', n: number): Change {
  const key = String(1100 + n);
  const dids = Array.from({ length: 12 }, (_, i) => `1212555${String(1000 + n * 20 + i).padStart(4, '0')}`);
  return {
    ...base(
      domain,
      'user',
      key,
      action === 'recycle' ? `${key} (Ada Lovelace) → ${key} (Mary Jackson)` : `${key} (Alan Turing)`,
    ),
    action,
    class: 'data-destroying',
    impact: [`${dids.length} phone numbers routed to ${key} stop reaching anyone`],
    losses: [
      { what: 'voicemail messages', count: 41, detail: ['17 unheard'] },
      { what: 'voicemail greetings', count: 3 },
      { what: 'personal contacts', count: 212 },
      { what: 'phone numbers routed here (returned to inventory)', count: dids.length, detail: dids },
    ],
    references: [{ from: 'ring_group 2000', relation: 'member', extension: key }],
  };
}

export function largePlan(o: LargePlanOptions): PlanDocument {
  const n = o.domains ?? 10;
  const domains: DomainPlan[] = Array.from({ length: n }, (_, d) => {
    const domain = `tenant-${String(d).padStart(3, '0')}.customers.example.com`;
    const changes: Change[] = [];
    for (let i = d; i < o.routine; i += n) changes.push(routineChange(domain, i));
    for (let k = d; k < (o.deletes ?? 0); k += n) changes.push(destroyingChange(domain, 'delete', k));
    for (let k = d; k < (o.recycles ?? 0); k += n) changes.push(destroyingChange(domain, 'recycle', 50 + k));
    // Ring-group updates wait for the domain's first new user (a dependency inside the domain).
    const first = changes.find((c) => c.action === 'create');
    for (const [j, c] of changes.entries())
      if (c.dependsOn.length) changes[j] = { ...c, dependsOn: first ? [first.id] : [] };
    const risky = changes.filter((c) => c.action === 'delete' || c.action === 'recycle').length;
    const violations =
      o.blocked && risky
        ? [
            {
              domain,
              rule: 'data_destroying' as const,
              message: `${domain}: ${risky} delete(s)/recycle(s) would destroy data; re-run with --allow-deletes to proceed`,
            },
          ]
        : [];
    return { domain, changes, unmanaged: [], violations };
  });
  const all = domains.flatMap((d) => d.changes);
  const count = (f: (c: Change) => boolean) => all.filter(f).length;
  return {
    format_version: '1',
    checksum: 'c'.repeat(64),
    inputs: {},
    domains,
    summary: {
      domains: n,
      changes: all.length,
      create: count((c) => c.action === 'create'),
      update: count((c) => c.action === 'update'),
      delete: count((c) => c.action === 'delete'),
      recycle: count((c) => c.action === 'recycle'),
      cosmetic: count((c) => c.class === 'cosmetic'),
      routing: count((c) => c.class === 'routing'),
      data_destroying: count((c) => c.class === 'data-destroying'),
      unmanaged: 0,
      blocked: domains.some((d) => d.violations.length > 0),
    },
  };
}
