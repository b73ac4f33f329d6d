/**
 * "Plans people can trust", end to end over real HTTP: the CLI runs in-process against a throw-away
 * emulator; every assertion is about what an operator sees (exit code, message) and what the platform got.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../reconciler';
import {
  DOMAIN,
  OFFICE,
  T0,
  type SeedUser,
  type TestEnv,
  domainYaml,
  officeSeed,
  runInProcess,
  startTestEnv,
} from '../test-support/helpers';

let t: TestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function users(n: number, from = 1001): SeedUser[] {
  return Array.from({ length: n }, (_, i) => ({
    ext: String(from + i),
    first: `User${from + i}`,
    last: 'Test',
    email: `u${from + i}@acme.example.com`,
  }));
}

describe('a. saved plans refuse to apply when the platform changed since review', () => {
  it('apply plan.json after an out-of-band edit is refused as stale, naming the user and its last-modified time; nothing is written', async () => {
    t = await startTestEnv(officeSeed());
    const desired = OFFICE.map((u) => (u.ext === '1002' ? { ...u, department: 'Marketing' } : u));
    const file = t.write('acme.yaml', domainYaml({ users: desired }));
    const plan = await t.cli('plan', file, '--out', 'plan.json');
    expect(plan.code).toBe(EXIT.ok);
    const saved = JSON.parse(readFileSync(join(t.dir, 'plan.json'), 'utf8'));
    expect(saved.summary.changes).toBe(1);

    // Someone edits 1001 in the portal after the plan was reviewed.
    t.emu.mutate((s) => {
      const u = s.domains[DOMAIN]!.users.find((x) => x.user === '1001')!;
      u['name-last-name'] = 'Byron';
    });
    const lastModified = String(
      t.emu.state().domains[DOMAIN]!.users.find((x) => x.user === '1001')!['last-modified-datetime'],
    );
    expect(lastModified).not.toBe(T0);
    const before = t.emu.state();
    t.emu.requests.reset();

    const apply = await t.cli('apply', 'plan.json');
    expect(apply.code).toBe(EXIT.error);
    expect(apply.stderr).toContain('stale');
    expect(apply.stderr).toMatch(/user 1001 was changed on the platform/);
    expect(apply.stderr).toContain(lastModified);
    expect(apply.stderr).toContain('Nothing was changed');
    expect(t.writes()).toEqual([]);
    expect(t.emu.state()).toEqual(before);
  });

  it('apply plan.json applies when nothing changed, and a second apply of the same plan is refused (already applied)', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Ops' })) }));
    expect((await t.cli('plan', file, '--out', 'plan.json')).code).toBe(EXIT.ok);
    const first = await t.cli('apply', 'plan.json');
    expect(first.code).toBe(EXIT.ok);
    expect(first.stdout).toContain('3 applied, 0 failed, 0 skipped');
    const again = await t.cli('apply', 'plan.json');
    expect(again.code).toBe(EXIT.error);
    expect(again.stderr).toContain('stale');
  });

  it('a changed desired-state file also makes the saved plan stale', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Ops' })) }));
    expect((await t.cli('plan', file, '--out', 'plan.json')).code).toBe(EXIT.ok);
    t.write('acme.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Legal' })) }));
    t.emu.requests.reset();
    const apply = await t.cli('apply', 'plan.json');
    expect(apply.code).toBe(EXIT.error);
    expect(apply.stderr).toMatch(/desired-state files changed/);
    expect(t.writes()).toEqual([]);
  });
});

describe('b. max_deletes', () => {
  it('6 deletes over max_deletes 5 exit 3 naming the rule, the counts and --allow-deletes; with --allow-deletes they proceed', async () => {
    const all = users(8);
    t = await startTestEnv(officeSeed(all));
    const file = t.write('acme.yaml', domainYaml({ users: all.slice(0, 2), policy: 'prune: true\nmax_deletes: 5' }));

    const plan = await t.cli('plan', file);
    expect(plan.code).toBe(EXIT.blocked);
    expect(plan.stdout).toContain('6 deletes exceed policy.max_deletes = 5');
    expect(plan.stdout).toContain('--allow-deletes');

    const blocked = await t.cli('apply', file, '--auto-approve');
    expect(blocked.code).toBe(EXIT.blocked);
    expect(blocked.stderr).toMatch(/max_deletes/);
    expect(blocked.stderr).toMatch(/\b6\b/);
    expect(blocked.stderr).toMatch(/\b5\b/);
    expect(blocked.stderr).toContain('--allow-deletes');
    expect(t.writes()).toEqual([]);

    const allowed = await t.cli('apply', file, '--auto-approve', '--allow-deletes');
    expect(allowed.code).toBe(EXIT.ok);
    expect(allowed.stdout).toContain('6 applied, 0 failed, 0 skipped');
    expect(
      t.emu
        .state()
        .domains[DOMAIN]!.users.map((u) => u.user)
        .sort(),
    ).toEqual(['1001', '1002']);

    const after = await t.cli('plan', file, '--detailed-exitcode');
    expect(after.code).toBe(EXIT.ok);
  });
});

describe('c. Markdown of a huge plan', () => {
  it('2,000 creates render under 65,000 characters with the hidden marker and a count of what was not shown', async () => {
    t = await startTestEnv({ domains: { [DOMAIN]: { domain: { description: 'Acme' }, sites: [{ site: 'HQ' }] } } });
    // Site HQ (where domainYaml places users) is in the file too: nothing but the 2,000 creates differs.
    const file = t.write('acme.yaml', `${domainYaml({ users: users(2000, 3000) })}sites:\n  - { name: HQ }\n`);
    const plan = await t.cli('plan', file, '--format', 'markdown');
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(EXIT.ok);
    const md = plan.stdout;
    expect(md.length).toBeLessThan(65_000);
    expect(md).toContain('<!-- pbxctl:plan -->');
    expect(md).toContain('2000 changes');
    const m = /(\d+) routine changes? not shown/.exec(md);
    expect(m).not.toBeNull();
    const shown = (md.match(/^\+ create user /gm) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown + Number(m![1])).toBe(2000);
    // The summary table still counts everything.
    expect(md).toContain('| acme.example.com | 2000 | 0 | 0 | 0 |');
  });
});

describe('d. partial apply', () => {
  it('a failed change exits 4, reports applied/failed/skipped, is in the audit log, and a rerun converges', async () => {
    t = await startTestEnv(officeSeed());
    const desired = [
      ...OFFICE.map((u) => (u.ext === '1001' ? { ...u, department: 'Marketing' } : u)),
      { ext: '1004', first: 'Edsger', last: 'Dijkstra' },
      { ext: '1005', first: 'Barbara', last: 'Liskov' },
    ];
    const text = domainYaml({ users: desired }).replace(
      '    first_name: Edsger',
      '    phone: true\n    first_name: Edsger',
    );
    const file = t.write('acme.yaml', text);
    t.emu.faults.add({ method: 'POST', path: '/domains/*/users/1004/devices', status: 500 });

    const audit = join(t.dir, 'audit.jsonl');
    const apply = await t.cli('apply', file, '--auto-approve', '--audit-log', audit, '--no-welcome-email');
    expect(apply.code).toBe(EXIT.partial);
    expect(apply.stdout).toContain('2 applied, 1 failed, 0 skipped');
    expect(apply.stdout).toMatch(/✗ create user 1004\b[^:\n]*: POST \S+1004\/devices failed: 500/);
    expect(apply.stderr).toContain('a rerun converges');

    const records = readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(1);
    expect(records[0].summary).toEqual({ applied: 2, failed: 1, skipped: 0 });
    const failed = records[0].operations.find((o: { result: string }) => o.result === 'failed');
    expect(failed).toMatchObject({ kind: 'user', key: '1004', action: 'create', status: 500 });

    t.emu.faults.clear();
    const rerun = await t.cli('apply', file, '--auto-approve', '--audit-log', audit, '--no-welcome-email');
    expect(rerun.code).toBe(EXIT.ok);
    expect(rerun.stdout).toMatch(/✓ update user 1004/);
    const final = await t.cli('plan', file, '--detailed-exitcode');
    expect(final.code).toBe(EXIT.ok);
    expect(final.stdout).toContain('No changes');
    expect(readFileSync(audit, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('a failed create skips the ring group that rings it (dependent skip), and a rerun converges', async () => {
    t = await startTestEnv(officeSeed());
    const extra = [
      'ring_groups:',
      '  - extension: "2000"',
      '    name: Front Desk',
      '    members: ["1001", "1005"]',
      '    ring_timeout: 30',
    ].join('\n');
    const file = t.write(
      'acme.yaml',
      domainYaml({ users: [...OFFICE, { ext: '1005', first: 'Barbara', last: 'Liskov' }], extra }),
    );
    // The first user POST is 1005's create (users are created before the groups that ring them).
    // Five 500s: a create answered 500 is re-read and re-sent within the attempt budget (5), so one would not fail it.
    t.emu.faults.add({ method: 'POST', path: '/domains/*/users', status: 500, times: 5 });
    const apply = await t.cli('apply', file, '--auto-approve', '--no-welcome-email');
    expect(apply.code).toBe(EXIT.partial);
    expect(apply.stdout).toContain('0 applied, 1 failed, 1 skipped');
    expect(apply.stdout).toMatch(/– create ring_group 2000\b[^:\n]*: skipped: depends on user:1005, which failed/);
    expect(t.emu.state().domains[DOMAIN]!.users.some((u) => u.user === '2000')).toBe(false);

    const rerun = await t.cli('apply', file, '--auto-approve', '--no-welcome-email');
    expect(rerun.code).toBe(EXIT.ok);
    expect(rerun.stdout).toContain('2 applied, 0 failed, 0 skipped');
    expect((await t.cli('plan', file, '--detailed-exitcode')).code).toBe(EXIT.ok);
  });
});

