import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesiredStateError } from '../errors';
import { envSecretResolver } from '../kinds/secret';
import { loadDesiredState } from './load-desired-state';
import { schemaText } from '../../scripts/gen-schema';

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-load-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function issues(path: string, env: NodeJS.ProcessEnv | undefined = undefined) {
  try {
    loadDesiredState(path, { cwd: path, secrets: env ? envSecretResolver(env) : undefined });
  } catch (err) {
    if (err instanceof DesiredStateError) return err.issues;
    throw err;
  }
  return [];
}

const HEAD = 'version: 1\ndomain: acme.example.com\n';

describe('loadDesiredState', () => {
  it('loads the small-office example', () => {
    const state = loadDesiredState(join(__dirname, '../../examples/small-office'), {
      secrets: envSecretResolver({ VM_PIN_1000: '4821', VM_PIN_1001: '2468' }),
    });
    expect(state.domains.map((d) => d.domain)).toEqual(['acme.example.com']);
    expect(state.domains[0]?.objects.get('user')?.length).toBeGreaterThanOrEqual(4);
    expect(state.domains[0]?.policy).toMatchObject({ prune: false, maxDeletes: 5, protect: ['1000'] });
  });

  it('reports a duplicate and a reserved extension together, each with file:line:column', () => {
    const dir = write({
      'acme.yaml': `${HEAD}users:\n  - extension: "1001"\n    first_name: A\n    last_name: B\n  - extension: "1001"\n    first_name: C\n    last_name: D\n  - extension: "911"\n    first_name: E\n    last_name: F\n`,
    });
    const found = issues(dir);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      position: { file: 'acme.yaml', line: 7, column: 16 },
      path: 'users[1].extension',
    });
    expect(found[0]?.message).toMatch(/duplicate extension 1001 \(also at acme.yaml:4:16\)/);
    expect(found[1]).toMatchObject({
      position: { file: 'acme.yaml', line: 10, column: 16 },
      path: 'users[2].extension',
    });
    expect(found[1]?.message).toMatch(/911 is reserved/);
  });

  it('reports schema errors, bad e-mails, bad numbers, range and literal PINs all at once', () => {
    const dir = write({
      'acme.yaml': `${HEAD}users:\n  - extension: "12"\n    first_name: A\n    last_name: B\n    emial: x\n    scope: Boss\n  - extension: "1002"\n    first_name: C\n    email: not-an-email\n    voicemail: { enabled: true, pin: "1234" }\n    block: ["+1 800 CALL NOW"]\n`,
    });
    const found = issues(dir);
    const text = found.map((i) => `${i.position?.line}:${i.path}:${i.message}:${i.hint ?? ''}`).join('\n');
    expect(text).toMatch(/7:users\[0\]\.emial:unknown field "emial":did you mean "email"\?/);
    expect(text).toMatch(/users\[0\]\.extension:extension 12 is outside this domain's range 100–8999/);
    expect(text).toMatch(/missing required field "last_name"/);
    expect(text).toMatch(/11:users\[1\]\.email:"not-an-email" is not a valid e-mail address/);
    expect(text).toMatch(/12:users\[1\]\.voicemail\.pin:a PIN must not be written in the file:.*env: VM_PIN_1001/);
    expect(text).toMatch(/13:users\[1\]\.block\[0\]:"\+1 800 CALL NOW" is not a phone number/);
    expect(text).toMatch(/8:users\[0\]\.scope:unknown scope "Boss":use a platform scope \(Basic User/);
    expect(text).not.toMatch(/must be object/);
  });

  it('says which environment variable is missing for a PIN, only when resolving secrets', () => {
    const dir = write({
      'acme.yaml': `${HEAD}users:\n  - extension: "1001"\n    first_name: A\n    last_name: B\n    voicemail: { pin: { env: VM_PIN_1001 } }\n`,
    });
    expect(issues(dir)).toEqual([]);
    const found = issues(dir, {});
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe('environment variable VM_PIN_1001 is not set');
    expect(found[0]?.position?.line).toBe(7);
  });

  it('reports YAML syntax errors with positions', () => {
    const dir = write({ 'acme.yaml': `${HEAD}users:\n  - extension: "1001"\n   first_name: [\n` });
    const found = issues(dir);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.position?.file).toBe('acme.yaml');
  });

  it('merges a directory per domain and refuses a second policy', () => {
    const dir = write({
      'a.yaml': `${HEAD}policy: { prune: true }\nusers:\n  - { extension: "1001", first_name: A, last_name: B }\n`,
      'b.yaml': `${HEAD}policy: { prune: false }\nusers:\n  - { extension: "1002", first_name: C, last_name: D }\n`,
      'other.yaml': 'version: 1\ndomain: other.example.com\nusers: []\n',
    });
    const found = issues(dir);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/policy for acme.example.com is already set in a.yaml/);
  });

  it('refuses extensions written as YAML numbers, with a quote-it hint (0110 would become 110)', () => {
    const dir = write({
      'acme.yaml': `${HEAD}policy: { protect: [1000] }\nusers:\n  - { extension: 0110, first_name: A, last_name: B }\n  - { extension: 1001, first_name: C, last_name: D, block: [18005550199] }\nring_groups:\n  - { extension: "2000", name: G, members: [1001], fallback: { voicemail: 1001 } }\n`,
    });
    const text = issues(dir).map((i) => `${i.position?.line}:${i.path}: ${i.message} | ${i.hint}`);
    expect(text).toEqual([
      '3:policy.protect[0]: is written as a number, not a string | quote it: protect: "1000"',
      '5:users[0].extension: is written as a number, not a string (YAML reads 0110 as the number 110) | quote it: extension: "0110"',
      '6:users[1].extension: is written as a number, not a string | quote it: extension: "1001"',
      '6:users[1].block[0]: is written as a number, not a string | quote it: block: "18005550199"',
      '8:ring_groups[0].members[0]: is written as a number, not a string | quote it: members: "1001"',
      '8:ring_groups[0].fallback.voicemail: is written as a number, not a string | quote it: voicemail: "1001"',
    ]);
  });

  it('suggests the closest enum value for a typo', () => {
    const dir = write({
      'acme.yaml': `${HEAD}users:\n  - extension: "1001"\n    first_name: A\n    last_name: B\n    spam: voicmail\n    scope: basic user\n    voicemail: { email_notification: atach }\n`,
    });
    const found = issues(dir).map((i) => `${i.path}: ${i.hint}`);
    expect(found).toEqual([
      'users[0].spam: did you mean "voicemail"?',
      'users[0].scope: did you mean "Basic User"?',
      'users[0].voicemail.email_notification: did you mean "attach"?',
    ]);
  });
});

describe('schemas/desired-state.schema.json', () => {
  it('is fresh (regenerate with npm run gen:schema)', () => {
    const committed = readFileSync(join(__dirname, '../../schemas/desired-state.schema.json'), 'utf8');
    expect(committed).toBe(schemaText());
  });
});
