/** The CLI in-process: confirmation, progress on a TTY only, help and exit codes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, startEmulator, type RunningEmulator } from '../../emulator';
import { type CliIo, runCli } from './run-cli';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/small-office');
let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

function io(env: NodeJS.ProcessEnv, extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
      env,
      cwd: ROOT,
      ...extra,
    } as CliIo,
  };
}

async function env() {
  emu = await startEmulator({ seed: join(ROOT, 'examples/demo/seed.yaml') });
  return { NS_API_URL: emu.url, NS_API_KEY: DEFAULT_API_KEY, VM_PIN_1000: '4821', VM_PIN_1001: '2468' };
}

describe('pbxctl in-process', () => {
  it('apply <path> asks for confirmation; anything but "yes" changes nothing', async () => {
    const e = await env();
    const no = io(e, { ask: async () => 'y' });
    expect(await runCli(['apply', EXAMPLE], no.io)).toBe(1);
    expect(no.err.join('')).toMatch(/Apply cancelled; nothing was changed/);
    expect(emu!.requests.list().filter((r) => r.method !== 'GET')).toEqual([]);
    const questions: string[] = [];
    const yes = io(e, {
      ask: async (q) => {
        questions.push(q);
        return 'yes';
      },
    });
    expect(await runCli(['apply', EXAMPLE], yes.io)).toBe(0);
    expect(questions[0]).toMatch(/Apply 18 changes\? Only 'yes' will be accepted/);
  });

  it('the audit record names the commit the injected gitCommit reports (no subprocess in-process)', async () => {
    const e = await env();
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-cli-audit-'));
    try {
      const asked: string[] = [];
      const gitCommit = (cwd: string) => {
        asked.push(cwd);
        return 'c0ffee0123456789';
      };
      const r = io(e, { gitCommit });
      const audit = join(dir, 'audit.jsonl');
      expect(await runCli(['apply', EXAMPLE, '--auto-approve', '--quiet', '--audit-log', audit], r.io)).toBe(0);
      expect(asked).toEqual([ROOT]);
      const records = readFileSync(audit, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(records.length).toBeGreaterThan(0);
      for (const rec of records) expect(rec.commit).toBe('c0ffee0123456789');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('apply <path> without a terminal and without --auto-approve refuses', async () => {
    const e = await env();
    const r = io(e);
    expect(await runCli(['apply', EXAMPLE], r.io)).toBe(1);
    expect(r.err.join('')).toMatch(/needs --auto-approve/);
  });

  it('shows progress on a TTY, stays quiet in CI unless --progress', async () => {
    const e = await env();
    const tty = io({ ...e, CI: '' }, { stderrIsTty: true });
    await runCli(['plan', EXAMPLE], tty.io);
    expect(tty.err.join('')).toMatch(/Planned acme\.example\.com \(1\/1\) — \d+ requests/);
    const ci = io({ ...e, CI: 'true' }, { stderrIsTty: true });
    await runCli(['plan', EXAMPLE], ci.io);
    expect(ci.err.join('')).toBe('');
    const asked = io({ ...e, CI: 'true' });
    await runCli(['plan', EXAMPLE, '--progress'], asked.io);
    expect(asked.err.join('')).toMatch(/Reading 1 domain from the platform…\n/);
  });

  it('--detailed-exitcode, help and unknown commands', async () => {
    const e = await env();
    expect(await runCli(['plan', EXAMPLE, '--detailed-exitcode'], io(e).io)).toBe(2);
    expect(await runCli(['plan', EXAMPLE], io(e).io)).toBe(0);
    const help = io(e);
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out.join('')).toMatch(/3 blocked by safety policy {3}4 partial apply/);
    const plan = io(e);
    expect(await runCli(['plan', '--help'], plan.io)).toBe(0);
    expect(plan.out.join('')).toMatch(/--detailed-exitcode/);
    const bad = io(e);
    expect(await runCli(['frobnicate'], bad.io)).toBe(1);
    expect(bad.err.join('')).toMatch(/unknown command "frobnicate"/);
    const fmt = io(e);
    expect(await runCli(['plan', EXAMPLE, '--format', 'yaml'], fmt.io)).toBe(1);
    expect(fmt.err.join('')).toMatch(/--format must be text, markdown or json/);
  });
});

describe('policy.change_window', () => {
  it('refuses routing changes outside the window (exit 3, nothing written), allows them inside or with the flag', async () => {
    const e = await env();
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-window-'));
    const yaml = readFileSync(join(EXAMPLE, 'acme.yaml'), 'utf8').replace(
      'policy:\n',
      'policy:\n  change_window: { days: [mon, tue, wed, thu, fri], start: "19:00", end: "06:00", time_zone: America/New_York }\n',
    );
    writeFileSync(join(dir, 'acme.yaml'), yaml);
    const monday1pm = () => new Date('2026-01-05T18:00:00Z'); // Mon 13:00 in New York
    const shut = io(e, { now: monday1pm });
    expect(await runCli(['apply', dir, '--auto-approve'], shut.io)).toBe(3);
    expect(shut.err.join('')).toMatch(
      /acme\.example\.com: \d+ routing or data-destroying changes may only be applied Mon, Tue, Wed, Thu, Fri 19:00–06:00 America\/New_York; the window opens next at 2026-01-06T00:00:00\.000Z/,
    );
    expect(emu!.requests.list().filter((r) => r.method !== 'GET')).toEqual([]);
    const forced = io(e, { now: monday1pm });
    expect(await runCli(['apply', dir, '--auto-approve', '--ignore-change-window'], forced.io)).toBe(0);
  });

  it('inside the window apply proceeds; a bad time zone is a file error', async () => {
    const e = await env();
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'pbxctl-window-'));
    const base = readFileSync(join(EXAMPLE, 'acme.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'acme.yaml'),
      base.replace(
        'policy:\n',
        'policy:\n  change_window: { days: [mon], start: "12:00", end: "14:00", time_zone: America/New_York }\n',
      ),
    );
    const inside = io(e, { now: () => new Date('2026-01-05T18:00:00Z') });
    expect(await runCli(['apply', dir, '--auto-approve'], inside.io)).toBe(0);
    writeFileSync(
      join(dir, 'acme.yaml'),
      base.replace(
        'policy:\n',
        'policy:\n  change_window: { days: [mon], start: "12:00", end: "14:00", time_zone: Mars/Olympus }\n',
      ),
    );
    const bad = io(e);
    expect(await runCli(['validate', dir], bad.io)).toBe(1);
    expect(bad.err.join('')).toMatch(
      /acme\.yaml:7:\d+: policy\.change_window\.time_zone: unknown time zone "Mars\/Olympus"/,
    );
  });
});
