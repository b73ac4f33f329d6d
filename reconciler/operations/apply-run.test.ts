/**
 * The library's "plan, apply with verification, audit" (operations/): typed results for every outcome,
 * the write-ahead journal matching what the emulator received, and no output of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDesiredState } from '../desired/load-desired-state';
import { DomainLockedError } from '../errors';
import { acquireDomainLocks, applyDesiredState, applyPlanRun } from './index';
import { runPlan } from '../pipeline';
import { NetSapiensClient } from '../platform/client';
import {
  API_KEY,
  DOMAIN,
  domainYaml,
  OFFICE,
  officeSeed,
  startTestEnv,
  type TestEnv,
} from '../../test/test-support/helpers';

let t: TestEnv | undefined;
let client: NetSapiensClient | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await client?.close();
  await t?.close();
  t = undefined;
  client = undefined;
});

async function setup(policy?: string) {
  t = await startTestEnv(officeSeed());
  const file = t.write('acme.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Ops' })), policy }));
  client = new NetSapiensClient({ baseUrl: t.emu.url, apiKey: API_KEY, requestsPerSecond: 10_000 });
  return { state: loadDesiredState(file, { cwd: t.dir }), client, dir: t.dir, env: t };
}

const context = { tool: 'pbxctl test' };

describe('applyDesiredState / applyPlanRun', () => {
  it('applies, verifies, audits and journals; prints nothing', async () => {
    const { state, client, dir, env } = await setup();
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const auditPath = join(dir, 'audit.jsonl');
    const { result } = await applyDesiredState(state, client, { auditPath, context, lock: { dir: join(dir, 'l') } });
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(result.status).toBe('applied');
    expect(result.results.map((r) => `${r.result} ${r.id}`)).toEqual([
      'applied user:1001',
      'applied user:1002',
      'applied user:1003',
    ]);
    expect(JSON.parse(readFileSync(auditPath, 'utf8')).summary).toEqual({ applied: 3, failed: 0, skipped: 0 });
    const journal = readFileSync(result.journalPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const intents = journal.filter((l) => l.type === 'intent');
    expect(intents.map((i) => `${i.method} ${i.path}`)).toEqual(env.writes().map((w) => `${w.method} ${w.path}`));
    expect(intents.every((i) => i.domain === DOMAIN && /^user:100\d$/.test(i.change))).toBe(true);
    expect(journal.at(-1)).toMatchObject({ type: 'end', status: 'applied' });
  });

  it('a blocked plan comes back as `blocked` with its violations; nothing written, no journal', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE.slice(0, 1), policy: 'prune: true' }));
    client = new NetSapiensClient({ baseUrl: t.emu.url, apiKey: API_KEY, requestsPerSecond: 10_000 });
    const run = await runPlan(loadDesiredState(file, { cwd: t.dir }), client);
    const result = await applyPlanRun({ client, run, auditPath: join(t.dir, 'audit.jsonl'), context });
    expect(result.status).toBe('blocked');
    expect(result.violations.length).toBeGreaterThan(0);
    expect(t.writes()).toEqual([]);
    expect(existsSync(result.journalPath)).toBe(false);
  });

  it('routing changes outside policy.change_window come back as `outside-window`; nothing written', async () => {
    t = await startTestEnv(officeSeed());
    const users = [...OFFICE, { ext: '1004', first: 'Edsger', last: 'Dijkstra' }];
    const policy = 'change_window: { days: [mon], start: "09:00", end: "10:00", time_zone: UTC }';
    const file = t.write('acme.yaml', domainYaml({ users, policy }));
    client = new NetSapiensClient({ baseUrl: t.emu.url, apiKey: API_KEY, requestsPerSecond: 10_000 });
    const run = await runPlan(loadDesiredState(file, { cwd: t.dir }), client);
    const sunday = () => new Date('2026-01-04T03:00:00Z');
    const auditPath = join(t.dir, 'audit.jsonl');
    const closed = await applyPlanRun({ client, run, auditPath, context, now: sunday, sendWelcomeEmail: false });
    expect(closed.status).toBe('outside-window');
    expect(closed.closedWindows[0]).toContain(`${DOMAIN}: 1 routing or data-destroying change may only be applied`);
    expect(t.writes()).toEqual([]);
    const monday = () => new Date('2026-01-05T09:30:00Z');
    const open = await applyPlanRun({ client, run, auditPath, context, now: monday, sendWelcomeEmail: false });
    expect(open.status).toBe('applied');
    expect(t.writes().length).toBeGreaterThan(0);
  });

  it('a held lock refuses the second caller before anything is read', async () => {
    const { state, client, dir, env } = await setup();
    const held = acquireDomainLocks([DOMAIN], { dir: join(dir, 'l') });
    env.emu.requests.reset();
    await expect(
      applyDesiredState(state, client, { auditPath: join(dir, 'a.jsonl'), context, lock: { dir: join(dir, 'l') } }),
    ).rejects.toBeInstanceOf(DomainLockedError);
    expect(env.emu.requests.list()).toEqual([]);
    held.release();
  });
});
