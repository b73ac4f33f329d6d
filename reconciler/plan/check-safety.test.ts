import { describe, expect, it } from 'vitest';
import type { Policy } from '../desired/load-desired-state';
import { checkSafety } from './check-safety';
import type { Change, ChangeAction, DomainPlan } from './compute-plan';

const DOMAIN = 'acme.example.com';

function change(action: ChangeAction, key: string, kind = 'user'): Change {
  return {
    id: `${kind}:${key}`,
    action,
    domain: DOMAIN,
    kind,
    key,
    label: key,
    class: action === 'delete' || action === 'recycle' ? 'data-destroying' : 'routing',
    fields: [],
    impact: [],
    references: [],
    losses: [],
    dependsOn: [],
  };
}

function plan(...changes: Change[]): DomainPlan {
  return { domain: DOMAIN, changes, unmanaged: [], violations: [] };
}

const policy = (p: Partial<Policy> = {}): Policy => ({ prune: true, protect: [], ...p });
const deletes = (n: number) => Array.from({ length: n }, (_, i) => change('delete', String(1001 + i)));

describe('checkSafety', () => {
  it('passes creates and updates without flags', () => {
    expect(checkSafety(plan(change('create', '1001'), change('update', '1002')), policy()).violations).toEqual([]);
  });

  it('any delete needs --allow-deletes, even under max_deletes', () => {
    const [v, ...rest] = checkSafety(plan(...deletes(2)), policy({ maxDeletes: 5 })).violations;
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ rule: 'data_destroying', flag: '--allow-deletes', domain: DOMAIN });
    expect(v!.message).toContain('2 deletes');
    expect(v!.message).toContain('--allow-deletes');
    expect(checkSafety(plan(...deletes(2)), policy({ maxDeletes: 5 }), { allowDeletes: true }).violations).toEqual([]);
  });

  it('over max_deletes names the rule, both counts and the flag; --allow-deletes overrides', () => {
    const [v, ...rest] = checkSafety(plan(...deletes(6)), policy({ maxDeletes: 5 })).violations;
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ rule: 'max_deletes', flag: '--allow-deletes' });
    expect(v!.message).toBe(
      `${DOMAIN}: 6 deletes exceed policy.max_deletes = 5; re-run with --allow-deletes to proceed`,
    );
    expect(checkSafety(plan(...deletes(6)), policy({ maxDeletes: 5 }), { allowDeletes: true }).violations).toEqual([]);
  });

  it('exactly max_deletes is not over the limit', () => {
    expect(checkSafety(plan(...deletes(5)), policy({ maxDeletes: 5 })).violations.map((v) => v.rule)).toEqual([
      'data_destroying',
    ]);
  });

  it('max_deletes: 0 with one delete reads as English', () => {
    const [v] = checkSafety(plan(...deletes(1)), policy({ maxDeletes: 0 })).violations;
    expect(v!.message).toBe(
      `${DOMAIN}: 1 delete exceeds policy.max_deletes = 0; re-run with --allow-deletes to proceed`,
    );
  });

  it('recycles count separately from deletes and need --allow-recycle', () => {
    const p = plan(change('recycle', '1001'), change('recycle', '1002'));
    const [v, ...rest] = checkSafety(p, policy({ maxDeletes: 1 })).violations;
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ rule: 'recycle', flag: '--allow-recycle' });
    expect(v!.message).toContain('2 recycles');
    expect(checkSafety(p, policy({ maxDeletes: 1 }), { allowDeletes: true }).violations.map((x) => x.rule)).toEqual([
      'recycle',
    ]);
    expect(checkSafety(p, policy({ maxDeletes: 1 }), { allowRecycle: true }).violations).toEqual([]);
  });

  it('a protected extension blocks deletes and recycles whatever the flags, with no flag offered', () => {
    const flags = { allowDeletes: true, allowRecycle: true };
    const del = checkSafety(plan(change('delete', '1000')), policy({ protect: ['1000'] }), flags).violations;
    expect(del).toHaveLength(1);
    expect(del[0]).toMatchObject({ rule: 'protect' });
    expect(del[0]!.flag).toBeUndefined();
    expect(del[0]!.message).toContain('user 1000 is protected');
    expect(del[0]!.message).toContain('deleted');
    const rec = checkSafety(plan(change('recycle', '1000')), policy({ protect: ['1000'] }), flags).violations;
    expect(rec.map((v) => v.rule)).toEqual(['protect']);
    expect(rec[0]!.message).toContain('recycled');
  });

  it('updates of a protected extension are fine', () => {
    expect(checkSafety(plan(change('update', '1000')), policy({ protect: ['1000'] })).violations).toEqual([]);
  });

  it('reports every rule that is broken, at once', () => {
    const p = plan(change('recycle', '1001'), ...deletes(4).map((c, i) => (i === 0 ? change('delete', '1000') : c)));
    const rules = checkSafety(p, policy({ maxDeletes: 2, protect: ['1000'] })).violations.map((v) => v.rule);
    expect(rules).toEqual(['protect', 'max_deletes', 'recycle']);
  });

  it('is pure: the input plan is not modified', () => {
    const p = plan(...deletes(3));
    const out = checkSafety(p, policy());
    expect(p.violations).toEqual([]);
    expect(out).not.toBe(p);
    expect(out.changes).toBe(p.changes);
  });
});
