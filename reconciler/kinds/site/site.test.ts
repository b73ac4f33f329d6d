import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePlan } from '../../plan/compute-plan';
import { assertReferencesExist } from '../../plan/references';
import { DesiredStateError } from '../../errors';
import type { LiveObject } from '../kind';
import { whyNot } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { describeChanges, ladderStep, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { type SitePlatform, type SiteSpec, siteKind } from '.';

const DOMAIN = 'sites.example.com';
const HQ_ADDRESS = {
  name: 'HQ',
  caller_name: 'Acme Corp',
  line1: '12 Main St',
  city: 'New York',
  state: 'NY',
  postal_code: '10001',
};
const HQ: SiteSpec = {
  name: 'HQ',
  time_zone: 'America/New_York',
  area_code: 212,
  caller_id_name: 'Acme Corp',
  emergency_caller_id: '+1 212 555 0100',
  emergency_address: 'HQ',
};
const person = (extension: string, site?: string) => ({
  extension,
  first_name: 'Ada',
  last_name: `At${extension}`,
  ...(site ? { site } : {}),
});

describe('site content and capabilities', () => {
  it('normalises numbers and names; references its emergency address', () => {
    const c = siteKind.toComparable(HQ, () => undefined);
    expect(c).toMatchObject({ name: 'HQ', area_code: 212, emergency_caller_id: '12125550100' });
    expect(siteKind.references('HQ', c)).toEqual([
      {
        from: 'site HQ',
        source: { kind: 'site', key: 'HQ' },
        relation: 'emergency_address',
        kind: 'emergency_address',
        key: 'HQ',
      },
    ]);
  });

  it('says why a site cannot be deleted', () => {
    expect(whyNot(siteKind, 'delete')).toContain('no site delete');
  });

  it('a user placed at a site that exists nowhere is an error; one in the file is fine', () => {
    const live = { domain: DOMAIN, objects: new Map(), extensions: new Set<string>() };
    const bad = desiredState({ domain: DOMAIN, objects: { user: [person('1001', 'Annex')] } });
    let caught: unknown;
    try {
      assertReferencesExist(bad, live);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DesiredStateError);
    expect((caught as DesiredStateError).issues[0]).toMatchObject({
      path: 'users[0].site',
      message: `site Annex is not a site in the files or on ${DOMAIN}`,
    });
    const ok = desiredState({
      domain: DOMAIN,
      objects: { site: [{ name: 'Annex' }], user: [person('1001', 'Annex')] },
    });
    expect(() => assertReferencesExist(ok, live)).not.toThrow();
  });
});

describe('site ladder (emulator, strict, real HTTP)', () => {
  let platform: TestPlatform;
  const state = (sites: SiteSpec[], users: unknown[] = [], prune = false) =>
    desiredState({
      domain: DOMAIN,
      policy: { prune },
      objects: { emergency_address: [HQ_ADDRESS], site: sites, user: users },
    });
  const stored = (name: string) => platform.emulator.state().domains[DOMAIN]?.sites?.find((s) => s.site === name);

  beforeAll(async () => {
    platform = await startTestPlatform({ domains: { [DOMAIN]: {} } });
  });
  afterAll(async () => platform?.close());

  it('creates the address, then the site that names it, then the people placed there', async () => {
    const step = await ladderStep(platform.client, state([HQ], [person('1001', 'HQ')]));
    expect(step.plan.changes.map((c) => `${c.id} ${c.dependsOn.join(',')}`)).toEqual([
      'emergency_address:HQ ',
      'site:HQ emergency_address:HQ',
      'user:1001 site:HQ',
    ]);
    expect(describeChanges(step.replan)).toEqual([]);
    const address = platform.emulator.state().domains[DOMAIN]?.addresses?.[0];
    expect(stored('HQ')).toMatchObject({ 'area-code': 212, 'emergency-address-id': address?.['emergency-address-id'] });
    expect(platform.emulator.contractViolations).toEqual([]);
  });

  it('update: only the changed fields; clearing the address', async () => {
    const step = await ladderStep(
      platform.client,
      state([{ ...HQ, caller_id_name: 'Acme NYC', emergency_address: '' }], [person('1001', 'HQ')]),
    );
    expect(describeChanges(step.plan)).toEqual(['site:HQ update [caller_id_name, emergency_address]']);
    expect(step.plan.changes[0]?.impact).toContain(
      'emergency calls from site "HQ" (users there without their own) will report no emergency address (was emergency address "HQ")',
    );
    expect(describeChanges(step.replan)).toEqual([]);
    expect(stored('HQ')?.['emergency-address-id']).toBe('');
  });

  it('export round-trip, and a site left out of a pruned file stays, with the reason', async () => {
    const live = await readKinds(platform.client, state([]), { full: true });
    const exported = (live.objects.get('site') ?? []).map((l) => siteKind.export(l as LiveObject<SitePlatform>));
    expect(exported).toEqual([
      {
        name: 'HQ',
        time_zone: 'America/New_York',
        area_code: 212,
        caller_id_name: 'Acme NYC',
        emergency_caller_id: '12125550100',
      },
    ]);
    const desired = state(exported);
    expect(describeChanges(computePlan({ desired, live: await readKinds(platform.client, desired) }))).toEqual([]);
    const pruned = computePlan({ desired: state([], [], true), live });
    expect(pruned.changes.filter((c) => c.kind === 'site')).toEqual([]);
    expect(pruned.unmanaged.find((u) => u.kind === 'site')?.reason).toBe(
      'cannot be deleted: the NetSapiens API has no site delete (v45.0): remove the site in the portal',
    );
  });
});
