import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { DesiredStateError, PlatformApiError } from '../../errors';
import { computePlan } from '../../plan/compute-plan';
import { buildPlanDocument } from '../../plan/plan-document';
import { assertReferencesExist } from '../../plan/references';
import { renderJson, renderMarkdown, renderText } from '../../plan/render';
import type { LiveObject } from '../kind';
import { desiredState } from '../test-support/desired-state';
import { applyWithKinds, describeChanges, ladderStep, planOf, readKinds } from '../test-support/ladder';
import { startTestPlatform, type TestPlatform } from '../test-support/test-platform';
import { type EmergencyAddressPlatform, type EmergencyAddressSpec, emergencyAddressKind } from '.';
import { liveAddressComparable, validatedFields } from './codec';

const DOMAIN = 'e911.example.com';
const comparable = (spec: EmergencyAddressSpec) => emergencyAddressKind.toComparable(spec, () => undefined);

const HQ: EmergencyAddressSpec = {
  name: 'HQ',
  caller_name: 'Acme Corp',
  line1: '12  Main St',
  line2: 'Suite 4',
  city: 'Springfield',
  state: 'il',
  postal_code: '62701',
  location: '2nd floor',
};
const BRANCH: EmergencyAddressSpec = {
  name: 'Branch',
  caller_name: 'Acme Corp',
  line1: '400 Oak Ave',
  city: 'Chicago',
  state: 'IL',
  postal_code: '60601',
};
const user = (extension: string, address?: string) => ({
  extension,
  first_name: 'Ada',
  last_name: `User${extension}`,
  ...(address === undefined ? {} : { emergency_address: address }),
});

describe('emergency_address content', () => {
  it('normalises white space and codes, defaults the country', () => {
    expect(comparable(HQ)).toEqual({
      name: 'HQ',
      caller_name: 'Acme Corp',
      line1: '12 Main St',
      line2: 'Suite 4',
      city: 'Springfield',
      state: 'IL',
      postal_code: '62701',
      country: 'US',
      location: '2nd floor',
    });
  });

  it('maps a platform Address record, empty fields as ""', () => {
    const c = liveAddressComparable({
      'emergency-address-id': 'a-1',
      'address-name': 'HQ',
      'caller-name': 'Acme',
      'address-line-1': '12 MAIN ST',
      'address-line-2': null,
      'address-city': 'Springfield',
      'address-state-province-abbreviation': 'IL',
      'address-postal-code': '62701',
      'address-country-abbreviation': 'us',
    });
    expect(c).toMatchObject({ line1: '12 MAIN ST', line2: '', country: 'US', location: '' });
  });

  it('sends the validated PIDF-LO as the create schema declares it (text), or as returned (profile)', () => {
    const validated = { 'emergency-address-id': 'a-9', 'address-formatted-pidflo': { City: 'X' }, carrier: 'bw' };
    expect(validatedFields(validated, { addressPidflo: 'text' })).toEqual({
      id: 'a-9',
      fields: { 'address-formatted-pidflo': '{"City":"X"}', carrier: 'bw' },
    });
    expect(validatedFields(validated, { addressPidflo: 'object' }).fields['address-formatted-pidflo']).toEqual({
      City: 'X',
    });
  });

  it('impact names the town, never the street (PII under --redact-pii)', () => {
    const before = comparable(HQ);
    const after = comparable({ ...HQ, line1: '14 Main St', city: 'Chatham', postal_code: '62629' });
    const lines = emergencyAddressKind.impact?.('HQ', before, after, ['city', 'line1', 'postal_code']) ?? [];
    expect(lines).toContain(
      'emergency calls from everyone assigned "HQ" will report Chatham, IL 62629 (was Springfield, IL 62701)',
    );
    expect(lines.join('\n')).not.toContain('Main St');
  });
});

