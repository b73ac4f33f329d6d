/**
 * What plan-ahead's memos rest on (plan-ahead.ts, docs/design.md §4 "Work during the read"): a live object is
 * never changed once its kind hands it over, and neither the plan nor the read changes a desired object. A
 * digest or a diff remembered for an object that changed afterwards would be a stale plan, silently. So every
 * object is frozen, deeply, the moment it is handed over (desired ones before the read): a later write throws
 * (these modules run in strict mode), and each object's content at hand-over is compared with its content at
 * the end. Every kind (examples/small-office, to be created and then unchanged) and every scenario.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator';
import { applyDomainPlan } from '../apply/apply-plan';
import { type DomainDesiredState, loadDesiredState } from '../desired/load-desired-state';
import type { LiveObject } from '../kinds/kind';
import { KINDS } from '../kinds/registry';
import { envSecretResolver } from '../kinds/secret';
import { readLiveState, readLosses } from '../live/read-live-state';
import { draftPlan, finishPlan, planDomain } from '../pipeline';
import { NetSapiensClient } from '../platform/client';
import { destructiveKeys } from './compute-plan';
import { buildPlanDocument } from './plan-document';

const ROOT = resolve(__dirname, '../..');
const KEY = 'nsd_plan_ahead_frozen_000000000000000000000000000000000000000000';
/** The PINs the scenarios' and the example's files name. */
const SECRETS = envSecretResolver({
  VM_PIN_1000: '4821',
  VM_PIN_1001: '739182',
  VM_PIN_1002: '840263',
  VM_PIN_1003: '951374',
});

let emu: RunningEmulator | undefined;
let client: NetSapiensClient | undefined;

afterEach(async () => {
  await client?.close();
  await emu?.close();
  client = undefined;
  emu = undefined;
});

async function platform(seed: string): Promise<NetSapiensClient> {
  emu = await startEmulator({ seed, apiKeys: [KEY] });
  client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
  return client;
}

/** Freezes `value` and everything it holds (plain objects and arrays; a Map or Set would not be caught). */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map || value instanceof Set) throw new Error('a Map or Set in a plan object: not freezable');
  for (const v of Object.values(value as object)) deepFreeze(v, seen);
  return Object.freeze(value);
}

function desiredAt(path: string, cwd?: string): DomainDesiredState {
  return loadDesiredState(path, { cwd, secrets: SECRETS }).domains[0] as DomainDesiredState;
}

/**
 * Reads with every object frozen as it is handed over; checks each is handed over and unchanged at the end,
 * then plans from the frozen objects and compares with a plan from a fresh plain read.
 */
async function frozenRead(c: NetSapiensClient, desired: DomainDesiredState) {
  for (const list of desired.objects.values()) deepFreeze(list);
  const atHandOver = new Map<LiveObject, string>();
  const live = await readLiveState(c, desired.domain, {
    desired: desired.objects,
    platform: desired.platform,
    made: (o) => {
      expect(atHandOver.has(o)).toBe(false);
      atHandOver.set(o, JSON.stringify(o));
      deepFreeze(o);
    },
  });
  let objects = 0;
  for (const list of live.objects.values()) {
    for (const o of list) {
      objects++;
      expect(atHandOver.get(o), `${o.kind} ${o.key} handed over`).toBeDefined();
      expect(JSON.stringify(o), `${o.kind} ${o.key} unchanged since it was handed over`).toBe(atHandOver.get(o));
    }
  }
  // The plan neither writes to a live object nor to a desired one (all frozen), and is the plan of a plain read.
  const draft = draftPlan(desired, live);
  const candidates = destructiveKeys(draft);
  const losses = candidates.length ? await readLosses(c, desired.domain, candidates) : undefined;
  const run = finishPlan(desired, live, draft, losses);
  const doc = (r: typeof run) => JSON.stringify(buildPlanDocument([r.plan], { [desired.domain]: r.inputs }));
  const plain = await planDomain(c, desired);
  expect(doc(run)).toBe(doc(plain));
  return { objects, kinds: new Set([...live.objects].filter(([, l]) => l.length > 0).map(([k]) => k)), run };
}

describe('no object changes once handed over to the plan (plan-ahead memos)', () => {
  it('every kind: created from the example, then read back unchanged', async () => {
    const c = await platform(join(ROOT, 'examples/demo/seed.yaml'));
    const example = join(ROOT, 'examples/small-office');
    const before = await frozenRead(c, desiredAt(example));
    expect(new Set(before.run.plan.changes.map((ch) => ch.kind))).toEqual(new Set(KINDS.map((k) => k.name)));
    const applied = await applyDomainPlan({
      plan: before.run.plan,
      desired: before.run.desired,
      live: before.run.live,
      client: c,
    });
    expect(applied.filter((r) => r.result !== 'applied')).toEqual([]);
    const after = await frozenRead(c, desiredAt(example));
    expect(after.kinds).toEqual(new Set(KINDS.map((k) => k.name)));
    expect(after.run.plan.changes).toEqual([]);
  });

  const scenarios = readdirSync(join(ROOT, 'scenarios'));
  it.each(scenarios)('scenario %s', async (name) => {
    const dir = join(ROOT, 'scenarios', name);
    const c = await platform(join(dir, 'live.json'));
    const { objects } = await frozenRead(c, desiredAt(join(dir, 'desired.yaml'), dir));
    // create-users starts from an empty domain.
    expect(objects).toBeGreaterThanOrEqual(name === 'create-users' ? 0 : 2);
  });
});
