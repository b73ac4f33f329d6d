/**
 * Issue 12 must-show 5, second half: `pbxctl doctor --record DIR` against a portal-like domain writes an
 * emulator seed with no name, e-mail, number, PIN, password or MAC of the original (every file scanned
 * byte-wise), references kept consistent, and `pbxctl emulator --seed DIR` of it serves a domain whose
 * `export` plans to zero changes. All in-process: the emulators and the CLI (runCli).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, type RunningEmulator, readSeed, startEmulator } from '../../emulator';
import { type CliIo, runCli } from '../cli/run-cli';
import { Faker } from './fakes';
import { FULL_PORTAL_SEED, PERSONAL, PORTAL_DOMAIN as D } from '../../test/test-support/portal-seed';

const dirs: string[] = [];
const emus: RunningEmulator[] = [];
afterAll(async () => {
  for (const e of emus) await e.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'pbxctl-record-'));
  dirs.push(d);
  return d;
}

async function cli(argv: string[], emu: RunningEmulator, cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    env: { NS_API_URL: emu.url, NS_API_KEY: DEFAULT_API_KEY },
    cwd,
  };
  const code = await runCli(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

type Seed = {
  recorded: { apiversion?: string; findings: { object: string; field: string; value: string }[] };
  domains: Record<string, Record<string, Array<Record<string, unknown>>>>;
};

let source: RunningEmulator;
let recordDir: string;
let seed: Seed;

beforeAll(async () => {
  source = await startEmulator({ seed: FULL_PORTAL_SEED });
  emus.push(source);
  recordDir = tmp();
  source.requests.reset();
  const r = await cli(['doctor', '--domain', D, '--record', 'rec'], source, recordDir);
  expect(r.code, r.err).toBe(2);
  recordDir = join(recordDir, 'rec');
  seed = JSON.parse(readFileSync(join(recordDir, `${D}.seed.json`), 'utf8')) as Seed;
});

describe('pbxctl doctor --record', () => {
  it('sends only GETs and writes one seed file per domain', () => {
    expect(new Set(source.requests.list().map((r) => r.method))).toEqual(new Set(['GET']));
    expect(readdirSync(recordDir)).toEqual([`${D}.seed.json`]);
  });

  it('holds none of the seed’s names, e-mails, numbers, PINs, passwords or MACs (every file, byte-wise)', () => {
    // The SIP password the emulator generated for the device seeded without one counts too.
    const generated =
      source.state().domains[D]?.devices.map((d) => String(d['device-sip-registration-password'])) ?? [];
    expect(generated).toHaveLength(2);
    for (const file of readdirSync(recordDir)) {
      const bytes = readFileSync(join(recordDir, file));
      for (const secret of [...PERSONAL, ...generated])
        expect(bytes.includes(Buffer.from(secret)), `${file} contains "${secret}"`).toBe(false);
    }
  });

  it('notes the server version and what the doctor could not decode (faked the same way)', () => {
    expect(seed.recorded.apiversion).toBe('45.0');
    expect(seed.recorded.findings.map((f) => `${f.object} ${f.field} ${f.value}`)).toEqual(
      expect.arrayContaining([
        'user 2000 service-code system-hunt',
        'user 1000 forward-on-spam-call <Reject>',
        'device 1001/desk-7 device desk-7',
      ]),
    );
  });

  it('keeps what describes the platform and the references between records', () => {
    const d = seed.domains[D] ?? {};
    const users = d.users ?? [];
    const rules = d.answerrules ?? [];
    expect(users.map((u) => u.user)).toEqual(['1000', '1001', '1002', '2000']);
    expect(users.find((u) => u.user === '2000')?.['service-code']).toBe('system-hunt');
    const spam = rules.find((r) => r.user === '1000')?.['forward-on-spam-call'] as { parameters: string[] };
    expect(spam.parameters).toEqual(['<Reject>']);
    const group = rules.find((r) => r.user === '2000')?.['simultaneous-ring'] as { parameters: string[] };
    expect(group.parameters).toEqual(['1000', '1001;delay=5']);
    // A user's caller ID and the DID routed to that user: the same fake.
    const grace = users.find((u) => u.user === '1000') ?? {};
    const did = (d.phonenumbers ?? []).find((p) => p['dial-rule-translation-destination-user'] === '1000');
    expect(did?.phonenumber).toBe(grace['caller-id-number']);
    expect(String(grace['caller-id-number'])).toMatch(/^1\d{10}$/);
    expect(grace['voicemail-login-pin']).toMatch(/^\d{4}$/);
    expect(grace['email-address']).toMatch(/^person\d+@example\.com$/);
    // The external forward keeps its length; the MAC record and the device agree on the fake MAC.
    const fwd = rules.find((r) => r.user === '1002')?.['forward-no-answer'] as { parameters: string[] };
    expect(fwd.parameters[0]).toMatch(/^1\d{10}$/);
    const macs = (d.devices ?? []).map((x) => x['device-provisioning-mac-address']).filter(Boolean);
    expect((d.phones ?? []).map((p) => p['device-provisioning-mac-address']).sort()).toEqual([...macs].sort());
    // Everything that is not personal is kept verbatim (switches, scopes, codes, timeouts…).
    const faked = ['name-first-name', 'name-last-name', 'email-address', 'caller-id-number', 'caller-id-name'];
    for (const original of source.state().domains[D]?.users ?? []) {
      const recorded = users.find((u) => u.user === original.user) ?? {};
      for (const [k, v] of Object.entries(original))
        if (!faked.includes(k) && !['voicemail-login-pin', 'login-username', 'status-message'].includes(k))
          expect(recorded[k], `${original.user} ${k}`).toEqual(v);
    }
    expect(d.number_filters).toHaveLength(2);
    expect(d.number_filters).toContain('anonymous');
  });

  it('is served by `pbxctl emulator --seed DIR`, and its export plans to zero changes', async () => {
    const served = await startEmulator({ seed: readSeed(recordDir) });
    emus.push(served);
    const work = tmp();
    const exported = await cli(['export', '--domain', D, '--out', 'domains/portal.yaml'], served, work);
    expect(exported.code, exported.err).toBe(0);
    const yaml = readFileSync(join(work, 'domains/portal.yaml'), 'utf8');
    // Not a vacuous export: people, the adopted group, numbers, contacts, the block list and the time frame.
    for (const section of ['users:', 'ring_groups:', 'phone_numbers:', 'shared_contacts:', 'time_frames:'])
      expect(yaml).toContain(section);
    const plan = await cli(['plan', 'domains', '--detailed-exitcode'], served, work);
    expect(plan.code, `${plan.out}${plan.err}`).toBe(0);
    expect(served.contractViolations).toEqual([]);
  });
});

describe('a key that may not read every collection', () => {
  it('leaves a refused collection out and names it — never records it as empty; other failures fail', async () => {
    const emu = await startEmulator({ seed: FULL_PORTAL_SEED });
    emus.push(emu);
    emu.faults.add({ method: 'GET', path: '/domains/*/phones', status: 403 });
    const work = tmp();
    const r = await cli(['doctor', '--domain', D, '--record', 'rec'], emu, work);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain('not recorded (this key may not read them): phones (HTTP 403)');
    const recorded = JSON.parse(readFileSync(join(work, 'rec', `${D}.seed.json`), 'utf8')) as Seed & {
      recorded: { unread: string[] };
    };
    expect(recorded.recorded.unread).toEqual(['phones (HTTP 403)']);
    expect(recorded.domains[D]).not.toHaveProperty('phones');
    expect(recorded.domains[D]?.timeframes).toHaveLength(1);
    emu.faults.clear();
    emu.faults.add({ method: 'GET', path: '/domains/*/timeframes', status: 400 });
    const failed = await cli(['doctor', '--domain', D, '--record', 'rec2'], emu, work);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/timeframes/);
    expect(existsSync(join(work, 'rec2'))).toBe(false);
  });
});

