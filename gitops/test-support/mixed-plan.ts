/**
 * A plan document with many routine updates and a few deletes/recycles, for the combined-comment tests
 * (gitops/ reaches the core only through its index, so this does not share test/test-support/large-plan.ts).
 */
import type { Change, DomainPlan, PlanDocument } from '../../reconciler';

function change(domain: string, action: Change['action'], key: string): Change {
  const destroying = action === 'delete' || action === 'recycle';
  const dids = Array.from({ length: 12 }, (_, i) => `1212555${String(1000 + Number(key) + i).slice(-4)}`);
  return {
    id: `user:${key}`,
    domain,
    kind: 'user',
    key,
    label: `${key} (Person ${key})`,
    action,
    class: destroying ? 'data-destroying' : 'cosmetic',
    fields: destroying
      ? []
      : [{ path: 'department', before: 'Sales', after: `Sales and Success ${key}`, class: 'cosmetic' }],
    impact: [],
    references: [],
    losses: destroying
      ? [
          { what: 'voicemail messages', count: 41 },
          { what: 'phone numbers routed here (returned to inventory)', count: dids.length, detail: dids },
        ]
      : [],
    dependsOn: [],
  };
}

export function mixedPlan(o: { updates: number; deletes?: number; recycles?: number; domains?: number }): PlanDocument {
  const n = o.domains ?? 10;
  const domains: DomainPlan[] = Array.from({ length: n }, (_, d) => {
    const domain = `tenant-${d}.customers.example.com`;
    const changes: Change[] = [];
    for (let i = d; i < o.updates; i += n) changes.push(change(domain, 'update', String(3000 + i)));
    for (let i = d; i < (o.deletes ?? 0); i += n) changes.push(change(domain, 'delete', String(1100 + i)));
    for (let i = d; i < (o.recycles ?? 0); i += n) changes.push(change(domain, 'recycle', String(1200 + i)));
    return { domain, changes, unmanaged: [], violations: [] };
  });
  const all = domains.flatMap((d) => d.changes);
  const count = (a: Change['action']) => all.filter((c) => c.action === a).length;
  const destroying = count('delete') + count('recycle');
  return {
    format_version: '1',
    checksum: 'd'.repeat(64),
    inputs: {},
    domains,
    summary: {
      domains: n,
      changes: all.length,
      create: 0,
      update: count('update'),
      delete: count('delete'),
      recycle: count('recycle'),
      cosmetic: count('update'),
      routing: 0,
      data_destroying: destroying,
      unmanaged: 0,
      blocked: false,
    },
  };
}
