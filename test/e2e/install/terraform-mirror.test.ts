/**
 * Must-show 5: the provider release zip (`npm run package:provider`: one executable, no Node needed) served from a
 * filesystem mirror that holds only that zip, to Terraform 1.11 in a directory outside the repository whose PATH
 * has no `node`: init, apply, `plan -detailed-exitcode` = 0, destroy — against the emulator (started with this
 * Node binary by absolute path; only Terraform's PATH lacks node).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageProvider, type PackagedProvider } from '../../../scripts/package-provider';
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

    beforeAll(async () => {
      packaged = await packageProvider(scratch.dir('provider-release'), REPO_ROOT);
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

    it('init, apply, plan -detailed-exitcode = 0, destroy against the emulator', async () => {
      const work = scratch.dir('tf');
      const seed = join(work, 'seed.yaml');
      writeFileSync(seed, emptyDomainSeed('acme.example.com'));
      const emu = await scratch.emulator(
        process.execPath,
        [CLI_MAIN, 'emulator', '--port', '0', '--seed', seed],
        work,
        { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      );
      const { project, env } = terraformProject(work, mirror, emu.url, packaged.version);
      const noNode = await run('/bin/sh', ['-c', 'command -v node || echo none'], { cwd: project, env });
      expect(noNode.stdout.trim()).toBe('none');
      const tf = (...args: string[]) =>
        run('terraform', [...args, '-no-color'], { cwd: project, env, timeoutMs: 180_000 });

      const init = await tf('init', '-input=false');
      expect(init.code, show(init)).toBe(0);
      expect(init.stdout).toMatch(new RegExp(`Installed pbxctl/netsapiens v${packaged.version.replace(/\./g, '\\.')}`));
      const cached = join(project, '.terraform', 'providers', 'registry.terraform.io', 'pbxctl', 'netsapiens');
      expect(readdirSync(join(cached, packaged.version, packaged.target))).toEqual([
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
  },
);

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
