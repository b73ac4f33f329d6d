/**
 * Shared helpers for the plan/apply tests: a throw-away emulator on a free port, a temp work directory,
 * and the CLI run in-process with every byte of stdout/stderr captured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmulatorSeed, type RunningEmulator, startEmulator } from '../../emulator';
import { runCli, type CliIo } from '../../reconciler';

export const API_KEY = 'nsd_pbxctl_test_key_5f1c0a9d7e3b24680aceb13579bdf02468ace1357';
export const DOMAIN = 'acme.example.com';
/** A fixed platform timestamp, so plans (and their checksums) are byte-for-byte reproducible. */
export const T0 = '2025-01-15T09:30:00.000Z';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TestEnv {
  readonly emu: RunningEmulator;
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  cli(...argv: string[]): Promise<CliResult>;
  write(name: string, text: string): string;
  /** Requests other than GET since the last `emu.requests.reset()`. */
  writes(): ReturnType<RunningEmulator['requests']['list']>;
  close(): Promise<void>;
}

export async function startTestEnv(seed: EmulatorSeed, extraEnv: Record<string, string> = {}): Promise<TestEnv> {
  const emu = await startEmulator({ seed, apiKeys: [API_KEY] });
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-test-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NS_API_URL: emu.url,
    NS_API_KEY: API_KEY,
    NO_COLOR: '1',
    CI: 'true',
    PBXCTL_RATE: '10000',
    ...extraEnv,
  };
  return {
    emu,
    dir,
    env,
    cli: (...argv) => runInProcess(argv, env, dir),
    write(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    writes: () => emu.requests.list().filter((r) => r.method !== 'GET'),
    async close() {
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runInProcess(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env,
    cwd,
    stdinIsTty: false,
    stdoutIsTty: false,
    stderrIsTty: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

export interface SeedUser {
  readonly ext: string;
  readonly first: string;
  readonly last: string;
  readonly email?: string;
  readonly pin?: string;
  readonly department?: string;
}

/** A platform user record in seed format with fixed timestamps. */
export function seedUser(u: SeedUser): Record<string, unknown> {
  return {
    user: u.ext,
    'name-first-name': u.first,
    'name-last-name': u.last,
    'email-address': u.email ?? `${u.first.toLowerCase()}@acme.example.com`,
    department: u.department ?? 'Sales',
    site: 'HQ',
    'user-scope': 'Basic User',
    'voicemail-login-pin': u.pin ?? '',
    'account-status': 'standard',
    'created-datetime': T0,
    'last-modified-datetime': T0,
  };
}

/** A desired `users:` entry in YAML matching `seedUser`. */
export function yamlUser(u: SeedUser): string {
  return [
    `  - extension: "${u.ext}"`,
    `    first_name: ${u.first}`,
    `    last_name: ${u.last}`,
    `    email: ${u.email ?? `${u.first.toLowerCase()}@acme.example.com`}`,
    `    department: ${u.department ?? 'Sales'}`,
    '    site: HQ',
    '    scope: Basic User',
  ].join('\n');
}

export function domainYaml(opts: {
  domain?: string;
  policy?: string;
  users: readonly SeedUser[];
  extra?: string;
}): string {
  return [
    'version: 1',
    `domain: ${opts.domain ?? DOMAIN}`,
    ...(opts.policy ? ['policy:', ...opts.policy.split('\n').map((l) => `  ${l}`)] : []),
    opts.users.length ? 'users:' : 'users: []',
    ...opts.users.map(yamlUser),
    opts.extra ?? '',
    '',
  ].join('\n');
}

export const OFFICE: readonly SeedUser[] = [
  { ext: '1001', first: 'Ada', last: 'Lovelace' },
  { ext: '1002', first: 'Alan', last: 'Turing' },
  { ext: '1003', first: 'Grace', last: 'Hopper', department: 'Support' },
];

export function officeSeed(users: readonly SeedUser[] = OFFICE, domain = DOMAIN): EmulatorSeed {
  return {
    domains: {
      [domain]: {
        domain: { description: 'Acme', reseller: 'acme-reseller', 'time-zone': 'America/New_York' },
        // The site the office's users are placed at (domainYaml); users must name an existing site.
        sites: [{ site: 'HQ' }],
        users: users.map(seedUser),
      },
    },
  };
}

/**
 * `text` without its hex digests (commit shas, checksums: runs of 7 or more hex digits), for checking that a
 * secret made of digits (a voicemail PIN) is not in it: a random sha holds any four digits now and then
 * (`sha:b8299249db01bcf9482178…` holds 4821).
 */
export function withoutDigests(text: string): string {
  return text.replace(/[0-9a-f]{7,}/gi, '<hex>');
}
