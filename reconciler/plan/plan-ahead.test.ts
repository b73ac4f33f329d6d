/**
 * The work a plan does on each live object as it is read (plan-ahead.ts, issue 15): the same plan and inputs
 * as working it all out after the read, taken from what was found ahead, and found while the read goes on.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator';
import { type DomainDesiredState, loadDesiredState } from '../desired/load-desired-state';
import type { Comparable, LiveObject } from '../kinds/kind';
import { envSecretResolver } from '../kinds/secret';
import { type DomainLiveState, readLiveState } from '../live/read-live-state';
import { draftPlan, finishPlan, planDomain, readForPlan } from '../pipeline';
import { NetSapiensClient } from '../platform/client';
import { canonicalDigest } from './canonical-digest';
import { computePlan } from './compute-plan';
import { diffAhead, diffFields } from './diff-fields';
import { planAhead } from './plan-ahead';
import { planCallFlows } from './plan-call-flows';
import { buildPlanDocument, objectDigest } from './plan-document';

const ROOT = resolve(__dirname, '../../scenarios');
const KEY = 'nsd_plan_ahead_key_00000000000000000000000000000000000000000000';
/** The voicemail PINs the scenarios' files name. */
const ENV = { VM_PIN_1001: '739182', VM_PIN_1002: '840263', VM_PIN_1003: '951374' };

function desiredOf(name: string): DomainDesiredState {
  const dir = join(ROOT, name);
  const state = loadDesiredState(join(dir, 'desired.yaml'), { cwd: dir, secrets: envSecretResolver(ENV) });
  return state.domains[0] as DomainDesiredState;
}

describe.each(['update-fields', 'no-changes', 'unmanaged'])('a plan worked out as %s is read', (name) => {
  let emu: RunningEmulator;
  let client: NetSapiensClient;
  beforeAll(async () => {
    emu = await startEmulator({ seed: join(ROOT, name, 'live.json'), apiKeys: [KEY] });
    client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
  });
  afterAll(async () => {
    await client?.close();
    await emu?.close();
  });

  it('is the plan worked out after the read, byte for byte (changes, inputs, checksum)', async () => {
    const desired = desiredOf(name);
    const ahead = await planDomain(client, desired);
    const plain = await readLiveState(client, desired.domain, { desired: desired.objects, platform: desired.platform });
    const after = finishPlan(desired, plain, draftPlan(desired, plain), undefined);
    const doc = (run: typeof after) => buildPlanDocument([run.plan], { [desired.domain]: run.inputs });
    expect(JSON.stringify(doc(ahead))).toBe(JSON.stringify(doc(after)));
    expect(Object.keys(ahead.inputs.objects).length).toBeGreaterThan(0);
    if (name === 'update-fields') expect(ahead.plan.changes.length).toBeGreaterThan(0);
  });

  it('takes the differences found during the read instead of finding them again', async () => {
    const desired = desiredOf(name);
    const fieldsOf = (live: DomainLiveState) =>
      computePlan({ desired, live }).changes.flatMap((c) => (c.action === 'update' ? c.fields : []));
    const read = await readForPlan(client, desired);
    const once = fieldsOf(read);
    const twice = fieldsOf(read);
    expect(twice).toEqual(once);
    // The very same field changes: found once, during the read.
    for (const [i, f] of once.entries()) expect(twice[i]).toBe(f);
    // Read without the hook, each plan finds its own.
    const plain = await readLiveState(client, desired.domain, { desired: desired.objects, platform: desired.platform });
    const a = fieldsOf(plain);
    const b = fieldsOf(plain);
    expect(b).toEqual(once);
    for (const [i, f] of a.entries()) expect(b[i]).not.toBe(f);
    if (name === 'update-fields') expect(once.length).toBeGreaterThan(0);
  });
});

