/**
 * Must-show 5: the provider release zip (`npm run package:provider`: one executable and its launcher, no Node
 * needed) served from a filesystem mirror that holds only that zip, to Terraform 1.11 in a directory outside the
 * repository whose PATH has no `node`: init, apply, `plan -detailed-exitcode` = 0, destroy — against the emulator
 * (started with this Node binary by absolute path; only Terraform's PATH lacks node). Then the same provider
 * against the emulator behind https with a certificate of a private authority: trusted only through
 * NODE_EXTRA_CA_CERTS, which the launcher hands over (scripts/package-provider/launcher.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCert } from '../../../provider/plugin/cert';
import { MAGIC_COOKIE_VALUE } from '../../../provider/plugin/serve';
import { firstHandshakeLine } from '../../../provider/test-support/handshake';
import { forwardTo } from '../../test-support/forward';
import { packageProvider, type PackagedProvider } from '../../../scripts/package-provider';
import { unzip } from '../../../scripts/package-provider/zip';
import { CLI_MAIN, emptyDomainSeed, EMU_KEY, onPath, REPO_ROOT, run, Scratch, show } from './install-helpers';

const TERRAFORM = '/usr/local/bin/terraform';
const HAVE_TERRAFORM = existsSync(TERRAFORM) || onPath('terraform');
if (!HAVE_TERRAFORM) console.warn('\n*** provider release E2E SKIPPED: terraform (>= 1.11) is not installed ***\n');
const SUPPORTED = ['linux', 'darwin'].includes(process.platform) && ['x64', 'arm64'].includes(process.arch);

const scratch = new Scratch();
afterAll(() => scratch.cleanup(), 60_000);

describe.skipIf(!HAVE_TERRAFORM || !SUPPORTED)(
  'the provider release zip in a filesystem mirror, no node on PATH',
  () => {
    let packaged: PackagedProvider;
    let mirror: string;
    /** The provider as Terraform starts it (the launcher), and the executable beside it. */
    let exe: string;
    let executable: string;
    let files: Map<string, { data: Buffer; mode: number }>;

    beforeAll(async () => {
      // Built with secrets in the environment: none may end up in the executable (its V8 start-up snapshot).
      const saved = Object.fromEntries(Object.keys(BUILD_SECRETS).map((k) => [k, process.env[k]]));
      Object.assign(process.env, BUILD_SECRETS);
      try {
        packaged = await packageProvider(scratch.dir('provider-release'), REPO_ROOT);
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
      files = new Map(unzip(readFileSync(packaged.zip)).map((e) => [e.name, e]));
      const unpacked = scratch.dir('exe');
      for (const [name, f] of files) writeFileSync(join(unpacked, name), f.data, { mode: f.mode & 0o777 });
      exe = join(unpacked, `terraform-provider-netsapiens_v${packaged.version}`);
      executable = join(unpacked, `pbxctl-provider_v${packaged.version}`);
      mirror = scratch.dir('mirror');
      // The packed layout: HOSTNAME/NAMESPACE/TYPE/terraform-provider-TYPE_VERSION_OS_ARCH.zip — and nothing else.
      const dir = join(mirror, 'registry.terraform.io', 'pbxctl', 'netsapiens');
      mkdirSync(dir, { recursive: true });
      const zipName = packaged.zip.split('/').at(-1) as string;
      writeFileSync(join(dir, zipName), readFileSync(packaged.zip));
    }, 600_000);

    it('SHA256SUMS lists the zip with its sha256', async () => {
      const { createHash } = await import('node:crypto');
      const digest = createHash('sha256').update(readFileSync(packaged.zip)).digest('hex');
      expect(readFileSync(packaged.sums, 'utf8')).toContain(`${digest}  ${packaged.zip.split('/').at(-1)}`);
      expect(packaged.zip).toMatch(
        new RegExp(`terraform-provider-netsapiens_${packaged.version}_${packaged.target}\\.zip$`),
      );
    });

    it('holds the launcher under the provider name and the executable beside it, both executable', () => {
      expect([...files.keys()]).toEqual([
        `terraform-provider-netsapiens_v${packaged.version}`,
        `pbxctl-provider_v${packaged.version}`,
      ]);
      for (const f of files.values()) expect(f.mode & 0o755).toBe(0o755);
      const launcher = files.get(`terraform-provider-netsapiens_v${packaged.version}`)!.data.toString('utf8');
      expect(launcher.startsWith('#!/bin/sh\n')).toBe(true);
      expect(launcher).toContain(`exec "$dir/pbxctl-provider_v${packaged.version}" "$@"`);
    });

    it.skipIf(process.platform !== 'linux')(
      'on Linux the executable has no symbol table or debug sections: less for Terraform to hash at every command',
      () => {
        expect(packaged.stripped).toBe(onPath('strip'));
        const sections = elfSectionNames(readFileSync(executable));
        expect(sections).toContain('.rodata');
        if (!packaged.stripped) return;
        expect(sections).not.toContain('.symtab');
        expect(sections.filter((n) => n.startsWith('.debug'))).toEqual([]);
        expect(sections).toContain('.dynsym');
      },
    );

    it('holds none of the secrets in the environment it was built in', () => {
      const binary = readFileSync(executable);
      for (const secret of Object.values(BUILD_SECRETS)) {
        expect(binary.includes(Buffer.from(secret, 'latin1'))).toBe(false);
        expect(binary.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
    });

    it('makes its go-plugin TLS certificate at every start (not in the snapshot); the handshake is on stdout', async () => {
      const clientCert = (await generateCert('terraform')).cert;
      const certs = [await handshakeCert(exe, clientCert), await handshakeCert(exe, clientCert)];
      for (const c of certs) expect(c).toMatch(/^[A-Za-z0-9+/]{200,}={0,2}$/);
      expect(certs[0]).not.toBe(certs[1]);
    });

    it('init, apply, plan -detailed-exitcode = 0, destroy against the emulator', async () => {
      const work = scratch.dir('tf');
      const emu = await emptyEmulator(work);
      const { project, env } = terraformProject(work, mirror, emu.url, packaged.version);
      const noNode = await run('/bin/sh', ['-c', 'command -v node || echo none'], { cwd: project, env });
      expect(noNode.stdout.trim()).toBe('none');
      const tf = (...args: string[]) =>
        run('terraform', [...args, '-no-color'], { cwd: project, env, timeoutMs: 180_000 });

      const init = await tf('init', '-input=false');
      expect(init.code, show(init)).toBe(0);
      expect(init.stdout).toMatch(new RegExp(`Installed pbxctl/netsapiens v${packaged.version.replace(/\./g, '\\.')}`));
      const cached = join(project, '.terraform', 'providers', 'registry.terraform.io', 'pbxctl', 'netsapiens');
      expect(readdirSync(join(cached, packaged.version, packaged.target)).sort()).toEqual([
        `pbxctl-provider_v${packaged.version}`,
        `terraform-provider-netsapiens_v${packaged.version}`,
      ]);

      const apply = await tf('apply', '-auto-approve', '-input=false');
      expect(apply.code, show(apply)).toBe(0);
      expect(apply.stdout).toContain('1 added, 0 changed, 0 destroyed');
      const users = await fetch(`${emu.url}/domains/acme.example.com/users/1000`, {
        headers: { authorization: `Bearer ${EMU_KEY}` },
      });
      expect(users.status).toBe(200);
      expect(((await users.json()) as Record<string, unknown>)['name-last-name']).toBe('Hopper');

      const plan = await tf('plan', '-detailed-exitcode', '-input=false');
      expect(plan.code, show(plan)).toBe(0);

      const destroy = await tf('destroy', '-auto-approve', '-input=false');
      expect(destroy.code, show(destroy)).toBe(0);
      expect(destroy.stdout).toContain('1 destroyed');
      const gone = await fetch(`${emu.url}/domains/acme.example.com/users/1000`, {
        headers: { authorization: `Bearer ${EMU_KEY}` },
      });
      expect(gone.status).toBe(404);
    });

    it('a tampered launcher or executable in the provider cache stops Terraform before it runs either', async () => {
      const work = scratch.dir('tf-tampered');
      const { project, env } = terraformProject(work, mirror, 'http://127.0.0.1:9/ns-api/v2', packaged.version);
      const tf = (...args: string[]) =>
        run('terraform', [...args, '-no-color'], { cwd: project, env, timeoutMs: 180_000 });
      expect((await tf('init', '-input=false')).code).toBe(0);
      const cached = join(project, '.terraform', 'providers', 'registry.terraform.io', 'pbxctl', 'netsapiens');
      const dir = join(cached, packaged.version, packaged.target);
      for (const name of [
        `pbxctl-provider_v${packaged.version}`,
        `terraform-provider-netsapiens_v${packaged.version}`,
      ]) {
        const file = join(dir, name);
        const original = readFileSync(file);
        writeFileSync(file, Buffer.concat([original, Buffer.from('\n# tampered\n')]));
        try {
          const plan = await tf('plan', '-input=false');
          expect(plan.code, show(plan)).toBe(1);
          expect(plan.stderr.replace(/\s+/g, ' ')).toMatch(/does not match any of the checksums/);
        } finally {
          writeFileSync(file, original);
        }
      }
    });

    it('behind https with a private authority: works with NODE_EXTRA_CA_CERTS, says so without it or with a bad file', async () => {
      const work = scratch.dir('tf-private-ca');
      const emu = await emptyEmulator(work);
      const front = await httpsFront(emu.url);
      try {
        const { project, env } = terraformProject(work, mirror, front.url, packaged.version);
        const tf = (extra: Record<string, string>, ...args: string[]) =>
          run('terraform', [...args, '-no-color'], { cwd: project, env: { ...env, ...extra }, timeoutMs: 180_000 });
        expect((await tf({}, 'init', '-input=false')).code).toBe(0);

        const untrusted = await tf({}, 'apply', '-auto-approve', '-input=false');
        expect(untrusted.code, show(untrusted)).toBe(1);
        expect(untrusted.stderr).toMatch(/TLS handshake failed/);
        expect(untrusted.stderr).toMatch(/NODE_EXTRA_CA_CERTS/);

        const missing = join(work, 'no-such-authority.pem');
        const bad = await tf({ NODE_EXTRA_CA_CERTS: missing }, 'apply', '-auto-approve', '-input=false');
        expect(bad.code, show(bad)).toBe(1);
        expect(bad.stderr.replace(/\s+/g, ' ')).toContain(
          `NODE_EXTRA_CA_CERTS names ${missing}, which cannot be read (ENOENT)`,
        );
        expect(front.requests()).toBe(0);

        const trusted = { NODE_EXTRA_CA_CERTS: PRIVATE_AUTHORITY };
        const apply = await tf(trusted, 'apply', '-auto-approve', '-input=false');
        expect(apply.code, show(apply)).toBe(0);
        expect(apply.stdout).toContain('1 added, 0 changed, 0 destroyed');
        const plan = await tf(trusted, 'plan', '-detailed-exitcode', '-input=false');
        expect(plan.code, show(plan)).toBe(0);
        expect(front.requests()).toBeGreaterThan(0);
        const user = await fetch(`${emu.url}/domains/acme.example.com/users/1000`, {
          headers: { authorization: `Bearer ${EMU_KEY}` },
        });
        expect(user.status).toBe(200);
      } finally {
        await front.close();
      }
    });
  },
);

/** The emulator with an empty acme.example.com, started with this Node binary by absolute path. */
async function emptyEmulator(work: string): Promise<{ url: string }> {
  const seed = join(work, 'seed.yaml');
  writeFileSync(seed, emptyDomainSeed('acme.example.com'));
  return scratch.emulator(process.execPath, [CLI_MAIN, 'emulator', '--port', '0', '--seed', seed], work, {
    PATH: process.env.PATH ?? '',
    NO_COLOR: '1',
  });
}

const PRIVATE_CA = join(REPO_ROOT, 'reconciler', 'platform', 'test-fixtures', 'private-ca');
const PRIVATE_AUTHORITY = join(PRIVATE_CA, 'authority.pem');

/**
 * https on 127.0.0.1 with the certificate a private authority issued, passing every request on to the emulator.
 * `requests()` counts those that got through the TLS handshake.
 */
async function httpsFront(target: string): Promise<{ url: string; requests(): number; close(): Promise<void> }> {
  const to = new URL(target);
  let count = 0;
  const server: Server = createServer(
    { cert: readFileSync(join(PRIVATE_CA, 'server.pem')), key: readFileSync(join(PRIVATE_CA, 'server.key')) },
    (req, res) => {
      count++;
      forwardTo(to, req, res);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}${to.pathname.replace(/\/$/, '')}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The section names of a 64-bit little-endian ELF file, from its section header table. */
function elfSectionNames(elf: Buffer): string[] {
  expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  const shoff = Number(elf.readBigUInt64LE(0x28));
  const shentsize = elf.readUInt16LE(0x3a);
  const shnum = elf.readUInt16LE(0x3c);
  const header = (i: number) => shoff + i * shentsize;
  const strtab = Number(elf.readBigUInt64LE(header(elf.readUInt16LE(0x3e)) + 0x18));
  return Array.from({ length: shnum }, (_, i) => {
    const start = strtab + elf.readUInt32LE(header(i));
    return elf.subarray(start, elf.indexOf(0, start)).toString('latin1');
  });
}

/** Environment variables set while the executable is built, with values that must not appear in it. */
const BUILD_SECRETS: Record<string, string> = Object.fromEntries(
  ['NS_API_KEY', 'TF_VAR_api_key', 'PBXCTL_TEST_BUILD_SECRET'].map((k) => [k, `s3cret-${k}-${randomUUID()}`]),
);

/** Starts the provider as Terraform does (AutoMTLS), returns the certificate field of its handshake line. */
async function handshakeCert(exe: string, clientCert: string): Promise<string> {
  const { line } = await firstHandshakeLine(exe, {
    TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '6',
    PLUGIN_CLIENT_CERT: clientCert,
    PLUGIN_UNIX_SOCKET_DIR: scratch.dir('sock'),
  });
  const fields = line.split('|');
  if (fields.length === 6 && fields[0] === '1' && fields[1] === '6') return fields[5] as string;
  throw new Error(`not a handshake line: ${line}`);
}

/**
 * A Terraform working directory using only the mirror: its own CLI config, and a PATH holding nothing but a
 * link to terraform (so no `node`).
 */
function terraformProject(work: string, mirror: string, apiUrl: string, version: string) {
  const bin = join(work, 'bin');
  mkdirSync(bin);
  symlinkSync(existsSync(TERRAFORM) ? TERRAFORM : 'terraform', join(bin, 'terraform'));
  const cliConfig = join(work, 'terraformrc');
  const only = 'registry.terraform.io/pbxctl/*';
  writeFileSync(
    cliConfig,
    `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["${only}"]\n  }\n` +
      `  direct {\n    exclude = ["${only}"]\n  }\n}\n`,
  );
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'main.tf'),
    `terraform {
  required_providers {
    netsapiens = { source = "pbxctl/netsapiens", version = "${version}" }
  }
}
provider "netsapiens" {
  api_url = "${apiUrl}"
}
resource "netsapiens_user" "desk" {
  domain     = "acme.example.com"
  extension  = "1000"
  first_name = "Grace"
  last_name  = "Hopper"
  email      = "grace@acme.example.com"
  department = "Management"
  voicemail  = { enabled = true }
}
`,
  );
  const env = {
    PATH: bin,
    HOME: work,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    NS_API_KEY: EMU_KEY,
  };
  return { project, env };
}
