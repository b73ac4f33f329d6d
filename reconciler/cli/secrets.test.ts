/**
 * Secrets never leak (docs/design.md §4 Outputs, §5): voicemail PINs from the environment, PINs the platform
 * holds, and the API key must not appear in any byte pbxctl prints or writes — plan in every format, saved
 * plans, apply output and the audit log, drift, export, progress lines and error paths.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes';
import {
  API_KEY,
  type CliResult,
  DOMAIN,
  T0,
  type TestEnv,
  runInProcess,
  startTestEnv,
} from '../../test/test-support/helpers';

const PIN_1001 = '739182';
const PIN_1002 = '840263';
/** What the platform holds before the apply. */
const LIVE_PIN_1001 = '602914';
const LIVE_PIN_1003 = '517348';
const WRONG_KEY = 'nsd_wrong_key_9c1e5a7b3d2f4680aceb13579bdf02468ace13579bd';
const SECRETS = [PIN_1001, PIN_1002, LIVE_PIN_1001, LIVE_PIN_1003, API_KEY, WRONG_KEY];

const DESIRED = `version: 1
domain: ${DOMAIN}
policy:
  prune: true
  user_owned: []   # enforce PINs, so that PIN changes flow through every output
users:
  - extension: "1001"
    first_name: Ada
    last_name: Lovelace
    email: ada@acme.example.com
    department: Sales
    voicemail: { enabled: true, pin: { env: VM_PIN_1001 } }
  - extension: "1002"
    first_name: Alan
    last_name: Turing
    email: alan@acme.example.com
    voicemail: { enabled: true, pin: { env: VM_PIN_1002 } }
    phone: true
`;

const LITERAL_PIN = `version: 1
domain: ${DOMAIN}
users:
  - extension: "1001"
    first_name: Ada
    last_name: Lovelace
    voicemail: { pin: "${PIN_1001}" }
`;

