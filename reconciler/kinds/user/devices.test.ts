/**
 * A user's devices over real HTTP against the strict emulator: MAC changes through the MAC records
 * (`/domains/{d}/phones`), the `phones:` list, the plan-time MAC conflict, and the idempotence ladder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../desired/load-desired-state';
import { DesiredStateError } from '../../errors';
import { exportDomain } from '../../export/export-domain';
import { envSecretResolver } from '../secret';
import { useFilePlatform } from '../test-support/file-platform';

const DOMAIN = 'devices.example.com';
const platform = useFilePlatform({
  domain: DOMAIN,
  seed: { domain: { description: 'devices' } },
  header: 'policy: { prune: true }\n',
  flags: { allowDeletes: true, allowRecycle: true },
});
const { write, plan, planFile, applyAndReplan } = platform;

const macRecords = () =>
  Object.fromEntries(
    platform.emu
      .state()
      .domains[DOMAIN]!.phones.map((p) => [p['device-provisioning-mac-address'], p['device-provisioning-sip-uri-1']]),
  );
const devicesOf = (user: string) =>
  platform.emu
    .state()
    .domains[DOMAIN]!.devices.filter((d) => d.user === user)
    .map((d) => d.device);
const user = (ext: string, phone: string) =>
  `  - { extension: "${ext}", first_name: U${ext}, last_name: Test, ${phone} }\n`;

describe('MAC records through /domains/{d}/phones', () => {
  it('a new MAC replaces the old record; removing the phone removes the record; no MAC goes through device PUT', async () => {
    await applyAndReplan(`users:\n${user('1001', 'phone: { mac: "00:04:F2:00:00:01", model: yealink-t54w }')}`);
    expect(macRecords()).toEqual({ '0004f2000001': `sip:1001@${DOMAIN}` });

    platform.emu.requests.reset();
    const { run } = await applyAndReplan(
      `users:\n${user('1001', 'phone: { mac: "00:04:F2:00:00:02", model: yealink-t54w }')}`,
    );
    expect(run.plan.changes[0]?.fields.map((f) => f.path)).toEqual(['phone.mac']);
    expect(macRecords()).toEqual({ '0004f2000002': `sip:1001@${DOMAIN}` });
    const writes = platform.emu.requests.list().filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path.replace(/^.*\/domains\/[^/]+/, '')}`)).toEqual([
      'DELETE /phones',
      'POST /phones',
    ]);

    await applyAndReplan(`users:\n${user('1001', 'phone: false')}`);
    expect(devicesOf('1001')).toEqual([]);
    expect(macRecords()).toEqual({});
  });

  it('a MAC bound to another device is refused at plan time, with where and how to fix, before any write', async () => {
    await applyAndReplan(
      `users:\n${user('1001', 'phone: { mac: "00:04:F2:00:00:03" }')}${user('1002', 'phone: true')}`,
    );
    platform.emu.requests.reset();
    // 1001 keeps the handset (its entry says so) while 1002 asks for it.
    const yaml = `users:\n${user('1001', 'phone: { mac: "00:04:F2:00:00:03" }')}${user('1002', 'phone: { mac: "0004f2000003" }')}`;
    const refused = await plan(yaml).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DesiredStateError);
    const issue = (refused as DesiredStateError).issues[0]!;
    expect(issue.message).toBe(`MAC 00:04:F2:00:00:03 is also given to device 1001 (users[0].phone.mac)`);
    expect(issue.position?.line).toBe(6);
    // Not in the file: the MAC is bound to 1001 on the platform, which the file does not change.
    const other = `users:\n${user('1002', 'phone: { mac: "0004f2000003" }')}`;
    const bound = await plan(other).catch((e: unknown) => e);
    expect((bound as DesiredStateError).issues.map((i) => `${i.path}: ${i.message} (${i.hint})`)).toEqual([
      `users[0].phone.mac: MAC 00:04:F2:00:00:03 is already bound to device 1001 (user 1001) on ${DOMAIN} (take it off 1001 first (in the file, or in the portal's Phones tab), or check the MAC on the handset's label)`,
    ]);
    expect(platform.emu.requests.list().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a MAC moved from one user to another in the same file is applied in one run', async () => {
    const { run } = await applyAndReplan(
      `users:\n${user('1001', 'phones: [{}]')}${user('1002', 'phone: { mac: "00:04:F2:00:00:03" }')}`,
    );
    expect(run.plan.changes.map((c) => c.id)).toEqual(['user:1001', 'user:1002']);
    expect(macRecords()).toEqual({ '0004f2000003': `sip:1002@${DOMAIN}` });
    expect(devicesOf('1001')).toEqual(['1001']);
  });
});

const TWO = `users:
  - extension: "1003"
    first_name: Grace
    last_name: Hopper
    phones:
      - { mac: "00:04:F2:00:00:10", model: yealink-t54w }
      - {}
`;

describe('several devices per user (phones:)', () => {
  it('creates a desk phone and a softphone as 1003 and 1003a, with impact lines, and converges', async () => {
    const { run } = await applyAndReplan(TWO);
    expect(devicesOf('1003')).toEqual(['1003', '1003a']);
    expect(macRecords()['0004f2000010']).toBe(`sip:1003@${DOMAIN}`);
    expect(run.plan.changes.find((c) => c.key === '1003')?.action).toBe('create');
  });

  it('export writes phones: and plans to zero changes', async () => {
    const exported = await exportDomain(platform.client, DOMAIN);
    expect(exported.yaml).toMatch(/phones:\n\s+- mac: 0004f2000010\n\s+model: yealink-t54w\n\s+- \{\}/);
    const file = join(platform.dir, 'export.yaml');
    writeFileSync(file, exported.yaml);
    const run = await planFile(file, {});
    expect(run.plan.changes).toEqual([]);
  });

  it('removing the softphone is data-destroying (its SIP password is lost) and says so', async () => {
    const without = TWO.replace('      - {}\n', '');
    const run = await plan(without);
    const change = run.plan.changes.find((c) => c.key === '1003')!;
    expect(change.class).toBe('data-destroying');
    expect(change.impact).toEqual([
      "1003's device 1003a stops ringing: it is removed with its SIP password (a softphone or handset set up by hand needs new credentials to come back)",
    ]);
    await applyAndReplan(without);
    expect(devicesOf('1003')).toEqual(['1003']);
  });

  it('a second desk phone, then the first removed: routing, the MAC record goes with it', async () => {
    const both = TWO.replace('      - {}\n', '      - { suffix: b, mac: "00:04:F2:00:00:11", line: 2 }\n');
    await applyAndReplan(both);
    expect(devicesOf('1003')).toEqual(['1003', '1003b']);
    const record = platform.emu
      .state()
      .domains[DOMAIN]!.phones.find((p) => p['device-provisioning-mac-address'] === '0004f2000011');
    expect(record?.['device-provisioning-sip-uri-2']).toBe(`sip:1003b@${DOMAIN}`);
    const only = both.replace('      - { mac: "00:04:F2:00:00:10", model: yealink-t54w }\n', '');
    const run = await plan(only);
    const change = run.plan.changes.find((c) => c.key === '1003')!;
    expect(change.class).toBe('routing');
    expect(change.impact[0]).toMatch(/^1003's desk phone 00:04:F2:00:00:10 \(1003\) stops ringing/);
    await applyAndReplan(only);
    expect(macRecords()['0004f2000010']).toBeUndefined();
  });

  it('phone: and phones: in one entry is a file:line error', async () => {
    const file = write(
      `users:\n  - extension: "1004"\n    first_name: A\n    last_name: B\n    phone: true\n    phones: [{}]\n`,
    );
    let error: unknown;
    try {
      loadDesiredState(file, { secrets: envSecretResolver({}) });
    } catch (e) {
      error = e;
    }
    const issue = (error as DesiredStateError).issues[0]!;
    expect(issue.message).toBe('phone: and phones: are both set');
    expect(issue.position?.line).toBe(9);
    expect(issue.hint).toMatch(/not both/);
  });
});
