/**
 * The provider's start stays light (issue 15): Terraform starts it three times per `terraform plan` (schema,
 * validation, the plan itself), and the first two starts never send a request, read YAML or validate a
 * file. A real start (dist/provider/main.js, as bin/ runs it, with Terraform's environment) must reach its
 * handshake line without loading undici, yaml, ajv or @grpc/proto-loader (each loads on first use, if ever),
 * and it never loads @grpc/grpc-js: the provider serves gRPC with its own node:http2 server (plugin/grpc-server.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../../provider/plugin/serve';
import { FakeTerraform } from '../../../provider/test-support/fake-terraform';
import { ensureBuilt, MAIN_ENTRY } from '../../../provider/test-support/resources';

const HEAVY = ['undici', 'yaml', 'ajv', 'ajv-formats', '@grpc/proto-loader', '@grpc/grpc-js'];

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pbxctl-start-up-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the provider with a preload that lists, when asked by SIGUSR2, the packages loaded so far. */
function writePreload(): { preload: string; out: string } {
  const preload = join(dir, 'list-packages.js');
  const out = join(dir, 'packages.json');
  writeFileSync(
    preload,
    `process.on('SIGUSR2', () => {
      const names = new Set();
      for (const f of Object.keys(require.cache)) {
        const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(f);
        if (m) names.add(m[1]);
      }
      require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify([...names].sort()));
      process.exit(0);
    });\n`,
  );
  return { preload, out };
}

function packagesAtHandshake(): Promise<{ handshake: string; packages: string[] }> {
  const { preload, out } = writePreload();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, MAIN_ENTRY], {
      env: { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no handshake in 60 s; stderr: ${stderr}`));
    }, 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      if (stdout.includes('\n')) child.kill('SIGUSR2');
    });
    child.on('exit', () => {
      clearTimeout(timer);
      try {
        resolve({ handshake: stdout.trim(), packages: JSON.parse(readFileSync(out, 'utf8')) as string[] });
      } catch {
        reject(new Error(`the provider exited before listing its packages; stderr: ${stderr}`));
      }
    });
  });
}

describe('provider start-up', () => {
  it('reaches the handshake with protobufjs loaded, and none of the heavy packages (nor grpc-js)', async () => {
    const { handshake, packages } = await packagesAtHandshake();
    expect(handshake).toMatch(/^1\|6\|unix\|/);
    // The listing works: what the start does need is there.
    expect(packages).toEqual(expect.arrayContaining(['protobufjs', '@msgpack/msgpack']));
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  }, 90_000);

  it('never loads @grpc/grpc-js, also after serving calls (schema, validation, health)', async () => {
    const { preload, out } = writePreload();
    const ft = await FakeTerraform.start({
      entry: MAIN_ENTRY,
      env: { NODE_OPTIONS: `--require ${preload}`, NS_API_URL: '', NS_API_KEY: '' },
    });
    try {
      expect(Object.keys((await ft.getProviderSchema()).resource_schemas)).toContain('netsapiens_user');
      expect(await ft.healthCheck()).toBe('SERVING');
      const exited = new Promise((resolve) => ft.child.once('exit', resolve));
      ft.child.kill('SIGUSR2');
      await exited;
      const packages = JSON.parse(readFileSync(out, 'utf8')) as string[];
      expect(packages).toContain('protobufjs');
      expect(packages.filter((p) => p.startsWith('@grpc/'))).toEqual([]);
    } finally {
      ft.kill();
    }
  }, 90_000);
});
