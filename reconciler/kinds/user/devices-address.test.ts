/**
 * A device's `emergency_address` (issue 16) over real HTTP against the strict emulator: written as the
 * address's id, read back as its name, exported, kept alive while a device names it, and refused at
 * file:line when no address has the name.
 */
import { describe, expect, it } from 'vitest';
import { DesiredStateError } from '../../errors';
import { exportDomain } from '../../export/export-domain';
import { changeIds, useFilePlatform } from '../test-support/file-platform';

const DOMAIN = 'devaddr.example.com';
const platform = useFilePlatform({
  domain: DOMAIN,
  seed: { domain: { description: 'device addresses' } },
  header: 'policy: { prune: false }\n',
  flags: { allowDeletes: true },
});
const { write, plan, planFile, applyAndReplan } = platform;

const ADDRESSES = `emergency_addresses:
  - { name: HQ, caller_name: Acme, line1: 12 Main St, city: Springfield, state: IL, postal_code: "62701" }
`;
const users = (second: string, phone = 'phone: true') => `users:
  - extension: "1001"
    first_name: Ada
    last_name: Lovelace
    phones:
      - { mac: "00:04:F2:00:00:21", model: yealink-t54w }
      - { ${second} }
  - { extension: "1002", first_name: Bob, last_name: Test, ${phone} }
`;

const domainState = () => platform.emu.state().domains[DOMAIN]!;
const addressId = (name: string) =>
  domainState().addresses?.find((a) => a['address-name'] === name)?.['emergency-address-id'];
const deviceAddress = (device: string) =>
  domainState().devices.find((d) => d.device === device)?.['emergency-address-id'];

describe('a device names its emergency address', () => {
  it('the second device of phones: and the phone: shorthand store the address id; re-plan is empty', async () => {
    await applyAndReplan(`${ADDRESSES}${users('')}`);
    expect(deviceAddress('1001a')).toBe('');
    const { run } = await applyAndReplan(
      `${ADDRESSES}${users('emergency_address: HQ', 'phone: { emergency_address: HQ }')}`,
    );
    expect(addressId('HQ')).toMatch(/^a-/);
    expect(deviceAddress('1001a')).toBe(addressId('HQ'));
    expect(deviceAddress('1001')).toBe('');
    expect(deviceAddress('1002')).toBe(addressId('HQ'));
    const impact = run.plan.changes.flatMap((c) => c.impact);
    expect(impact).toContain(
      `emergency calls from 1001's device 1001a will report emergency address "HQ" (was no emergency address)`,
    );
    expect(impact).toContain(
      `emergency calls from 1002's desk phone will report emergency address "HQ" (was no emergency address)`,
    );
    expect(impact).not.toContain('the desk phone of 1002 is re-provisioned');
  });

  it('export writes the address name on the device and plans to zero changes', async () => {
    const exported = await exportDomain(platform.client, DOMAIN);
    expect(exported.yaml).toMatch(/- emergency_address: HQ/);
    expect(exported.yaml).not.toContain(String(addressId('HQ')));
    const run = await planFile(write(exported.yaml.replace(/^(version|domain):.*\n/gm, ''), 'export.yaml'));
    expect(changeIds(run)).toEqual([]);
  });

  it('an address still named by a device is not deleted, with the reason', async () => {
    const run = await plan(`version: 1\ndomain: ${DOMAIN}\npolicy: { prune: true }\n${users('emergency_address: HQ')}`);
    expect(run.plan.changes.filter((c) => c.kind === 'emergency_address')).toEqual([]);
    expect(run.plan.unmanaged.find((u) => u.key === 'HQ')?.reason).toBe(
      'not deleted: still the emergency address of user 1001 (device 1001a), user 1002 (device 1002); point them elsewhere first',
    );
  });

  it('a name no address has is refused at the line of the field that names it', async () => {
    const issuesOf = async (yaml: string) => {
      const err = await plan(yaml).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DesiredStateError);
      return (err as DesiredStateError).issues.map((i) => [i.path, i.position?.line, i.message]);
    };
    const missing = 'is not an emergency_address in the files or on devaddr.example.com';
    // Line 12: the second entry of phones; line 13: the phone: shorthand of 1002.
    expect(
      await issuesOf(`${ADDRESSES}${users('emergency_address: Warehouse', 'phone: { emergency_address: Annex }')}`),
    ).toEqual([
      ['users[0].phones[1].emergency_address', 12, `emergency address Warehouse ${missing}`],
      ['users[1].phone.emergency_address', 13, `emergency address Annex ${missing}`],
    ]);
    // A device with its own suffix sorts after 1001a on the platform, yet is reported at its own entry.
    const suffixed = `users:
  - extension: "1001"
    first_name: Ada
    last_name: Lovelace
    phones:
      - suffix: tp
        emergency_address: Warehouse
      - { mac: "00:04:F2:00:00:21", model: yealink-t54w, emergency_address: HQ }
`;
    expect(await issuesOf(`${ADDRESSES}${suffixed}`)).toEqual([
      ['users[0].phones[0].emergency_address', 12, `emergency address Warehouse ${missing}`],
    ]);
  });

  it('dropping the address from the device clears it on the platform', async () => {
    await applyAndReplan(`${ADDRESSES}${users('')}`);
    expect(deviceAddress('1001a')).toBe('');
  });
});

describe('emulator device writes', () => {
  it('an unknown emergency-address-id is refused with 400', async () => {
    const err = await platform.client
      .updateDevice(DOMAIN, '1001', '1001a', { 'emergency-address-id': 'a-nope' })
      .catch((e: unknown) => e);
    expect(String((err as Error).message)).toContain('emergency-address-id a-nope does not match an address');
  });
});