describe('e. a failed read is unknown, never absent', () => {
  it('500 on the users list aborts plan and apply (exit 1) and never plans deletes', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE.slice(0, 1), policy: 'prune: true' }));
    t.emu.faults.add({ method: 'GET', path: '/domains/*/users', status: 500 });

    const plan = await t.cli('plan', file);
    expect(plan.code).toBe(EXIT.error);
    expect(plan.stderr).toMatch(/platform error: GET \S+\/users failed: 500/);
    expect(plan.stdout).not.toMatch(/delete/);

    const apply = await t.cli('apply', file, '--auto-approve', '--allow-deletes');
    expect(apply.code).toBe(EXIT.error);
    expect(apply.stdout).not.toMatch(/delete/);
    expect(t.writes()).toEqual([]);
    expect(t.emu.state().domains[DOMAIN]!.users).toHaveLength(3);
  });

  it('a dropped connection on the phone-number list aborts too', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE.slice(0, 1), policy: 'prune: true' }));
    t.emu.faults.add({ method: 'GET', path: '/domains/*/phonenumbers', drop: true });
    const apply = await t.cli('apply', file, '--auto-approve', '--allow-deletes');
    expect(apply.code).toBe(EXIT.error);
    expect(t.writes()).toEqual([]);
  });
});

