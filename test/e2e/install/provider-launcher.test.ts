/**
 * The release zip's launcher (scripts/package-provider/launcher.ts) run by /bin/sh as Terraform runs it, with a
 * stand-in for the provider executable that prints what it received: the environment hand-over, the arguments,
 * the exit status, from an absolute or a relative path, from a directory whose name has spaces.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { executableName, launcherScript } from '../../../scripts/package-provider/launcher';
import { run, Scratch } from './install-helpers';

const scratch = new Scratch();
afterAll(() => scratch.cleanup(), 60_000);

const SUPPORTED = process.platform !== 'win32';

function installed(): { dir: string; launcher: string } {
  const dir = join(scratch.dir('launcher'), 'package dir with spaces');
  mkdirSync(dir, { recursive: true });
  const exe = executableName('9.9.9');
  writeFileSync(
    join(dir, exe),
    `#!/bin/sh
printf 'node=%s\\n' "\${NODE_EXTRA_CA_CERTS-<unset>}"
printf 'pbxctl=%s\\n' "\${PBXCTL_NODE_EXTRA_CA_CERTS-<unset>}"
for a in "$@"; do printf 'arg=%s\\n' "$a"; done
exit 7
`,
    { mode: 0o755 },
  );
  const launcher = join(dir, 'terraform-provider-netsapiens_v9.9.9');
  writeFileSync(launcher, launcherScript(exe), { mode: 0o755 });
  return { dir, launcher };
}

describe.skipIf(!SUPPORTED)('the provider launcher', () => {
  it('hands NODE_EXTRA_CA_CERTS over as PBXCTL_NODE_EXTRA_CA_CERTS, passes arguments and the exit status', async () => {
    const { launcher } = installed();
    const r = await run(launcher, ['one', 'two words', ''], {
      cwd: '/',
      env: { PATH: '', NODE_EXTRA_CA_CERTS: '/etc/my authority.pem' },
    });
    expect(r.code).toBe(7);
    expect(r.stdout.split('\n')).toEqual([
      'node=<unset>',
      'pbxctl=/etc/my authority.pem',
      'arg=one',
      'arg=two words',
      'arg=',
      '',
    ]);
  });

  it('leaves the environment alone without the variable, or when NODE_OPTIONS asks for OpenSSL’s store', async () => {
    const { launcher } = installed();
    const none = await run(launcher, [], { cwd: '/', env: { PATH: '' } });
    expect(none.stdout).toContain('node=<unset>\npbxctl=<unset>\n');
    const empty = await run(launcher, [], { cwd: '/', env: { PATH: '', NODE_EXTRA_CA_CERTS: '' } });
    expect(empty.stdout).toContain('node=\npbxctl=<unset>\n');
    const openssl = await run(launcher, [], {
      cwd: '/',
      env: { PATH: '', NODE_EXTRA_CA_CERTS: '/etc/ca.pem', NODE_OPTIONS: '--max-old-space-size=512 --use-openssl-ca' },
    });
    expect(openssl.stdout).toContain('node=/etc/ca.pem\npbxctl=<unset>\n');
  });

  it('finds the executable beside it from a relative path, as Terraform gives one', async () => {
    const { dir } = installed();
    const r = await run('./terraform-provider-netsapiens_v9.9.9', ['x'], {
      cwd: dir,
      env: { PATH: '', NODE_EXTRA_CA_CERTS: 'ca.pem' },
    });
    expect(r.code).toBe(7);
    expect(r.stdout).toContain('pbxctl=ca.pem\narg=x\n');
  });

  it('refuses an executable name a shell would read as more than a file name', () => {
    expect(() => launcherScript('a b')).toThrow(/not a plain file name/);
    expect(() => launcherScript('$(rm -rf ~)')).toThrow(/not a plain file name/);
  });
});