function seedUser(ext: string, first: string, last: string, pin: string): Record<string, unknown> {
  return {
    user: ext,
    'name-first-name': first,
    'name-last-name': last,
    'email-address': `${first.toLowerCase()}@acme.example.com`,
    department: 'Sales',
    'voicemail-login-pin': pin,
    'account-status': 'standard',
    'created-datetime': T0,
    'last-modified-datetime': T0,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The platform has two users with PINs; the files set PINs from the environment and one literal PIN. */
async function startSecretsEnv(): Promise<TestEnv> {
  const t = await startTestEnv(
    {
      domains: {
        [DOMAIN]: {
          domain: { description: 'Acme' },
          users: [
            seedUser('1001', 'Ada', 'Lovelace', LIVE_PIN_1001),
            seedUser('1003', 'Grace', 'Hopper', LIVE_PIN_1003),
          ],
          voicemails: { '1003': { inbox: [{ filename: 'vm-1.wav' }] } },
        },
      },
    },
    { VM_PIN_1001: PIN_1001, VM_PIN_1002: PIN_1002 },
  );
  t.write('acme.yaml', DESIRED);
  t.write('literal.yaml', LITERAL_PIN);
  return t;
}

/** plan, drift, a partial apply, a saved-plan apply, export and error paths — every output captured by `run`. */
async function runWholeFlow(
  t: TestEnv,
  run: (what: string, ...argv: string[]) => Promise<CliResult>,
  outputs: { what: string; result: CliResult }[],
): Promise<void> {
  const file = join(t.dir, 'acme.yaml');
  expect((await run('plan text', 'plan', file, '--allow-deletes')).code).toBe(EXIT.ok);
  expect((await run('plan blocked', 'plan', file)).code).toBe(EXIT.blocked);
  expect((await run('plan markdown', 'plan', file, '--format', 'markdown', '--allow-deletes')).code).toBe(EXIT.ok);
  expect((await run('plan json', 'plan', file, '--format', 'json', '--allow-deletes')).code).toBe(EXIT.ok);
  expect((await run('plan redacted', 'plan', file, '--format', 'json', '--redact-pii', '--allow-deletes')).code).toBe(
    EXIT.ok,
  );
  expect((await run('plan --out', 'plan', file, '--allow-deletes', '--out', 'plan.json', '--progress')).code).toBe(
    EXIT.ok,
  );
  expect((await run('drift text', 'drift', file)).code).toBe(EXIT.changes);
  expect((await run('drift json', 'drift', file, '--format', 'json')).code).toBe(EXIT.changes);
  expect((await run('drift markdown', 'drift', file, '--format', 'markdown')).code).toBe(EXIT.changes);

  // A partial apply first (an error path that carries the PIN-bearing request), then the saved plan.
  // Five 500s: a write answered 500 is re-read and re-sent within the attempt budget (5), so one would not fail it.
  t.emu.faults.add({ method: 'PUT', path: '/domains/*/users/1001', status: 500, times: 5 });
  const partial = await run(
    'apply partial',
    'apply',
    file,
    '--auto-approve',
    '--allow-deletes',
    '--progress',
    '--audit-log',
    'audit.jsonl',
  );
  expect(partial.code).toBe(EXIT.partial);
  expect((await run('plan --out again', 'plan', file, '--allow-deletes', '--out', 'plan.json')).code).toBe(EXIT.ok);
  const applied = await run('apply plan.json', 'apply', 'plan.json', '--progress', '--audit-log', 'audit.jsonl');
  expect(applied.code).toBe(EXIT.ok);
  // The PINs did reach the platform (so the tests above had something to leak).
  const users = t.emu.state().domains[DOMAIN]!.users;
  expect(users.find((u) => u.user === '1001')!['voicemail-login-pin']).toBe(PIN_1001);
  expect(users.find((u) => u.user === '1002')!['voicemail-login-pin']).toBe(PIN_1002);

  expect((await run('drift after', 'drift', file)).code).toBe(EXIT.ok);
  expect((await run('export stdout', 'export', '--domain', DOMAIN)).code).toBe(EXIT.ok);
  expect((await run('export --out', 'export', '--domain', DOMAIN, '--out', 'exported/acme.yaml')).code).toBe(EXIT.ok);
  expect((await run('welcome', 'welcome', '--domain', DOMAIN, '1001')).code).toBe(EXIT.ok);

  // Error paths: a literal PIN in the file, an unset secret, a wrong API key, a platform 500.
  const literal = await run('validation: literal pin', 'plan', join(t.dir, 'literal.yaml'));
  expect(literal.code).toBe(EXIT.error);
  const unset = await runInProcess(['plan', file], { ...t.env, VM_PIN_1002: '' }, t.dir);
  outputs.push({ what: 'unset secret', result: unset });
  expect(unset.code).toBe(EXIT.error);
  expect(unset.stderr).toContain('VM_PIN_1002');
  const wrongKey = await runInProcess(['plan', file], { ...t.env, NS_API_KEY: WRONG_KEY }, t.dir);
  outputs.push({ what: '401', result: wrongKey });
  expect(wrongKey.code).toBe(EXIT.error);
  expect(wrongKey.stderr).toContain('401');
  // Reads are retried on 5xx (platform/retry.ts): a server that keeps failing ends the plan with exit 1.
  t.emu.faults.add({ method: 'GET', path: '/domains/*/users', status: 500, times: 50 });
  const serverError = await run('500', 'plan', file);
  expect(serverError.code).toBe(EXIT.error);
  t.emu.faults.clear();
}

describe('secrets never leak', () => {
  let t: TestEnv;
  const outputs: { what: string; result: CliResult }[] = [];
  const run = async (what: string, ...argv: string[]) => {
    const result = await t.cli(...argv);
    outputs.push({ what, result });
    return result;
  };

  beforeAll(async () => {
    t = await startSecretsEnv();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs the whole flow and captures everything', async () => {
    await runWholeFlow(t, run, outputs);
  });

  it('no captured stdout/stderr contains a PIN or an API key', () => {
    if (process.env.DEBUG_SECRETS)
      for (const o of outputs)
        console.log(o.what, o.result.code, o.result.stdout.slice(0, 600), o.result.stderr.slice(0, 600));
    expect(outputs.length).toBeGreaterThanOrEqual(18);
    for (const { what, result } of outputs) {
      for (const s of SECRETS) {
        expect({ what, leaked: result.stdout.includes(s) || result.stderr.includes(s) ? s : undefined }).toEqual({
          what,
          leaked: undefined,
        });
      }
    }
  });

  it('no file pbxctl wrote contains a PIN or an API key', () => {
    const written = filesUnder(t.dir).filter((p) => !/^(acme|literal)\.yaml$/.test(relative(t.dir, p)));
    expect(written.map((p) => relative(t.dir, p)).sort()).toEqual([
      // The welcome-e-mail ledger (user, state, time) of `welcome` (default audit path) and of apply.
      '.pbxctl/audit.welcome.jsonl',
      'audit.jsonl',
      'audit.welcome.jsonl',
      // The write-ahead journal: method and path of each write, never a body.
      'audit.writes.jsonl',
      'exported/acme.yaml',
      'plan.json',
    ]);
    for (const p of written) {
      const text = readFileSync(p, 'utf8');
      for (const s of SECRETS)
        expect({ file: relative(t.dir, p), leaked: text.includes(s) ? s : undefined }).toEqual({
          file: relative(t.dir, p),
          leaked: undefined,
        });
    }
    const audit = readFileSync(join(t.dir, 'audit.jsonl'), 'utf8').trim().split('\n');
    expect(audit).toHaveLength(2);
  });
});
