/**
 * The built binary (`node dist/reconciler/cli/main.js`, after `npm run build`) as a real process against
 * the emulator: exit codes reach the shell, and a large Markdown plan reaches a pipe whole.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestEnv, domainYaml, officeSeed, OFFICE, DOMAIN, startTestEnv } from '../test-support/helpers';

const MAIN = resolve(__dirname, '../../dist/reconciler/cli/main.js');

function spawnCli(t: TestEnv, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // Asynchronous on purpose: the emulator answers from this process's event loop.
  return new Promise((res) => {
    execFile(
      process.execPath,
      [MAIN, ...argv],
      { cwd: t.dir, env: t.env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : -1
          : 0;
        res({ code, stdout, stderr });
      },
    );
  });
}

let t: TestEnv | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe.skipIf(!existsSync(MAIN))('built CLI', () => {
  it('exit codes: 0 in sync, 2 with --detailed-exitcode, 3 blocked, 1 on a bad key', async () => {
    t = await startTestEnv(officeSeed());
    t.write('same.yaml', domainYaml({ users: OFFICE }));
    t.write('changed.yaml', domainYaml({ users: OFFICE.map((u) => ({ ...u, department: 'Ops' })) }));
    t.write('prune.yaml', domainYaml({ users: OFFICE.slice(0, 1), policy: 'prune: true\nmax_deletes: 1' }));
    expect((await spawnCli(t, 'plan', 'same.yaml', '--detailed-exitcode')).code).toBe(0);
    expect((await spawnCli(t, 'plan', 'changed.yaml', '--detailed-exitcode')).code).toBe(2);
    const blocked = await spawnCli(t, 'plan', 'prune.yaml');
    expect(blocked.code).toBe(3);
    expect(blocked.stdout).toContain('2 deletes exceed policy.max_deletes = 1');
    const bad = await new Promise<{ code: number; stderr: string }>((res) => {
      execFile(
        process.execPath,
        [MAIN, 'plan', 'same.yaml'],
        { cwd: t!.dir, env: { ...t!.env, NS_API_KEY: 'nsd_nope' } },
        (err, _o, stderr) => res({ code: (err as { code?: number } | null)?.code ?? 0, stderr }),
      );
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('401');
    expect(bad.stderr).not.toContain('nsd_nope');
  });

  it('a 2,000-change Markdown plan reaches a pipe whole', async () => {
    t = await startTestEnv({ domains: { [DOMAIN]: { domain: { description: 'Acme' }, sites: [{ site: 'HQ' }] } } });
    const users = Array.from({ length: 2000 }, (_, i) => ({ ext: String(3000 + i), first: `U${i}`, last: 'Test' }));
    t.write('big.yaml', domainYaml({ users }));
    const r = await spawnCli(t, 'plan', 'big.yaml', '--format', 'markdown');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThan(65_000);
    expect(r.stdout).toMatch(/<sub>checksum `[0-9a-f]{16}` · format 1<\/sub>\n$/);
  });
});
