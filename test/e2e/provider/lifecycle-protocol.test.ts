/**
 * How the provider process ends (provider/plugin/serve.ts): GRPCController.Shutdown answers and then the
 * process exits; SIGTERM stops it; when Terraform dies without a word (SIGKILL) the parent-death watchdog
 * stops it. Each way the unix socket goes too. Against the real entry (dist/provider/main.js) in mTLS
 * and in plaintext.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FakeTerraform } from '../../../provider/test-support/fake-terraform';
import { ensureBuilt, MAIN_ENTRY } from '../../../provider/test-support/resources';

beforeAll(() => ensureBuilt());

const ENV = { NS_API_URL: '', NS_API_KEY: '' };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

describe('provider process lifecycle', () => {
  it.each([true, false])(
    'GRPCController.Shutdown answers, then the process exits 0 (TLS %s)',
    async (tls) => {
      const ft = await FakeTerraform.start({ entry: MAIN_ENTRY, env: ENV, tls });
      expect(ft.handshake.serverCertPem !== null).toBe(tls);
      expect(await ft.healthCheck()).toBe('SERVING');
      expect(await ft.shutdown()).toBe(0);
      expect(existsSync(ft.handshake.address)).toBe(false);
    },
    60_000,
  );

  it('SIGTERM: exits 0 and removes its socket', async () => {
    const ft = await FakeTerraform.start({ entry: MAIN_ENTRY, env: ENV });
    expect(existsSync(ft.handshake.address)).toBe(true);
    const code = new Promise((resolve) => ft.child.once('exit', (c) => resolve(c)));
    ft.child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(existsSync(ft.handshake.address)).toBe(false);
    ft.kill();
  }, 60_000);

  it('exits by itself when its parent (Terraform) is killed', async () => {
    // A parent that starts the provider, prints its pid and then waits to be killed.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').spawn(process.execPath, [${JSON.stringify(MAIN_ENTRY)}], {
           env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: process.env.COOKIE, TF_DISABLE_PLUGIN_TLS: '1' },
           stdio: ['ignore', 'pipe', 'inherit'] });
         c.stdout.once('data', (d) => process.stdout.write(c.pid + ' ' + d));
         setInterval(() => {}, 1000);`,
      ],
      {
        env: {
          ...process.env,
          ...ENV,
          COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const line = await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(String(d))));
    const [pidText, handshake] = line.trim().split(' ');
    const pid = Number(pidText);
    const socket = (handshake as string).split('|')[3] as string;
    expect(alive(pid)).toBe(true);
    expect(existsSync(socket)).toBe(true);
    parent.kill('SIGKILL');
    // The watchdog looks every second.
    expect(await waitFor(() => !alive(pid), 10_000)).toBe(true);
    expect(existsSync(socket)).toBe(false);
  }, 60_000);
});
