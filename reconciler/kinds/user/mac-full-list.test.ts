/**
 * The plan-time MAC check on a domain whose MAC-record list fills the largest page (1,000 records: the list
 * cannot page, so it is no proof of absence): the wanted MACs are read one by one, a bound one is still
 * refused, a free one plans.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../emulator';
import { loadDesiredState } from '../../desired/load-desired-state';
import { DesiredStateError } from '../../errors';
import { planDomain } from '../../pipeline';
import { NetSapiensClient } from '../../platform/client';
import { envSecretResolver } from '../secret';

const KEY = 'nsd_macfull_test_00000000000000000000000000000000000000000000';
const DOMAIN = 'macfull.example.com';
const mac = (i: number) => `0004f2${i.toString(16).padStart(6, '0')}`;
let emu: RunningEmulator;
let client: NetSapiensClient;
const dir = mkdtempSync(join(tmpdir(), 'pbxctl-macfull-'));

beforeAll(async () => {
  const phones = Array.from({ length: 1000 }, (_, i) => ({
    'device-provisioning-mac-address': mac(i),
    // Record 5 holds user 1002's handset (1002 is not in the file), record 7 user 1001's; the others name
    // devices no user has.
    'device-provisioning-sip-uri-1': `sip:${i === 5 ? '1002' : i === 7 ? '1001' : `9${String(i).padStart(3, '0')}`}@${DOMAIN}`,
  }));
  const users = ['1001', '1002'].map((user) => ({ user, 'name-first-name': 'A', 'name-last-name': user }));
  const devices = ['1001', '1002'].map((user) => ({ user, device: user }));
  emu = await startEmulator({
    seed: { domains: { [DOMAIN]: { domain: { description: 'm' }, users, devices, phones } } },
    apiKeys: [KEY],
  });
  client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
});
afterAll(async () => {
  await client?.close();
  await emu?.close();
});

async function plan(macOf1001: string) {
  const file = join(dir, 'domain.yaml');
  writeFileSync(
    file,
    `version: 1\ndomain: ${DOMAIN}\nusers:\n  - { extension: "1001", first_name: A, last_name: B, phone: { mac: "${macOf1001}" } }\n`,
  );
  const state = loadDesiredState(file, { secrets: envSecretResolver({}) });
  return planDomain(client, state.domains[0]!, {});
}

describe('MAC check when the MAC-record list is full', () => {
  it('reads the wanted MAC on its own: a free MAC plans, with one read for it', async () => {
    emu.requests.reset();
    const result = await plan('00:04:f2:ff:ff:ff');
    expect(result.plan.changes.map((c) => `${c.action} ${c.key}`)).toEqual(['update 1001']);
    const reads = emu.requests.list().map((r) => r.path.split('?')[0]);
    expect(reads.filter((p) => p.includes('/phones'))).toEqual([
      `/domains/${DOMAIN}/phones`,
      `/domains/${DOMAIN}/phones/0004f2ffffff`,
    ]);
  });

  it('reads no MAC record when every MAC is already on the device the file gives it to', async () => {
    emu.requests.reset();
    const result = await plan(mac(7));
    // Only the seed's last name differs: the desk phone is no change.
    expect(result.plan.changes.flatMap((c) => (c.fields ?? []).map((f) => f.path))).toEqual(['last_name']);
    const paths = emu.requests.list().map((r) => r.path.split('?')[0]);
    expect(paths.filter((p) => p.includes('/phones'))).toEqual([]);
    // The device list is what shows the binding: it was read.
    expect(paths).toContain(`/domains/${DOMAIN}/devices`);
  });

  it('still refuses a MAC bound to a device the file does not manage', async () => {
    const refused = await plan(mac(5)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DesiredStateError);
    expect((refused as DesiredStateError).issues.map((i) => i.message)).toEqual([
      `MAC 00:04:F2:00:00:05 is already bound to device 1002 (user 1002) on ${DOMAIN}`,
    ]);
  });
});
