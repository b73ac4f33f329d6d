/**
 * Issue 13 #4 (local part): two applies of the same domain at the same time — one is refused with a
 * message naming the holder, never do both write. 20 shared contacts (no platform key, so a second writer
 * would duplicate them) end up exactly 20. Also the stale-lock rule: a lock whose pid is dead is taken over.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DOMAIN,
  domainYaml,
  OFFICE,
  officeSeed,
  runInProcess,
  startTestEnv,
  type TestEnv,
} from '../test-support/helpers';
import { DomainLockedError, EXIT, acquireDomainLocks, isStale } from '../../reconciler';

let t: TestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const CONTACTS = Array.from(
  { length: 20 },
  (_, i) =>
    `  - first_name: Vendor${i}\n    last_name: Supply${i}\n    company: Vendor ${i} LLC\n    phones: { work: "+1 212 555 ${String(1000 + i)}" }`,
).join('\n');

describe('advisory per-domain lock', () => {
  it('two concurrent applies of one domain: one refuses naming the holder, 20 shared contacts stay 20', async () => {
    t = await startTestEnv(officeSeed());
    const lockDir = join(t.dir, 'locks');
    const env = { ...t.env, PBXCTL_LOCK_DIR: lockDir };
    t.write('acme.yaml', domainYaml({ users: OFFICE, extra: `shared_contacts:\n${CONTACTS}` }));
    t.emu.faults.add({ method: 'POST', path: '/domains/*/contacts', latencyMs: 15 });
    const args = ['apply', 'acme.yaml', '--auto-approve', '--no-verify'];
    const [a, b] = await Promise.all([runInProcess(args, env, t.dir), runInProcess(args, env, t.dir)]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([EXIT.ok, EXIT.error]);
    const refused = a.code === EXIT.error ? a : b;
    expect(refused.stderr).toContain(
      `${DOMAIN} is being applied by another pbxctl (pid ${process.pid} on ${hostname()}`,
    );
    expect(refused.stderr).toContain('Nothing was changed');
    expect(t.emu.state().domains[DOMAIN]?.contacts).toHaveLength(20);
    // Released after the run: the next apply takes the lock and finds nothing to do.
    expect(readdirSync(lockDir)).toEqual([]);
    const again = await runInProcess(args, env, t.dir);
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toContain('No changes');
    expect(t.emu.state().domains[DOMAIN]?.contacts).toHaveLength(20);
  });

  it('a lock whose holder is dead, or older than the stale limit, is taken over; a live one is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-locks-'));

    const first = acquireDomainLocks(['a.example.com'], { dir });
    expect(() => acquireDomainLocks(['a.example.com'], { dir })).toThrow(DomainLockedError);
    first.release();
    const file = readdirSync(dir);
    expect(file).toEqual([]);
    // A crashed run on this host: pid 2^22+1 is beyond any pid_max default, so it is not alive.
    const held = acquireDomainLocks(['b.example.com'], { dir });
    const [name] = readdirSync(dir);
    held.release();
    writeFileSync(
      join(dir, name ?? ''),
      JSON.stringify({ pid: 4194305, host: hostname(), time: new Date().toISOString(), domain: 'b.example.com' }),
    );
    acquireDomainLocks(['b.example.com'], { dir }).release();
    const now = new Date('2026-01-01T12:00:00Z');
    const other = { pid: 1, host: 'elsewhere', domain: 'c' };
    expect(isStale({ ...other, time: '2026-01-01T11:30:00Z' }, now, 60)).toBe(false);
    expect(isStale({ ...other, time: '2026-01-01T10:30:00Z' }, now, 60)).toBe(true);
    expect(isStale({ pid: process.pid, host: hostname(), domain: 'c', time: now.toISOString() }, now, 60)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
