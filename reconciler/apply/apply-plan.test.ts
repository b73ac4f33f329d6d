/**
 * applyDomainPlan's ordering and skip logic with a fake platform client (the e2e tests cover the real one).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyDomainPlan, executionOrder, segments } from './apply-plan';
import { currentChange } from './change-scope';
import { loadDesiredState } from '../desired/load-desired-state';
import { PlatformApiError } from '../errors';
import type { NetSapiensClient } from '../platform/client';
import { type Change, computePlan } from '../plan/compute-plan';

const dir = mkdtempSync(join(tmpdir(), 'pbxctl-apply-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function c(id: string, dependsOn: string[] = []): Change {
  const [kind = '', key = ''] = id.split(':');
  return {
    id,
    action: 'create',
    domain: 'd',
    kind,
    key,
    label: key,
    class: 'routing',
    fields: [],
    impact: [],
    references: [],
    losses: [],
    dependsOn,
  };
}

describe('executionOrder', () => {
  it('keeps plan order when dependencies come first', () => {
    const plan = [c('user:1'), c('user:2'), c('ring_group:3', ['user:1'])];
    expect(executionOrder(plan).map((x) => x.id)).toEqual(['user:1', 'user:2', 'ring_group:3']);
  });
  it('moves a change after what it depends on, stably', () => {
    const plan = [c('ring_group:2000', ['ring_group:2001']), c('user:1'), c('ring_group:2001'), c('user:2')];
    expect(executionOrder(plan).map((x) => x.id)).toEqual(['user:1', 'ring_group:2001', 'user:2', 'ring_group:2000']);
  });
  it('ignores dependencies outside the plan and survives cycles', () => {
    expect(executionOrder([c('a:1', ['x:9']), c('a:2')]).map((x) => x.id)).toEqual(['a:1', 'a:2']);
    expect(executionOrder([c('a:1', ['a:2']), c('a:2', ['a:1']), c('a:3')]).map((x) => x.id)).toEqual([
      'a:3',
      'a:1',
      'a:2',
    ]);
  });
});

describe('applyDomainPlan', () => {
  it('continues past independent failures and skips dependents, transitively', async () => {
    const file = join(dir, 'acme.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'domain: acme.example.com',
        'users:',
        '  - { extension: "1001", first_name: Ada, last_name: Lovelace }',
        '  - { extension: "1002", first_name: Alan, last_name: Turing }',
        'ring_groups:',
        '  - { extension: "2000", name: Sales, members: ["1001"] }',
        '  - { extension: "2001", name: Front, members: ["2000", "1002"] }',
        '',
      ].join('\n'),
    );
    const desired = loadDesiredState(file, { cwd: dir }).domains[0]!;
    const live = { domain: desired.domain, objects: new Map(), extensions: new Set<string>() };
    const plan = computePlan({ desired, live });
    expect(plan.changes.map((x) => `${x.id} after ${x.dependsOn.join(',')}`)).toEqual([
      'user:1001 after ',
      'user:1002 after ',
      'ring_group:2000 after user:1001',
      'ring_group:2001 after ring_group:2000,user:1002',
    ]);
    const calls: string[] = [];
    const client = {
      async createUser(_d: string, body: Record<string, unknown>) {
        calls.push(`createUser ${String(body.user)}`);
        if (body.user === '1001')
          throw new PlatformApiError(
            500,
            'POST',
            '/domains/acme.example.com/users',
            'Internal Server Error',
            false,
            'req-1',
          );
        return body;
      },
      async createAnswerRule(_d: string, user: string) {
        calls.push(`createAnswerRule ${user}`);
        return {};
      },
      async sendEmail() {
        return {};
      },
    } as unknown as NetSapiensClient;
    const progress: string[] = [];
    let clock = 0;
    const results = await applyDomainPlan({
      plan,
      desired,
      live,
      client,
      now: () => (clock += 5),
      onProgress: (done, total, r) => progress.push(`${done}/${total} ${r.result}`),
    });
    expect(results.map((r) => [r.id, r.result])).toEqual([
      ['user:1001', 'failed'],
      ['user:1002', 'applied'],
      ['ring_group:2000', 'skipped'],
      ['ring_group:2001', 'skipped'],
    ]);
    expect(results[0]).toMatchObject({ status: 500, requestId: 'req-1' });
    // Both users start before either finishes (they are independent), so the clock ticked twice meanwhile.
    expect(results[0]!.durationMs).toBe(10);
    expect(results[0]!.error).toContain('500');
    expect(results[2]!.error).toBe('skipped: depends on user:1001, which failed');
    expect(results[3]!.error).toBe('skipped: depends on ring_group:2000, which skipped');
    expect(calls).toEqual(['createUser 1001', 'createUser 1002']);
    expect(progress).toEqual(['1/4 failed', '2/4 applied', '3/4 skipped', '4/4 skipped']);
  });
});

describe('applyDomainPlan ordering of deletes', () => {
  it('deletes a group that rings another group before the group it rings, whatever the plan order', async () => {
    const file = join(dir, 'prune.yaml');
    writeFileSync(
      file,
      ['version: 1', 'domain: acme.example.com', 'policy: { prune: true }', 'users: []', ''].join('\n'),
    );
    const desired = loadDesiredState(file, { cwd: dir }).domains[0]!;
    const group = (key: string, members: string[]) => ({
      kind: 'ring_group',
      domain: desired.domain,
      key,
      comparable: { name: `G${key}`, members: members.map((extension) => ({ extension })) },
      platform: { phoneNumbers: [] },
    });
    // 2001 rings 2000: 2000 may only go once 2001 no longer points at it.
    const live = {
      domain: desired.domain,
      objects: new Map([['ring_group', [group('2000', []), group('2001', ['2000'])]]]),
      extensions: new Set(['2000', '2001']),
    };
    const plan = computePlan({ desired, live });
    expect(plan.changes.map((x) => `${x.action} ${x.id} after ${x.dependsOn.join(',')}`)).toEqual([
      'delete ring_group:2000 after ring_group:2001',
      'delete ring_group:2001 after ',
    ]);
    const deleted: string[] = [];
    const client = {
      async deleteUser(_d: string, user: string) {
        deleted.push(user);
      },
    } as unknown as NetSapiensClient;
    const results = await applyDomainPlan({ plan, desired, live, client });
    expect(results.map((r) => r.result)).toEqual(['applied', 'applied']);
    expect(deleted).toEqual(['2001', '2000']);
  });
});

describe('applyDomainPlan concurrency', () => {
  const users = (n: number) =>
    Array.from({ length: n }, (_, i) => `  - { extension: "${1001 + i}", first_name: U${i}, last_name: L }`);

  async function run(lines: string[], client: object, concurrency?: number) {
    const file = join(dir, 'many.yaml');
    writeFileSync(file, ['version: 1', 'domain: acme.example.com', ...lines, ''].join('\n'));
    const desired = loadDesiredState(file, { cwd: dir }).domains[0]!;
    const live = { domain: desired.domain, objects: new Map(), extensions: new Set<string>() };
    const plan = computePlan({ desired, live });
    const progress: string[] = [];
    const results = await applyDomainPlan({
      plan,
      desired,
      live,
      client: client as NetSapiensClient,
      concurrency,
      onProgress: (_d, _t, r) => progress.push(r.id),
    });
    return { plan, results, progress };
  }

  /** A fake platform whose createUser takes a few ms, so that concurrent calls overlap. */
  function slowPlatform(delays: (user: string) => number) {
    const log: string[] = [];
    let inFlight = 0;
    let peak = 0;
    const client = {
      async createUser(_d: string, body: Record<string, unknown>) {
        const user = String(body.user);
        inFlight++;
        peak = Math.max(peak, inFlight);
        log.push(`start ${user} in ${currentChange()}`);
        await new Promise((r) => setTimeout(r, delays(user)));
        inFlight--;
        log.push(`end ${user}`);
        return body;
      },
      async createAnswerRule() {
        return {};
      },
      async sendEmail() {
        return {};
      },
    };
    return { client, log, peak: () => peak };
  }

  it('runs independent changes at once, bounded by the concurrency, and reports in plan order', async () => {
    // Later users answer sooner: completion order is the reverse of plan order.
    const p = slowPlatform((u) => 2 + (1020 - Number(u)));
    const { plan, results, progress } = await run(['users:', ...users(20)], p.client, 4);
    expect(p.peak()).toBe(4);
    expect(results.map((r) => r.id)).toEqual(plan.changes.map((c) => c.id));
    expect(results.every((r) => r.result === 'applied')).toBe(true);
    expect(progress).not.toEqual(plan.changes.map((c) => c.id));
    // Each write knows which change sent it, although several are in flight.
    for (const line of p.log.filter((l) => l.startsWith('start'))) {
      const [, user, , change] = line.split(' ');
      expect(change).toBe(`user:${user}`);
    }
  });

  it('starts a ring group only after every user write finished, and one at a time with concurrency 1', async () => {
    const log: string[] = [];
    const client = {
      async createUser(_d: string, body: Record<string, unknown>) {
        log.push(`start ${String(body.user)}`);
        await new Promise((r) => setTimeout(r, body.user === '1001' ? 15 : 1));
        log.push(`end ${String(body.user)}`);
        return body;
      },
      async createAnswerRule() {
        return {};
      },
      async sendEmail() {
        return {};
      },
    };
    const lines = ['users:', ...users(3), 'ring_groups:', '  - { extension: "2000", name: Sales, members: ["1002"] }'];
    await run(lines, client, 8);
    const group = log.indexOf('start 2000');
    expect(group).toBeGreaterThan(log.indexOf('end 1001'));
    expect(log.slice(0, 3)).toEqual(['start 1001', 'start 1002', 'start 1003']);
    log.length = 0;
    await run(lines, client, 1);
    expect(log).toEqual([
      'start 1001',
      'end 1001',
      'start 1002',
      'end 1002',
      'start 1003',
      'end 1003',
      'start 2000',
      'end 2000',
    ]);
  });

  it('cuts the execution order into phases: writes kind by kind, then deletes', () => {
    const del = (id: string) => ({ ...c(id), action: 'delete' as const });
    const cut = segments([c('user:1'), c('user:2'), c('ring_group:3'), del('ring_group:4'), del('user:5')]);
    expect(cut.map((s) => s.map((x) => x.id))).toEqual([
      ['user:1', 'user:2'],
      ['ring_group:3'],
      ['ring_group:4'],
      ['user:5'],
    ]);
  });
});