describe('emergency_address plans under --redact-pii', () => {
  it('mask the street lines and the location, keep the name, the town and the impact', () => {
    const live: LiveObject<EmergencyAddressPlatform> = {
      kind: 'emergency_address',
      domain: DOMAIN,
      key: 'HQ',
      comparable: comparable(HQ),
      platform: { record: {}, id: 'a-1' },
    };
    const desired = desiredState({
      domain: DOMAIN,
      objects: { emergency_address: [{ ...HQ, line1: '14 Elm St', location: 'Basement' }] },
    });
    const plan = computePlan({
      desired,
      live: { domain: DOMAIN, objects: new Map([['emergency_address', [live]]]), extensions: new Set() },
    });
    expect(describeChanges(plan)).toEqual(['emergency_address:HQ update [line1, location]']);
    const doc = buildPlanDocument([plan], {});
    for (const out of [
      renderText(doc, { redactPii: true }),
      renderMarkdown(doc, { redactPii: true }),
      renderJson(doc, { redactPii: true }),
    ]) {
      expect(out).not.toMatch(/Elm St|Main St|Basement|2nd floor/);
      expect(out).toContain('HQ');
    }
    expect(renderText(doc, { redactPii: true })).toContain('will report a new street address (line 1)');
    expect(renderText(doc)).toContain('"12 Main St" → "14 Elm St"');
  });
});

describe('emergency_addresses in the desired-state file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pbxctl-e911-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const load = (name: string, text: string) => {
    writeFileSync(join(dir, name), `version: 1\ndomain: ${DOMAIN}\n${text}`);
    return loadDesiredState(join(dir, name), { cwd: dir });
  };
  const issuesOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof DesiredStateError) return err.issues;
      throw err;
    }
    return [];
  };

  it('reports a postal code that is no ZIP with file:line and the field', () => {
    const issues = issuesOf(() =>
      load(
        'bad.yaml',
        'emergency_addresses:\n  - name: HQ\n    caller_name: Acme\n    line1: 12 Main St\n    city: Springfield\n    state: IL\n    postal_code: "6270"\n',
      ),
    );
    expect(issues[0]).toMatchObject({ path: 'emergency_addresses[0].postal_code', position: { line: 9 } });
  });

  it('a user naming an address that exists nowhere is an error at its line', () => {
    const state = load(
      'ref.yaml',
      'emergency_addresses:\n  - { name: HQ, caller_name: Acme, line1: 12 Main St, city: Springfield, state: IL, postal_code: "62701" }\nusers:\n  - extension: "1001"\n    first_name: Ada\n    last_name: Lovelace\n    emergency_address: Warehouse\n',
    ).domains[0]!;
    const live = { domain: DOMAIN, objects: new Map(), extensions: new Set<string>() };
    const issues = issuesOf(() => assertReferencesExist(state, live));
    expect(issues).toHaveLength(1);
    // At the field that names the address, not the entry's first line.
    expect(issues[0]).toMatchObject({ path: 'users[0].emergency_address', position: { line: 9 } });
    expect(issues[0]?.message).toContain('emergency address Warehouse is not an emergency_address');
  });
});