describe('a 44.x server', () => {
  it('is recorded with its spellings and served again in 44.x mode; its export plans to zero changes', async () => {
    const old = await startEmulator({ seed: FULL_PORTAL_SEED, apiVersion: '44.1.2' });
    emus.push(old);
    const work = tmp();
    expect((await cli(['doctor', '--domain', D, '--record', 'rec'], old, work)).code).toBe(2);
    const recorded = JSON.parse(readFileSync(join(work, 'rec', `${D}.seed.json`), 'utf8')) as Seed;
    expect(recorded.recorded.apiversion).toBe('44.1.2');
    expect(recorded.domains[D]?.users?.find((u) => u.user === '1000')?.email).toMatch(/^person\d+@example\.com$/);
    const served = await startEmulator({ seed: readSeed(join(work, 'rec')), apiVersion: '44.1.2' });
    emus.push(served);
    expect((await cli(['export', '--domain', D, '--out', 'out/d.yaml'], served, work)).code).toBe(0);
    const plan = await cli(['plan', 'out', '--detailed-exitcode'], served, work);
    expect(plan.code, `${plan.out}${plan.err}`).toBe(0);
  });
});

describe('stable fakes', () => {
  it('the same value gets the same fake; different values different ones; lengths kept', () => {
    const f = new Faker();
    expect(f.phone('12125550100')).toBe(f.phone('12125550100'));
    expect(f.phone('12125550100')).not.toBe(f.phone('12125550101'));
    expect(f.phone('+442071838750')).toMatch(/^\+\d{12}$/);
    expect(f.phone('1001')).toBe('1001');
    expect(f.digitRuns('sip:12125550100@x;delay=5')).toBe(`sip:${f.phone('12125550100')}@x;delay=5`);
    expect(f.email('A@x.com; b@y.com')).toBe(`${f.email('a@x.com')}; ${f.email('b@y.com')}`);
    expect(f.pin('123456')).toMatch(/^\d{6}$/);
    expect(f.mac('00:04:13:AA:BB:CC')).toBe(f.mac('000413aabbcc'));
    f.firstName('Grace');
    expect(f.scrubText('Grace’s desk, call 12125550100')).toBe(`First1’s desk, call ${f.phone('12125550100')}`);
  });
});
