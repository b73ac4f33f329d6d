/**
 * Issue 12 must-show 5 (doctor part): against the strict emulator seeded with a portal-like domain — a
 * `system-…` ring group with a code the profile does not name, an unknown spam value, a desk phone with a
 * MAC under a non-extension name — `pbxctl doctor` names all three, sends only GETs, and its record holds
 * none of the seed's names, e-mails, numbers or PINs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator';
import { doctorCommand } from '../cli/commands/doctor';
import { NetSapiensClient } from '../platform/client';
import { DEFAULT_PLATFORM_PROFILE } from '../platform/profile';
import { runDoctor } from './doctor';
import { PERSONAL, PORTAL_DOMAIN as D, PORTAL_SEED } from '../../test/test-support/portal-seed';

const KEY = 'nsd_doctor_test_0000000000000000000000000000000000000000000000000';
const PII = PERSONAL.filter((p) => !['Katherine', 'Johnson'].includes(p));
const SEED = PORTAL_SEED;

let emu: RunningEmulator;
let client: NetSapiensClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, apiKeys: [KEY] });
  client = new NetSapiensClient({ baseUrl: emu.url, apiKey: KEY, requestsPerSecond: 10_000 });
});
afterAll(async () => {
  await client?.close();
  await emu?.close();
});

describe('pbxctl doctor', () => {
  it('names the unknown ring-group code, the unknown spam value and the MAC under another name; only GETs', async () => {
    emu.requests.reset();
    const report = await runDoctor(client, D, DEFAULT_PLATFORM_PROFILE);
    const said = report.findings.map((f) => `${f.object} ${f.field} ${f.value}`);
    expect(said).toEqual(
      expect.arrayContaining([
        'user 2000 service-code system-hunt',
        'user 1000 forward-on-spam-call <Reject>',
        'device 1001/desk-7 device desk-7',
      ]),
    );
    expect(report.findings.find((f) => f.field === 'service-code')?.suggestion).toContain(
      'platform.ring_group_service_code: "system-hunt"',
    );
    expect(report.apiVersion).toBe('45.0');
    expect(report.emailField).toBe('email-address');
    expect(report.paging).toBe('0-based');
    const methods = new Set(emu.requests.list().map((r) => r.method));
    expect([...methods]).toEqual(['GET']);
    expect(emu.requests.list().length).toBeGreaterThan(5);
  });

  it('with the profile naming both values, only the MAC remains', async () => {
    const report = await runDoctor(client, D, {
      ...DEFAULT_PLATFORM_PROFILE,
      ringGroupServiceCode: 'system-hunt',
      spamDrop: '<Reject>',
    });
    expect(report.findings.map((f) => f.field)).toEqual(['device']);
  });

  it('the CLI exits 2, prints the findings, and --out holds no name, e-mail, number or PIN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-doctor-'));
    let out = '';
    const io = {
      cwd: dir,
      env: { NS_API_URL: emu.url, NS_API_KEY: KEY },
      stdout: (s: string) => {
        out += s;
      },
      stderr: () => undefined,
    };
    const code = await doctorCommand([], { domain: D, out: 'doctor.json' }, io as never);
    expect(code).toBe(2);
    expect(out).toContain('system-hunt');
    expect(out).toContain('<Reject>');
    const text = readFileSync(join(dir, 'doctor.json'), 'utf8');
    const record = JSON.parse(text) as { record: { users: unknown[]; answer_rules: unknown[] } };
    expect(record.record.users).toHaveLength(3);
    expect(text).toContain('system-hunt');
    expect(text).toContain('<Reject>');
    for (const secret of PII) expect(text).not.toContain(secret);
  });

  it('reads a 44.1.2 server and reports the e-mail spelling pbxctl will write there', async () => {
    const old = await startEmulator({ seed: SEED, apiKeys: [KEY], apiVersion: '44.1.2' });
    const c = new NetSapiensClient({ baseUrl: old.url, apiKey: KEY, requestsPerSecond: 10_000 });
    try {
      const report = await runDoctor(c, D, DEFAULT_PLATFORM_PROFILE);
      expect(report.apiVersion).toBe('44.1.2');
      expect(report.emailField).toBe('email');
    } finally {
      await c.close();
      await old.close();
    }
  });
});