describe('emergency_address ladder: validate → create → assign (emulator, strict, real HTTP)', () => {
  let platform: TestPlatform;
  const state = (addresses: EmergencyAddressSpec[], users: unknown[], prune = false) =>
    desiredState({ domain: DOMAIN, policy: { prune }, objects: { emergency_address: addresses, user: users } });
  const domainState = () => platform.emulator.state().domains[DOMAIN]!;
  const idOf = (name: string) =>
    domainState().addresses?.find((a) => a['address-name'] === name)?.['emergency-address-id'];
  const userAddress = (ext: string) => domainState().users.find((u) => u.user === ext)?.['emergency-address-id'];

  beforeAll(async () => {
    platform = await startTestPlatform({ domains: { [DOMAIN]: {} } });
  });
  afterAll(async () => platform?.close());

  it('creates the address before the users that name it, and assigns its id', async () => {
    const step = await ladderStep(platform.client, state([HQ], [user('1001', 'HQ'), user('1002', 'HQ')]));
    expect(step.plan.changes.map((c) => c.id)).toEqual(['emergency_address:HQ', 'user:1001', 'user:1002']);
    expect(step.plan.changes[1]?.dependsOn).toEqual(['emergency_address:HQ']);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(idOf('HQ')).toMatch(/^a-[0-9a-f]{13}$/);
    expect(userAddress('1001')).toBe(idOf('HQ'));
    expect(platform.emulator.contractViolations).toEqual([]);
  });

  it('export of the live addresses and users plans to zero changes', async () => {
    const live = await readKinds(platform.client, state([], []), { full: true });
    const exported = (live.objects.get('emergency_address') ?? []).map((l) =>
      emergencyAddressKind.export(l as LiveObject<EmergencyAddressPlatform>),
    );
    expect(exported).toEqual([{ ...HQ, line1: '12 Main St', state: 'IL' }]);
    const desired = state(exported, [user('1001', 'HQ'), user('1002', 'HQ')]);
    expect(describeChanges(computePlan({ desired, live: await readKinds(platform.client, desired) }))).toEqual([]);
  });

  it('change: a new street re-validates; a user moves to a new address', async () => {
    const moved = { ...HQ, line1: '14 Main St' };
    const step = await ladderStep(
      platform.client,
      state([moved, BRANCH], [user('1001', 'HQ'), user('1002', 'Branch')]),
    );
    expect(step.plan.changes.map((c) => `${c.id} ${c.action}`)).toEqual([
      'emergency_address:Branch create',
      'emergency_address:HQ update',
      'user:1002 update',
    ]);
    expect(step.plan.changes[2]?.impact).toContain(
      'emergency calls from 1002 will report emergency address "Branch" (was emergency address "HQ")',
    );
    expect(describeChanges(step.replan)).toEqual([]);
    expect(domainState().addresses?.find((a) => a['address-name'] === 'HQ')?.['address-line-1']).toBe('14 Main St');
    expect(userAddress('1002')).toBe(idOf('Branch'));
  });

  it('never deletes an address still in use; deletes it after its last user moves', async () => {
    // Pruning, the file drops Branch but 1002 still has it on the platform (the file does not say otherwise).
    const kept = planOf(
      state([{ ...HQ, line1: '14 Main St' }], [user('1001', 'HQ'), user('1002')], true),
      await readKinds(platform.client, state([], [])),
    );
    expect(kept.changes.filter((c) => c.kind === 'emergency_address')).toEqual([]);
    expect(kept.unmanaged.find((u) => u.key === 'Branch')?.reason).toBe(
      'not deleted: still the emergency address of user 1002; point them elsewhere first',
    );
    // 1002 moves back to HQ in the same plan: Branch goes, after the move.
    const step = await ladderStep(
      platform.client,
      state([{ ...HQ, line1: '14 Main St' }], [user('1001', 'HQ'), user('1002', 'HQ')], true),
    );
    expect(step.plan.changes.map((c) => `${c.id} ${c.action}`)).toEqual([
      'user:1002 update',
      'emergency_address:Branch delete',
    ]);
    expect(step.plan.changes[1]?.dependsOn).toEqual(['user:1002']);
    expect(describeChanges(step.replan)).toEqual([]);
    expect(idOf('Branch')).toBeUndefined();
  });

  it('an address the carrier cannot validate is refused with its reason, and nothing is created', async () => {
    const desired = state([{ ...BRANCH, name: 'Nowhere', line1: 'Main Street' }], []);
    const live = await readKinds(platform.client, desired);
    const err = await applyWithKinds(platform.client, planOf(desired, live), desired, live).catch((e) => e);
    expect(err).toBeInstanceOf(PlatformApiError);
    expect(String(err.message)).toContain(
      'the carrier did not validate the address (INVALID: address line 1 has no house number)',
    );
    expect(idOf('Nowhere')).toBeUndefined();
  });
});
