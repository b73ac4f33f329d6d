/**
 * `pbxctl demo` / `npm run demo`: the main job on the embedded default platform — no account, no network.
 * Starts the emulator in-process (seeded so that it partly differs from examples/small-office), then
 * plan → apply → plan; the last plan must say there is nothing to do.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT } from '../exit-codes';
import type { CliIo, RunCli } from '../io';

function repoFile(rel: string): string {
  for (const base of [resolve(__dirname, '../../..'), resolve(__dirname, '../../../..')]) {
    const p = join(base, rel);
    if (existsSync(p)) return p;
  }
  throw new Error(`cannot find ${rel}`);
}

/** `runCli` is the dispatcher, passed in so this module does not import it (no cycle). */
export async function demoCommand(io: CliIo, runCli: RunCli): Promise<number> {
  const { startEmulator, DEFAULT_API_KEY } = await import('../../../emulator');
  const work = mkdtempSync(join(tmpdir(), 'pbxctl-demo-'));
  const emu = await startEmulator({ seed: repoFile('examples/demo/seed.yaml') });
  try {
    const env = {
      ...io.env,
      NS_API_URL: emu.url,
      NS_API_KEY: DEFAULT_API_KEY,
      // Demo PINs; in real use these come from the CI's secret store.
      VM_PIN_1000: '4821',
      VM_PIN_1001: '2468',
      CI: io.env.CI ?? '',
    };
    const sub: CliIo = { ...io, env, cwd: work };
    const example = repoFile('examples/small-office');
    const step = (title: string) => io.stdout(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}\n`);
    step(`1. plan  (emulator at ${emu.url})`);
    const first = await runCli(['plan', example, '--detailed-exitcode'], sub);
    if (first !== EXIT.changes) return first === EXIT.ok ? EXIT.error : first;
    step('2. apply --auto-approve');
    const applied = await runCli(['apply', example, '--auto-approve', '--audit-log', join(work, 'audit.jsonl')], sub);
    if (applied !== EXIT.ok) return applied;
    const mails = emu.state().domains['acme.example.com']?.emails_sent.length ?? 0;
    io.stdout(`  welcome e-mails sent: ${mails}\n`);
    step('3. plan again');
    const last = await runCli(['plan', example, '--detailed-exitcode'], sub);
    if (last !== EXIT.ok) {
      io.stderr('demo: the second plan still has changes — apply did not converge\n');
      return EXIT.error;
    }
    io.stdout(`\nRequests served by the emulator: ${emu.requests.count}\n`);
    return EXIT.ok;
  } finally {
    await emu.close();
    rmSync(work, { recursive: true, force: true });
  }
}
