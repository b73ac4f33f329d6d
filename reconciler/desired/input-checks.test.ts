import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesiredStateError, type DesiredStateIssue } from '../errors';
import { envSecretResolver } from '../kinds/secret';
import { loadDesiredBytes, loadDesiredState } from './load-desired-state';

const HEAD = 'version: 1\ndomain: acme.example.com\n';
const user = (ext: string, extra = '') => `  - { extension: "${ext}", first_name: A, last_name: B${extra} }\n`;

function issuesOf(
  bytes: Buffer | string,
  env?: NodeJS.ProcessEnv,
  loadEnv: NodeJS.ProcessEnv = {},
): DesiredStateIssue[] {
  try {
    loadDesiredBytes([{ name: 'acme.yaml', bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) }], {
      secrets: env ? envSecretResolver(env) : undefined,
      env: loadEnv,
    });
    return [];
  } catch (err) {
    if (err instanceof DesiredStateError) return [...err.issues];
    throw err;
  }
}
const lines = (found: DesiredStateIssue[]) =>
  found.map((i) => `${i.position?.file}:${i.position?.line}: ${i.path ? `${i.path}: ` : ''}${i.message}`);

describe('aliases', () => {
  it('a file with 100 users sharing one anchor (and merge keys) loads', () => {
    let text = `${HEAD}users:\n  - &u { extension: "1000", first_name: A, last_name: B, voicemail: &vm { enabled: true }, department: &d Sales }\n`;
    for (let i = 1; i <= 100; i++) text += `  - { <<: *u, extension: "${1000 + i}", voicemail: *vm, department: *d }\n`;
    const state = loadDesiredBytes([{ name: 'acme.yaml', bytes: Buffer.from(text) }]);
    const users = state.domains[0]?.objects.get('user') ?? [];
    expect(users).toHaveLength(101);
    expect(users[100]?.comparable).toMatchObject({ first_name: 'A', department: 'Sales' });
  });

  it('an alias bomb is refused with a clear message, and an unresolved alias is placed', () => {
    let bomb = `${HEAD}x0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n`;
    for (let i = 1; i < 9; i++)
      bomb += `x${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    expect(lines(issuesOf(bomb)).join('\n')).toMatch(/acme\.yaml:1: YAML aliases expand past/);
    expect(lines(issuesOf(`${HEAD}users:\n${user('1001', ', site: *nowhere')}`))).toEqual([
      'acme.yaml:4: the alias *nowhere has no anchor &nowhere before it',
    ]);
  });
});

describe('size and encoding, before parsing', () => {
  it('refuses a file over the limit (PBXCTL_MAX_FILE_BYTES) with its size, before reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-size-'));
    writeFileSync(join(dir, 'big.yaml'), `${HEAD}# ${'x'.repeat(3000)}\n`);
    const err = (() => {
      try {
        loadDesiredState(dir, { cwd: dir, env: { PBXCTL_MAX_FILE_BYTES: '2048' } });
      } catch (e) {
        return e as DesiredStateError;
      }
    })();
    expect(err).toBeInstanceOf(DesiredStateError);
    expect(err?.issues[0]?.message).toMatch(/^the file is 0\.003 MB, over the 0\.002 MB limit/);
    expect(err?.issues[0]?.hint).toMatch(/PBXCTL_MAX_FILE_BYTES/);
    expect(loadDesiredState(dir, { cwd: dir, env: {} }).domains).toHaveLength(1);
  });

  it('names the encoding of Latin-1 and UTF-16 files; accepts a UTF-8 BOM', () => {
    const text = `${HEAD}users:\n${user('1001', ', department: Müller')}`;
    expect(lines(issuesOf(Buffer.from(text, 'latin1')))).toEqual([
      'acme.yaml:4: the file is not UTF-8 (probably Latin-1 / Windows-1252); desired-state files must be UTF-8',
    ]);
    expect(lines(issuesOf(Buffer.from(text, 'utf16le')))[0]).toMatch(/UTF-16 \(little-endian, no byte-order mark\)/);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(lines(issuesOf(be))[0]).toMatch(/UTF-16 \(big-endian, no byte-order mark\)/);
    expect(issuesOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual([]);
  });
});

describe('names that become URL segments', () => {
  it.each(['..', '.', 'a..b', '.acme', 'a/b', 'a%2f', 'acme com'])('domain %j is a file:line error', (domain) => {
    const found = issuesOf(`version: 1\ndomain: ${JSON.stringify(domain)}\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ path: 'domain', position: { file: 'acme.yaml', line: 2 } });
  });
});

describe('secret references and PINs', () => {
  it.each(['NS_API_KEY', 'NS_CLIENT_SECRET', 'PBXCTL_SECRETS', 'GITHUB_TOKEN'])(
    'pin: { env: %s } is refused',
    (name) => {
      const found = issuesOf(`${HEAD}users:\n${user('1001', `, voicemail: { pin: { env: ${name} } }`)}`, {
        [name]: '4821',
      });
      expect(lines(found)).toEqual([
        expect.stringMatching(
          new RegExp(`^acme\\.yaml:4: users\\[0\\]\\.voicemail\\.pin: "${name}" is .*may not name it$`),
        ),
      ]);
    },
  );

  it.each([
    ['4821\n', 'ends with a line break'],
    [' 4821', 'leading or trailing spaces'],
    ['48 21', 'contains spaces'],
    ['４８２１', 'non-ASCII'],
    ['48a1', 'other than the digits'],
    ['123', 'shorter than 4 digits'],
    ['12345678901', 'longer than 10 digits'],
  ])('PIN %j is refused (%s) without printing it', (pin, why) => {
    const found = issuesOf(`${HEAD}users:\n${user('1001', ', voicemail: { pin: { env: VM_PIN_1001 } }')}`, {
      VM_PIN_1001: pin,
    });
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(why);
    expect(found[0]?.message).toMatch(/^the PIN in VM_PIN_1001 /);
    expect(JSON.stringify(found)).not.toContain(JSON.stringify(pin).slice(1, -1).trim());
  });

  it('accepts 4 to 10 digits, from the environment or PBXCTL_SECRETS', () => {
    const text = `${HEAD}users:\n${user('1001', ', voicemail: { pin: { env: VM_PIN_1001 } }')}${user('1002', ', voicemail: { pin: { env: VM_PIN_1002 } }')}`;
    expect(issuesOf(text, { VM_PIN_1001: '0000', PBXCTL_SECRETS: '{"VM_PIN_1002":"1234567890"}' })).toEqual([]);
  });
});

describe('wrong types and shapes are placed errors (issue 13 #2)', () => {
  it('one message per mistake, with the line and the field path, no internal error', () => {
    const text = `${HEAD}policy: { protect: "1000" }\nusers:\n${user('1001', ', phone: ~, block: 0x1F')}${user('1002', ', block: null, spam: voicmail')}ring_groups:\n  - { extension: "2000", name: G, members: "1001", fallback: ~ }\nshared_contacts:\n  - { first_name: A, tags: vendor }\nblock_list: "+1 900 555 0000"\n`;
    expect(lines(issuesOf(text))).toEqual([
      'acme.yaml:3: policy.protect: must be array, got string',
      'acme.yaml:5: users[0].phone: must be object or boolean, got nothing (null)',
      'acme.yaml:5: users[0].block: must be array, got number',
      'acme.yaml:6: users[1].block: must be array, got nothing (null)',
      'acme.yaml:6: users[1].spam: must be one of: ring, voicemail, drop, screen',
      'acme.yaml:8: ring_groups[0].members: must be array, got string',
      'acme.yaml:8: ring_groups[0].fallback: must be object, got nothing (null)',
      'acme.yaml:10: shared_contacts[0].tags: must be array, got string',
      'acme.yaml:11: block_list: must be array, got string',
    ]);
  });

  it('a value with a newline cannot fake an error line', () => {
    const found = issuesOf(`${HEAD}users:\n${user('1001', ', email: "x\\nacme.yaml:1:1: all good"')}`);
    expect(found.map((i) => i.message)).toEqual(['"x\\nacme.yaml:1:1: all good" is not a valid e-mail address']);
  });
});
