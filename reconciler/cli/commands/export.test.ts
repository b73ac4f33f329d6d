/**
 * `pbxctl export` through the platform profile (issue 12): a live spam value the profile names is exported as
 * `spam: drop`, and the file plans to zero changes with the same profile — from `--platform FILE` (written into
 * the export), from the `_platform.yaml` of the directory written into (not repeated), or from the `platform:`
 * section of the file the export replaces (kept).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOMAIN, officeSeed, startTestEnv, type TestEnv } from '../../../test/test-support/helpers';
import { EXIT } from '../exit-codes';

let t: TestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const PROFILE = 'version: 1\nplatform:\n  spam_drop: "<Reject>"\n';

async function env(): Promise<TestEnv> {
  const seed = officeSeed();
  const domain = seed.domains?.[DOMAIN];
  if (domain)
    domain.answerrules = [
      { user: '1001', 'time-frame': '*', 'forward-on-spam-call': { enabled: 'yes', parameters: ['<Reject>'] } },
    ];
  return startTestEnv(seed);
}

describe('export through the platform profile', () => {
  it('without a profile the unknown value is left out (never overwritten); with --platform it is `spam: drop`', async () => {
    t = await env();
    const plain = await t.cli('export', '--domain', DOMAIN);
    expect(plain.stdout).not.toMatch(/spam:/);
    t.write('profile.yaml', PROFILE);
    const r = await t.cli('export', '--domain', DOMAIN, '--platform', 'profile.yaml', '--out', 'acme.yaml');
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toContain('(platform profile: profile.yaml)');
    const yaml = readFileSync(join(t.dir, 'acme.yaml'), 'utf8');
    expect(yaml).toMatch(/^platform:\n {2}spam_drop: <Reject>$/m);
    expect(yaml.match(/spam: drop/g)).toHaveLength(1);
    const plan = await t.cli('plan', 'acme.yaml', '--detailed-exitcode');
    expect(plan.code, plan.stdout + plan.stderr).toBe(EXIT.ok);
    // Re-exported without --platform, the file keeps its own section, so it still plans to zero.
    const again = await t.cli('export', '--domain', DOMAIN, '--out', 'acme.yaml');
    expect(again.stderr).toContain('acme.yaml platform:');
    expect(readFileSync(join(t.dir, 'acme.yaml'), 'utf8')).toBe(yaml);
  });

  it('reads the _platform.yaml of the directory it writes into, and does not repeat it in the file', async () => {
    t = await env();
    mkdirSync(join(t.dir, 'repo/domains'), { recursive: true });
    t.write('repo/_platform.yaml', PROFILE);
    const r = await t.cli('export', '--domain', DOMAIN, '--out', 'repo/domains/acme.yaml');
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toContain('(platform profile: repo/_platform.yaml)');
    const yaml = readFileSync(join(t.dir, 'repo/domains/acme.yaml'), 'utf8');
    expect(yaml).toContain('spam: drop');
    expect(yaml).not.toContain('platform:');
    expect((await t.cli('plan', 'repo', '--detailed-exitcode')).code).toBe(EXIT.ok);
    // The file alone lacks the profile: refused at its line with the key to set, never guessed.
    const alone = await t.cli('plan', 'repo/domains/acme.yaml');
    expect(alone.code).toBe(EXIT.error);
    expect(alone.stderr).toMatch(/acme\.yaml:\d+:\d+: .*spam: drop needs platform\.spam_drop/);
  });

  it('a broken platform: section in the file it would replace is refused, naming the file and key', async () => {
    t = await env();
    t.write('acme.yaml', `version: 1\ndomain: ${DOMAIN}\nplatform:\n  spam_drop: ""\n`);
    const r = await t.cli('export', '--domain', DOMAIN, '--out', 'acme.yaml');
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toMatch(/acme\.yaml: platform\.spam_drop must NOT have fewer than 1 characters/);
    expect(readFileSync(join(t.dir, 'acme.yaml'), 'utf8')).toContain('spam_drop: ""');
  });
});