describe('f. X-NetSapiens-Log', () => {
  it('every request of the apply carries pbxctl-<first 12 hex of the checksum>', async () => {
    t = await startTestEnv(officeSeed());
    const desired = [
      ...OFFICE.map((u) => ({ ...u, department: 'Ops' })),
      { ext: '1004', first: 'Edsger', last: 'Dijkstra' },
    ];
    const file = t.write(
      'acme.yaml',
      domainYaml({ users: desired }).replace('    first_name: Edsger', '    phone: true\n    first_name: Edsger'),
    );
    expect((await t.cli('plan', file, '--out', 'plan.json')).code).toBe(EXIT.ok);
    const checksum = JSON.parse(readFileSync(join(t.dir, 'plan.json'), 'utf8')).checksum as string;
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    t.emu.requests.reset();

    const apply = await t.cli('apply', 'plan.json');
    expect(apply.code).toBe(EXIT.ok);
    const log = t.emu.requests.list();
    const firstWrite = log.findIndex((r) => r.method !== 'GET');
    expect(firstWrite).toBeGreaterThan(0);
    const applyRequests = log.slice(firstWrite);
    expect(applyRequests.length).toBeGreaterThanOrEqual(5);
    for (const r of applyRequests)
      expect({ method: r.method, path: r.path, logTag: r.logTag }).toEqual({
        method: r.method,
        path: r.path,
        logTag: `pbxctl-${checksum.slice(0, 12)}`,
      });
  });
});

