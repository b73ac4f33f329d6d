import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesiredStateError } from '../errors';
import { DEFAULT_PLATFORM_PROFILE } from '../platform/profile';
import { loadDesiredState } from './load-desired-state';

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-platform-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function problems(dir: string): string[] {
  try {
    loadDesiredState(dir, { cwd: dir });
  } catch (err) {
    if (err instanceof DesiredStateError)
      return err.issues.map((i) => `${i.position?.file}:${i.position?.line}:${i.path}:${i.message}:${i.hint ?? ''}`);
    throw err;
  }
  return [];
}

const HEAD = 'version: 1\ndomain: acme.example.com\n';
const USER = (extra: string) => `users:\n  - extension: "1001"\n    first_name: A\n    last_name: B\n${extra}`;

describe('platform: section', () => {
  it('defaults to the evidence-backed values, with drop/screen unknown', () => {
    const state = loadDesiredState(write({ 'a.yaml': `${HEAD}${USER('')}` }));
    expect(state.domains[0]?.platform).toEqual(DEFAULT_PLATFORM_PROFILE);
    expect(DEFAULT_PLATFORM_PROFILE.spamDrop).toBeUndefined();
    expect(DEFAULT_PLATFORM_PROFILE.spamScreen).toBeUndefined();
  });

  it('refuses spam: drop without platform.spam_drop, at its line, pointing at pbxctl doctor', () => {
    const out = problems(write({ 'a.yaml': `${HEAD}${USER('    spam: drop\n')}` }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^a\.yaml:7:users\[0\]\.spam:spam: drop needs platform\.spam_drop/);
    expect(out[0]).toContain('pbxctl doctor');
  });

  it('accepts drop once the profile names it; a fleet _platform.yaml applies to every domain, a domain overrides', () => {
    const dir = write({
      '_platform.yaml': 'version: 1\nplatform:\n  spam_drop: "REJ"\n  ring_group_service_code: system-hunt\n',
      'a.yaml': `${HEAD}${USER('    spam: drop\n')}`,
      'b/b.yaml': `version: 1\ndomain: b.example.com\nplatform: { ring_group_service_code: system-rg }\n${USER('    spam: drop\n')}`,
    });
    const state = loadDesiredState(dir);
    const [a, b] = state.domains;
    expect(a?.platform).toMatchObject({ spamDrop: 'REJ', ringGroupServiceCode: 'system-hunt' });
    expect(b?.platform).toMatchObject({ spamDrop: 'REJ', ringGroupServiceCode: 'system-rg' });
  });

  it('reports a bad profile with file:line (unknown key, bad value), in the fleet file and in a domain file', () => {
    const out = problems(
      write({
        '_platform.yaml': 'version: 1\nplatform:\n  spam_dorp: x\n',
        'a.yaml': `${HEAD}platform:\n  ring_group_service_code: ringgroup\n${USER('')}`,
      }),
    );
    expect(out.join('\n')).toMatch(/_platform\.yaml:3:platform\.spam_dorp:unknown key "spam_dorp"/);
    expect(out.join('\n')).toMatch(/a\.yaml:4:platform\.ring_group_service_code:/);
  });

  it('maps portal scope labels to user-scope; an unmapped label is an error at its line', () => {
    const ok = loadDesiredState(
      write({
        'a.yaml': `${HEAD}platform: { scope_labels: { "Device Only": "Basic User" } }\n${USER('    scope: Device Only\n')}`,
      }),
    );
    const user = ok.domains[0]?.objects.get('user')?.[0];
    expect(user?.comparable.scope).toBe('Basic User');
    const out = problems(write({ 'a.yaml': `${HEAD}${USER('    scope: Device Only\n')}` }));
    expect(out[0]).toMatch(/^a\.yaml:7:users\[0\]\.scope:unknown scope "Device Only".*platform\.scope_labels/);
  });

  it('refuses a second platform: section for a domain', () => {
    const out = problems(
      write({ 'a.yaml': `${HEAD}platform: {}\n${USER('')}`, 'b.yaml': `${HEAD}platform: { spam_drop: x }\n` }),
    );
    expect(out.join('\n')).toMatch(
      /b\.yaml:3:platform:the platform profile of acme\.example\.com is already set in a\.yaml/,
    );
  });
});