describe('the read hook', () => {
  let emu: RunningEmulator;
  let client: NetSapiensClient;
  beforeAll(async () => {
    emu = await startEmulator({ seed: join(ROOT, 'update-fields', 'live.json'), apiKeys: [KEY] });
    client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
  });
  afterAll(async () => {
    await client?.close();
    await emu?.close();
  });

  it('sees every object read, people as each one is complete, while the read still goes on', async () => {
    const desired = desiredOf('update-fields');
    // 1002 is the person whose answer rules the plan reads (the file sets spam and block handling); they
    // come late, and the others are handed over before the read ends.
    const slow = '1002';
    const from = emu.requests.list().length;
    const fault = emu.faults.add({ method: 'GET', path: `/domains/*/users/${slow}/answerrules`, latencyMs: 400 });
    const seen = new Map<LiveObject, number>();
    const times = new Map<LiveObject, number>();
    try {
      const live = await readLiveState(client, desired.domain, {
        desired: desired.objects,
        platform: desired.platform,
        made: (o) => {
          times.set(o, (times.get(o) ?? 0) + 1);
          if (!seen.has(o)) seen.set(o, performance.now());
        },
      });
      const end = performance.now();
      const all = [...live.objects.values()].flat();
      expect(all.length).toBeGreaterThan(2);
      for (const o of all) expect(seen.has(o)).toBe(true);
      // Once each: people are handed over by their read, the rest by readLiveState.
      for (const o of all) expect(times.get(o)).toBe(1);
      const users = all.filter((o) => o.kind === 'user');
      expect(users.map((o) => o.key)).toContain(slow);
      expect(
        emu.requests
          .list()
          .slice(from)
          .map((r) => r.path),
      ).toContain(`/domains/${desired.domain}/users/${slow}/answerrules`);
      expect(end - (seen.get(users.find((o) => o.key === slow) as LiveObject) as number)).toBeLessThan(200);
      for (const o of users)
        if (o.key !== slow && desired.objects.get('user')?.some((d) => d.key === o.key))
          expect(end - (seen.get(o) as number)).toBeGreaterThan(200);
    } finally {
      emu.faults.remove(fault);
    }
  });

  it('hands over no person whose answer rules could not be read', async () => {
    const desired = desiredOf('update-fields');
    const seen: LiveObject[] = [];
    const from = emu.requests.list().length;
    const fault = emu.faults.add({ method: 'GET', path: /\/answerrules$/, status: 403 });
    try {
      await expect(
        readLiveState(client, desired.domain, {
          desired: desired.objects,
          platform: desired.platform,
          made: (o) => seen.push(o),
        }),
      ).rejects.toThrow(/403|forbidden|permission/i);
    } finally {
      emu.faults.remove(fault);
    }
    const failed = emu.requests
      .list()
      .slice(from)
      .map((r) => /\/users\/([^/]+)\/answerrules$/.exec(r.path)?.[1])
      .filter((k): k is string => k !== undefined);
    expect(failed.length).toBeGreaterThan(0);
    for (const o of seen) if (o.kind === 'user') expect(failed).not.toContain(o.key);
  });
});

describe('found ahead', () => {
  const desired: Comparable = { first_name: 'Ada', department: 'Marketing' };
  const live: Comparable = { first_name: 'Ada', department: 'Support', last_name: 'King' };

  it('gives back the differences found for the very same content, as a copy', () => {
    const first = diffFields('user', desired, live);
    diffAhead('user', desired, live);
    const a = diffFields('user', desired, live);
    const b = diffFields('user', desired, live);
    expect(a).toEqual(first);
    expect(a.length).toBe(1);
    expect(b[0]).toBe(a[0]);
    a.pop();
    expect(diffFields('user', desired, live)).toHaveLength(1);
  });

  it('finds afresh for other desired content, another kind or a nested path', () => {
    const other: Comparable = { ...desired };
    diffAhead('user', desired, live);
    const found = diffFields('user', desired, live);
    const fresh = diffFields('user', other, live);
    expect(fresh).toEqual(found);
    expect(fresh[0]).not.toBe(found[0]);
    expect(diffFields('ring_group', desired, live)[0]).not.toBe(found[0]);
    expect(diffFields('user', desired, live, 'voicemail')[0]).not.toBe(found[0]);
  });

  it('takes a live object digest once, the digest of its content', () => {
    let reads = 0;
    const comparable = {
      get first_name() {
        reads++;
        return 'Ada';
      },
      department: 'Support',
    } as Comparable;
    const o: LiveObject = { kind: 'user', domain: 'd', key: '1001', comparable, platform: {} };
    const digest = objectDigest(o);
    expect(reads).toBe(1);
    expect(objectDigest(o)).toBe(digest);
    expect(reads).toBe(1);
    expect(digest).toBe(canonicalDigest({ department: 'Support', first_name: 'Ada' }).slice(0, 16));
  });

  it('hands each live object of a desired kind and key to the diff, and every one to the digest', () => {
    const d = desiredOf('update-fields');
    const user = (d.objects.get('user') ?? [])[0];
    if (!user) throw new Error('the scenario has users');
    const hook = planAhead(d);
    const mine: LiveObject = {
      kind: 'user',
      domain: d.domain,
      key: user.key,
      comparable: { ...user.comparable, department: 'X' },
      platform: {},
    };
    hook(mine);
    const found = diffFields('user', user.comparable, mine.comparable);
    expect(found.map((f) => f.path)).toContain('department');
    expect(diffFields('user', user.comparable, mine.comparable)[0]).toBe(found[0]);
  });
});

describe('the call flows of a plan', () => {
  it('look at the time zone only when a plan changes where calls go', async () => {
    const emu = await startEmulator({ seed: join(ROOT, 'update-fields', 'live.json'), apiKeys: [KEY] });
    const client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
    try {
      const desired = desiredOf('update-fields');
      const live = await readForPlan(client, desired);
      let reads = 0;
      const counted: DomainLiveState = {
        domain: live.domain,
        objects: live.objects,
        extensions: live.extensions,
        get timeZone() {
          reads++;
          return 'America/New_York';
        },
      };
      const draft = draftPlan(desired, counted);
      expect(draft.changes.some((c) => c.class === 'routing')).toBe(true);
      planCallFlows(desired, counted, draft);
      expect(reads).toBeGreaterThan(0);
      reads = 0;
      const cosmetic = { ...draft, changes: draft.changes.filter((c) => c.class === 'cosmetic') };
      planCallFlows(desired, counted, cosmetic);
      planCallFlows(desired, counted, { ...draft, changes: [] });
      expect(reads).toBe(0);
    } finally {
      await client.close();
      await emu.close();
    }
  });
});
