/**
 * Welcome e-mails through the CLI (issue 14 #2): `apply` prints each one sent; `welcome` refuses a user
 * without an e-mail address by name (exit 1, nothing sent).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator';
import {
  DOMAIN,
  domainYaml,
  OFFICE,
  officeSeed,
  runInProcess,
  startTestEnv,
  type TestEnv,
} from '../../../test/test-support/helpers';
import { EXIT } from '../exit-codes';

let t: TestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('welcome e-mails in the CLI', () => {
  it('apply lists the welcome e-mails it will send and reports them sent', async () => {
    t = await startTestEnv(officeSeed([]));
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE }));
    const r = await t.cli('apply', file, '--auto-approve', '--audit-log', join(t.dir, 'audit.jsonl'));
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout.match(/^ {2}✉ welcome e-mail → \d+$/gm)).toHaveLength(3);
    expect(r.stdout).toContain('✓ ✉ welcome e-mail → 1002 sent');
    expect(r.stdout).toContain('Welcome e-mails: 3 sent of 3.');
  });

  it('welcome refuses a user without an e-mail address, by name', async () => {
    t = await startTestEnv(officeSeed([{ ext: '1001', first: 'Ada', last: 'Lovelace', email: '' }, OFFICE[1]!]));
    const r = await t.cli('welcome', '--domain', DOMAIN, '1001');
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toMatch(/1001: user 1001 has no e-mail address/);
    expect(r.stdout).not.toContain('✓');
    expect(t.emu.state().domains[DOMAIN]!.emails_sent).toEqual([]);
    const both = await t.cli('welcome', '--domain', DOMAIN, '1001', '1002');
    expect(both.code).toBe(EXIT.partial);
    expect(t.emu.state().domains[DOMAIN]!.emails_sent.map((e) => e.user)).toEqual(['1002']);
  });
});

describe('welcome e-mails use the platform profile (issue 12)', () => {
  it('./_platform.yaml names the template and subject the platform receives; --platform FILE wins', async () => {
    t = await startTestEnv(officeSeed());
    t.write(
      '_platform.yaml',
      'version: 1\nplatform:\n  welcome_email: { template: acme_welcome.php, subject: Welcome to Acme }\n',
    );
    expect((await t.cli('welcome', '--domain', DOMAIN, '1001')).code).toBe(EXIT.ok);
    t.write('other.yaml', 'version: 1\nplatform:\n  welcome_email: { template: other.php }\n');
    expect((await t.cli('welcome', '--domain', DOMAIN, '--platform', 'other.yaml', '1002')).code).toBe(EXIT.ok);
    const sent = t.emu.state().domains[DOMAIN]!.emails_sent.map((e) => [e.user, e.template, e.subject]);
    expect(sent).toEqual([
      ['1001', 'acme_welcome.php', 'Welcome to Acme'],
      ['1002', 'other.php', 'New Account Setup'],
    ]);
  });

  it('a bad or missing profile file is refused before anything is sent', async () => {
    t = await startTestEnv(officeSeed());
    t.write('bad.yaml', 'version: 1\nplatform:\n  welcome_emial: {}\n');
    const bad = await t.cli('welcome', '--domain', DOMAIN, '--platform', 'bad.yaml', '1001');
    expect(bad.code).toBe(EXIT.error);
    expect(bad.stderr).toMatch(/bad\.yaml:3:\d+: .*unknown key "welcome_emial"/);
    const missing = await t.cli('welcome', '--domain', DOMAIN, '--platform', 'nope.yaml', '1001');
    expect(missing.stderr).toMatch(/--platform nope\.yaml: no such file/);
    expect(t.emu.state().domains[DOMAIN]!.emails_sent).toEqual([]);
  });
});

describe('welcome on a 44.x server', () => {
  it('finds the e-mail under its 44.x spelling `email` and sends', async () => {
    const emu = await startEmulator({ seed: officeSeed(), apiVersion: '44.1.2', apiKeys: ['nsd_welcome_44'] });
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-welcome-44-'));
    try {
      const r = await runInProcess(
        ['welcome', '--domain', DOMAIN, '1001'],
        { NS_API_URL: emu.url, NS_API_KEY: 'nsd_welcome_44', PBXCTL_RATE: '10000' },
        dir,
      );
      expect(r.code, r.stderr).toBe(EXIT.ok);
      expect(emu.state().domains[DOMAIN]!.emails_sent.map((e) => e.user)).toEqual(['1001']);
    } finally {
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