describe('f. X-NetSapiens-Log on the re-read of a saved plan (known gap)', () => {
  // The checksum of a saved plan is known before apply re-reads the platform, so those reads are tagged too.
  it('the re-plan reads of `apply plan.json` carry the tag too', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Ops' })) }));
    expect((await t.cli('plan', file, '--out', 'plan.json')).code).toBe(EXIT.ok);
    const checksum = JSON.parse(readFileSync(join(t.dir, 'plan.json'), 'utf8')).checksum as string;
    t.emu.requests.reset();
    expect((await t.cli('apply', 'plan.json')).code).toBe(EXIT.ok);
    const untagged = t.emu.requests.list().filter((r) => r.logTag !== `pbxctl-${checksum.slice(0, 12)}`);
    expect(untagged.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});

describe('a. saved plans and the working directory (known gap)', () => {
  // The plan's inputs must not depend on the working directory: file names in `files_digest` are relative
  // to the loaded root, and the display-only `source` (file:line) is left out of the checksum.
  it('apply plan.json from another working directory is not refused as stale', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Ops' })) }));
    expect((await t.cli('plan', file, '--out', 'plan.json')).code).toBe(EXIT.ok);
    mkdirSync(join(t.dir, 'elsewhere'));
    const apply = await runInProcess(['apply', join(t.dir, 'plan.json')], t.env, join(t.dir, 'elsewhere'));
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(EXIT.ok);
  });
});

describe('g. drift', () => {
  it('exits 0 in sync, 2 after an out-of-band edit, naming the object and the platform last-modified-datetime', async () => {
    t = await startTestEnv(officeSeed());
    const file = t.write('acme.yaml', domainYaml({ users: OFFICE }));
    const clean = await t.cli('drift', file);
    expect(clean.code).toBe(EXIT.ok);
    expect(clean.stdout).toContain(`${DOMAIN}: in sync`);

    t.emu.mutate((s) => {
      s.domains[DOMAIN]!.users.find((x) => x.user === '1002')!.department = 'Marketing';
    });
    const when = String(t.emu.state().domains[DOMAIN]!.users.find((x) => x.user === '1002')!['last-modified-datetime']);
    const drifted = await t.cli('drift', file);
    expect(drifted.code).toBe(EXIT.changes);
    expect(drifted.stdout).toContain(`user 1002: differs: department (platform last-modified ${when})`);

    const json = await t.cli('drift', file, '--format', 'json');
    expect(json.code).toBe(EXIT.changes);
    const doc = JSON.parse(json.stdout);
    expect(doc.domains[0].objects).toEqual([
      { kind: 'user', key: '1002', action: 'update', fields: ['department'], last_modified: when },
    ]);
    expect(t.writes()).toEqual([]);
  });
});

describe('h. fleet', () => {
  it('a directory of 3 domain files plans all three in one run with one combined summary', async () => {
    const names = ['alpha.example.com', 'bravo.example.com', 'charlie.example.com'];
    t = await startTestEnv({
      domains: Object.fromEntries(names.map((d) => [d, officeSeed(OFFICE, d).domains![d]!])),
    });
    const dir = join(t.dir, 'domains');
    mkdirSync(dir);
    writeFileSync(join(dir, 'alpha.yaml'), domainYaml({ domain: names[0], users: OFFICE }));
    writeFileSync(
      join(dir, 'bravo.yaml'),
      domainYaml({ domain: names[1], users: [...OFFICE, { ext: '1004', first: 'Edsger', last: 'Dijkstra' }] }),
    );
    writeFileSync(
      join(dir, 'charlie.yaml'),
      domainYaml({ domain: names[2], users: OFFICE.map((u) => ({ ...u, department: 'Ops' })) }),
    );

    const plan = await t.cli('plan', dir, '--detailed-exitcode');
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(EXIT.changes);
    for (const d of names) expect(plan.stdout).toContain(`Domain ${d}`);
    expect(plan.stdout.match(/^Plan: /gm)).toHaveLength(1);
    expect(plan.stdout).toContain('Plan: 1 to create, 3 to update, 0 to recycle, 0 to delete');

    const json = JSON.parse((await t.cli('plan', dir, '--format', 'json')).stdout);
    expect(json.summary).toMatchObject({ domains: 3, changes: 4, create: 1, update: 3 });
    expect(json.domains.map((d: { domain: string }) => d.domain)).toEqual(names);

    const md = (await t.cli('plan', dir, '--format', 'markdown')).stdout;
    expect(md.match(/<!-- pbxctl:plan -->/g)).toHaveLength(1);
    for (const d of names) expect(md).toContain(`| ${d} |`);
  });
});
