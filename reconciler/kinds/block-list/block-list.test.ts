import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { computePlan, diffFields } from '../../plan/compute-plan';
import type { LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { describeChanges, ladderStep, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { type BlockListPlatform, blockListKind } from '.';

const DOMAIN = 'acme.example.com';
const noSecrets = () => undefined;

describe('block_list toComparable, export', () => {
  it('compares as a sorted set of normalised numbers', () => {
    expect(
      blockListKind.toComparable(
        { numbers: ['+1 900 555 0000', '9005550000', 'Anonymous', '+44 20 7946 0000'] },
        noSecrets,
      ),
    ).toEqual({
      numbers: ['19005550000', '442079460000', 'anonymous'],
    });
  });

  it('export round-trips', () => {
    const live: LiveObject<BlockListPlatform> = {
      kind: 'block_list',
      domain: DOMAIN,
      key: DOMAIN,
      comparable: { numbers: ['19005550000', 'anonymous'] },
      platform: { raw: ['9005550000', 'anonymous'] },
    };
    const spec = blockListKind.export(live);
    expect(spec).toEqual({ numbers: ['19005550000', 'anonymous'] });
    const d = blockListKind.toComparable(spec, noSecrets);
    expect(diffFields('block_list', d, live.comparable)).toEqual([]);
    expect(d).toEqual(live.comparable);
  });

  it('labels with the count', () => {
    expect(blockListKind.label(DOMAIN, { numbers: ['1'] })).toBe(`${DOMAIN} (1 number)`);
  });
});

describe('block_list in the desired-state file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-bl-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a bare list keyed by the domain', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(
      file,
      ['version: 1', `domain: ${DOMAIN}`, 'block_list: ["+1 900 555 0000", anonymous]', ''].join('\n'),
    );
    const [b] = loadDesiredState(file).domains[0]?.objects.get('block_list') ?? [];
    expect(b?.key).toBe(DOMAIN);
    expect(b?.comparable).toEqual({ numbers: ['19005550000', 'anonymous'] });
  });

  it('rejects what is not a phone number', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, ['version: 1', `domain: ${DOMAIN}`, 'block_list: ["call me"]', ''].join('\n'));
    expect(() => loadDesiredState(file)).toThrow(/problem/);
  });
});

describe('block_list idempotence ladder (emulator, real HTTP)', () => {
  let platform: TestPlatform;
  const state = (numbers?: string[]) =>
    desiredState({ domain: DOMAIN, objects: numbers === undefined ? {} : { block_list: numbers } });
  const stored = () => platform.emulator.state().domains[DOMAIN]?.number_filters ?? [];

  beforeAll(async () => {
    platform = await startTestPlatform({ domains: { [DOMAIN]: {} } });
  });
  afterAll(async () => platform?.close());

  it('empty: a domain without block_list and an empty filter plans nothing and lists nothing unmanaged', async () => {
    const step = await ladderStep(platform.client, state());
    expect(describeChanges(step.plan)).toEqual([]);
    expect(step.replan.unmanaged).toEqual([]);
  });

  it('create', async () => {
    const step = await ladderStep(platform.client, state(['+1 900 555 0000', 'anonymous']));
    expect(describeChanges(step.plan)).toEqual([`block_list:${DOMAIN} update [numbers]`]);
    expect(describeChanges(step.replan)).toEqual([]);
    expect([...stored()].sort()).toEqual(['19005550000', 'anonymous']);
  });

  it('change: POSTs the added numbers and DELETEs the removed ones, by their stored spelling', async () => {
    // Someone added a 10-digit spelling in the portal; the file lists it in E.164.
    platform.emulator.mutate((s) => {
      s.domains[DOMAIN]?.number_filters.push('2125550100');
    });
    platform.emulator.requests.reset();
    const step = await ladderStep(platform.client, state(['+1 800 555 0199', '+1 212 555 0100']));
    expect(step.plan.changes[0]?.fields[0]).toMatchObject({
      before: ['12125550100', '19005550000', 'anonymous'],
      after: ['12125550100', '18005550199'],
    });
    expect(describeChanges(step.replan)).toEqual([]);
    expect([...stored()].sort()).toEqual(['18005550199', '2125550100']);
    const writes = platform.emulator.requests.list().filter((r) => r.method !== 'GET');
    expect(writes.map((r) => r.method)).toEqual(['DELETE', 'POST']);
  });

  it('export of the live list plans to zero changes', async () => {
    const live = await readKinds(platform.client, state(), { full: true });
    const [l] = live.objects.get('block_list') ?? [];
    const desired = state(blockListKind.export(l as LiveObject<BlockListPlatform>).numbers);
    expect(describeChanges(computePlan({ desired, live: await readKinds(platform.client, desired) }))).toEqual([]);
  });

  it('emptied in the file: everything removed, then nothing to do', async () => {
    const step = await ladderStep(platform.client, state([]));
    expect(step.plan.changes).toHaveLength(1);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it('never pruned: with prune on and no block_list in the file, a live list is only reported', async () => {
    platform.emulator.mutate((s) => {
      s.domains[DOMAIN]?.number_filters.push('19005550000');
    });
    const desired = desiredState({ domain: DOMAIN, policy: { prune: true } });
    const plan = computePlan({ desired, live: await readKinds(platform.client, desired) });
    expect(plan.changes).toEqual([]);
    expect(plan.unmanaged.map((u) => u.label)).toEqual([`${DOMAIN} (1 number)`]);
  });

  it('delete (Terraform destroy) removes every number', async () => {
    const live = await readKinds(platform.client, state());
    const [l] = live.objects.get('block_list') ?? [];
    await blockListKind.delete(
      { client: platform.client, domain: DOMAIN, sendWelcomeEmail: false },
      { key: DOMAIN, live: l as LiveObject<BlockListPlatform>, changedFields: [] },
    );
    expect(stored()).toEqual([]);
    expect((await readKinds(platform.client, state())).objects.get('block_list')).toEqual([]);
  });
});
