/**
 * The Terraform side of bench/terraform-plan.ts: the configuration and state of N users of the "full"
 * domain, a workspace whose filesystem mirror holds our provider launcher, and the child process.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DEFAULT_API_KEY } from '../emulator';
import { DOMAIN } from './plan-users';

const ROOT = resolve(__dirname, '..', '..');

export function user(i: number) {
  const ext = String(1000 + i);
  const dept = i % 10 === 0 ? 'Marketing' : i % 2 ? 'Sales' : 'Support';
  const mac = `0004f2${i.toString(16).padStart(6, '0')}`;
  return { ext, dept, mac, first: `First${i}`, last: `Last${i}`, email: `u${i}@bench.example.com` };
}

function hcl(n: number): string {
  const out = [
    'terraform {\n  required_providers {\n    netsapiens = { source = "pbxctl/netsapiens" }\n  }\n}\nprovider "netsapiens" {}\n',
  ];
  for (let i = 0; i < n; i++) {
    const u = user(i);
    out.push(`resource "netsapiens_user" "u${u.ext}" {
  domain     = "${DOMAIN}"
  extension  = "${u.ext}"
  first_name = "${u.first}"
  last_name  = "${u.last}"
  email      = "${u.email}"
  department = "${u.dept}"
  site       = "HQ"
  scope      = "Basic User"
  phone      = { mac = "${u.mac}", model = "yealink-t54w" }
  spam       = "voicemail"
  block      = ["+1 800 555 0199"]
}
`);
  }
  return out.join('\n');
}

/** The attributes of user i in the partial state: its id and configured fields (what `state` writes). */
export function partialAttributes(i: number) {
  const u = user(i);
  return {
    id: `${DOMAIN}/${u.ext}`,
    domain: DOMAIN,
    extension: u.ext,
    first_name: u.first,
    last_name: u.last,
    email: u.email,
    department: i % 2 ? 'Sales' : 'Support',
    site: 'HQ',
    scope: 'Basic User',
    spam: 'voicemail',
    block: ['+1 800 555 0199'],
  };
}

/** A partial state: ids and the configured fields (`--partial-state`; by default an untimed refresh-only apply first fills every attribute, as an apply leaves it). */
function state(n: number): string {
  const resources = [];
  for (let i = 0; i < n; i++) {
    const u = user(i);
    const attributes = partialAttributes(i);
    resources.push({
      mode: 'managed',
      type: 'netsapiens_user',
      name: `u${u.ext}`,
      provider: 'provider["registry.terraform.io/pbxctl/netsapiens"]',
      instances: [{ schema_version: 0, attributes }],
    });
  }
  return JSON.stringify({
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'bench',
    outputs: {},
    resources,
  });
}

export interface Workspace {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Where each provider process writes its CPU time at exit (bench/cpu-preload.ts). */
  readonly cpuDir: string;
}

/** A Terraform CLI configuration that installs providers from the filesystem mirror at `mirror` only. */
export function mirrorCliConfig(mirror: string): string {
  return `provider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n  }\n}\n`;
}

/** Which provider Terraform starts: by default `bin/`'s launcher over this checkout's `dist/`. */
export interface ProviderChoice {
  /** The provider as users install it: `npm run package:provider`'s zip (launcher + executable), packed mirror layout. */
  readonly releaseZip?: string;
  /** A built script run by this Node binary instead (bench/echo-provider.ts), through a launcher in the mirror. */
  readonly script?: string;
  /** Environment the launcher of `script` sets for it (e.g. bench/echo-provider.ts's PBXCTL_BENCH_ECHO_READS). */
  readonly scriptEnv?: Readonly<Record<string, string>>;
}

/** `profileDir`: a CPU profile of every provider process there (bench/cpu-preload.ts). */
export function workspace(n: number, apiUrl: string, profileDir?: string, provider: ProviderChoice = {}): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'pbxctl-bench-tf-'));
  const mirror = join(root, 'mirror', 'registry.terraform.io', 'pbxctl', 'netsapiens');
  if (provider.releaseZip) {
    mkdirSync(mirror, { recursive: true });
    copyFileSync(provider.releaseZip, join(mirror, basename(provider.releaseZip)));
  } else {
    const plugin = join(mirror, '0.1.0', 'linux_amd64');
    mkdirSync(plugin, { recursive: true });
    const exe = join(plugin, 'terraform-provider-netsapiens');
    if (provider.script) {
      const env = Object.entries(provider.scriptEnv ?? {})
        .map(([k, v]) => `${k}='${v}' `)
        .join('');
      writeFileSync(exe, `#!/bin/sh\n${env}exec '${process.execPath}' '${provider.script}' "$@"\n`, { mode: 0o755 });
    } else {
      symlinkSync(join(ROOT, 'bin', 'terraform-provider-netsapiens'), exe);
    }
  }
  const rc = join(root, 'cli.tfrc');
  writeFileSync(rc, mirrorCliConfig(join(root, 'mirror')));
  const dir = join(root, 'work');
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), hcl(n));
  writeFileSync(join(dir, 'terraform.tfstate'), state(n));
  const cpuDir = join(root, 'cpu');
  mkdirSync(cpuDir);
  const preload = join(__dirname, 'cpu-preload.js');
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: rc,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    NS_API_URL: apiUrl,
    NS_API_KEY: DEFAULT_API_KEY,
    NODE_OPTIONS: `--require ${preload}`,
    PBXCTL_BENCH_CPU_DIR: cpuDir,
    ...(profileDir ? { PBXCTL_BENCH_PROFILE_DIR: profileDir } : {}),
    PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}`,
  };
  return { dir, env, cpuDir };
}

/** Async: the bench's own thread keeps serving the worker's messages while Terraform runs. */
export function terraform(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  onSpawn?: (pid: number) => void,
): Promise<{ status: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (onSpawn && child.pid !== undefined) onSpawn(child.pid);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (status) => done({ status, out }));
  });
}

/**
 * CPU time (ms) of this process's waited-for descendants (Linux `cutime + cstime`, /proc/self/stat): a
 * Terraform run's own CPU plus its provider processes' (Terraform waits for them), at 10 ms resolution.
 * Undefined where /proc is absent.
 */
export function childrenCpuMs(): number | undefined {
  // Field 3 (state) is fields[0]: cutime is field 16, cstime field 17 (clock ticks of 10 ms).
  return statCpuMs('/proc/self/stat', 13);
}

/**
 * CPU time (ms) of this process's main thread alone (`utime + stime` of /proc/self/task/<pid>/stat): pbxctl's
 * client and planner, without the emulator and proxy of the server thread. Undefined where /proc is absent.
 */
export function mainThreadCpuMs(): number | undefined {
  return statCpuMs(`/proc/self/task/${process.pid}/stat`, 11);
}

function statCpuMs(path: string, at: number): number | undefined {
  try {
    const stat = readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[at]) + Number(fields[at + 1])) * 10;
  } catch {
    return undefined;
  }
}
