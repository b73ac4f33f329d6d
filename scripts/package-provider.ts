/**
 * `npm run package:provider`: the Terraform provider as ONE executable that needs no Node.js on the machine, in
 * the Terraform registry layout.
 *
 *   1. esbuild bundles provider/snapshot-entry.ts (provider/main.ts and everything it loads: protobufjs, the
 *      embedded protos, the resources) into one CommonJS file; no native modules, and cdktf is never part of it.
 *   2. Node's single-executable applications: `node --experimental-sea-config` runs the bundle once to build a
 *      V8 start-up snapshot (`useSnapshot`: the modules evaluated, nothing started; see the entry), turns it
 *      into a blob, and `postject` injects it into a copy of this Node binary (so build on the target OS/arch:
 *      the release workflow runs one job per target on a matching runner).
 *   3. dist/provider-release/terraform-provider-netsapiens_<version>_<os>_<arch>.zip, plus
 *      terraform-provider-netsapiens_<version>_SHA256SUMS. On Windows the zip holds the executable as
 *      terraform-provider-netsapiens_v<version>.exe; on Linux and macOS it holds the executable as
 *      pbxctl-provider_v<version> and, under the provider's name terraform-provider-netsapiens_v<version>, the
 *      shell launcher that starts it (package-provider/launcher.ts: NODE_EXTRA_CA_CERTS read when needed, not at
 *      every start).
 *
 * Options: --out DIR (default dist/provider-release). Prints the paths it wrote (a build script, not library).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { executableName, launcherScript } from './package-provider/launcher';
import { zip } from './package-provider/zip';

const NAME = 'terraform-provider-netsapiens';
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const OS: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'provider', 'main.ts'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('provider/main.ts not found above this script');
    dir = parent;
  }
  return dir;
}

/**
 * Built-in modules that cannot be loaded while Node 20 builds a start-up snapshot (node:tls aborts the build with
 * "Unknown external reference", node:http throws): in the bundle each becomes an object that loads the module on
 * first use of any of its exports. Its export names are this Node's (the executable is a copy of it).
 */
const LAZY_BUILTINS = ['tls', 'http', 'https', 'http2'];

export function lazyBuiltins(): Plugin {
  return {
    name: 'lazy-builtins',
    setup(b) {
      const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
      b.onResolve({ filter }, (args) =>
        args.namespace === 'lazy-builtin'
          ? { path: args.path, external: true }
          : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
        const keys = JSON.stringify(Object.keys(require(`node:${args.path}`) as object));
        // esbuild's interop reads __esModule, the key list and descriptors: answered without loading.
        const contents = `let m;
const load = () => (m ??= require('node:${args.path}'));
const KEYS = ${keys};
module.exports = new Proxy({}, {
  get: (_, k) => (k === '__esModule' ? undefined : load()[k]),
  has: (_, k) => k in load(),
  ownKeys: () => KEYS,
  getOwnPropertyDescriptor: (_, k) =>
    KEYS.includes(k) ? { value: undefined, writable: true, enumerable: true, configurable: true } : undefined,
});
`;
        return { contents, loader: 'js' };
      });
    },
  };
}

/** Step 1: one CommonJS file; fails when anything of cdktf or a native addon would be bundled. */
export async function bundleProvider(root: string, outfile: string): Promise<void> {
  const result = await build({
    entryPoints: [join(root, 'provider', 'snapshot-entry.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
    plugins: [lazyBuiltins()],
  });
  const inputs = Object.keys(result.metafile?.inputs ?? {});
  const forbidden = inputs.filter((i) => /node_modules\/(cdktf|constructs)\/|\.node$/.test(i));
  if (forbidden.length > 0) throw new Error(`the provider bundle must not contain: ${forbidden.join(', ')}`);
}

/** Step 2: a copy of this Node binary with the bundle injected as its single-executable application. */
async function buildExecutable(bundle: string, work: string, exe: string): Promise<{ stripped: boolean }> {
  const node = process.execPath;
  if (!readFileSync(node).includes(SEA_FUSE))
    throw new Error(`${node} has no single-executable-application fuse; use an official Node.js >= 20 binary`);
  const blob = join(work, 'sea-prep.blob');
  const config = join(work, 'sea-config.json');
  // A start-up snapshot (useSnapshot): each of the three provider starts of a `terraform plan` begins from the
  // evaluated modules instead of parsing the 2 MB bundle and loading them. Provider CPU, exe built both ways,
  // alternated, medians (session 8): one start (bench/provider-start.ts) 162–184 -> 124–138 ms; 200-user plan
  // (n=8) all providers 1,479 -> 1,367 ms (schema start 169 -> 123, validate walk 248 -> 224, plan walk
  // 1,020 -> 998); 1,000 users (n=5) 3,415 -> 3,283 (plan walk 2,805 -> 2,830: no dearer calls after the start).
  // No V8 code cache (useCodeCache): it made every call after the first start dearer — plan-walk provider
  // 2.6–3.5 s CPU with it, 2.5–2.7 s without at 1,000 users.
  // The snapshot build gets no environment but PATH: nothing of the builder's environment (API keys, TF_*
  // variables, NODE_OPTIONS) may reach the heap kept in the binary (terraform-mirror.test.ts checks).
  writeFileSync(
    config,
    JSON.stringify({
      main: bundle,
      output: blob,
      disableExperimentalSEAWarning: true,
      useSnapshot: true,
      useCodeCache: false,
    }),
  );
  execFileSync(node, ['--experimental-sea-config', config], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { PATH: process.env.PATH ?? '' },
  });
  copyFileSync(node, exe);
  chmodSync(exe, 0o755);
  const stripped = stripSymbols(exe);
  const mac = process.platform === 'darwin';
  if (mac) execFileSync('codesign', ['--remove-signature', exe]);
  const { inject } = require('postject') as {
    inject(file: string, name: string, data: Buffer, options: Record<string, unknown>): Promise<void>;
  };
  await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), {
    sentinelFuse: SEA_FUSE,
    ...(mac ? { machoSegmentName: 'NODE_SEA' } : {}),
  });
  if (mac) execFileSync('codesign', ['--sign', '-', exe]);
  return { stripped };
}

/**
 * On Linux, the copy of Node loses its symbol table and debug sections (`strip --strip-all`) before the blob goes
 * in: Terraform hashes the whole package directory against `.terraform.lock.hcl` at the start of every command,
 * before it starts the provider: ~64 ms per 100 MiB here (`bench/lock-hash.ts`; bench/HISTORY.md, session 13). Debian's
 * node: 99 -> 86 MB. The dynamic symbols stay (`strip` keeps them), and so does everything Node runs. Without a
 * `strip` on PATH the executable is left as it is (`stripped: false`; `npm run package:provider` says so).
 */
function stripSymbols(exe: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('strip', ['--strip-all', exe], { stdio: ['ignore', 'ignore', 'pipe'] });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** Step 3 check: the executable starts without Node and answers like the provider when not run by Terraform. */
function smokeTest(exe: string): void {
  try {
    execFileSync(exe, [], { env: { PATH: '' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '');
    if (stderr.includes('Terraform provider plugin')) return;
    throw new Error(`the built provider did not start: ${stderr || (err as Error).message}`);
  }
  throw new Error('the built provider exited 0 without the Terraform handshake');
}

export interface PackagedProvider {
  readonly zip: string;
  readonly sums: string;
  readonly version: string;
  readonly target: string;
  /** Linux: the executable's symbol table and debug sections were stripped (false without `strip` on PATH). */
  readonly stripped: boolean;
}

export async function packageProvider(outDir: string, root = repoRoot()): Promise<PackagedProvider> {
  const os = OS[process.platform];
  const arch = ARCH[process.arch];
  if (!os || !arch) throw new Error(`no Terraform target for ${process.platform}/${process.arch}`);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const work = mkdtempSync(join(tmpdir(), 'pbxctl-provider-'));
  try {
    const bundle = join(work, 'provider.cjs');
    await bundleProvider(root, bundle);
    // Windows: the executable itself. Elsewhere: a launcher under the provider's name, the executable beside it.
    const windows = os === 'windows';
    const providerName = `${NAME}_v${version}${windows ? '.exe' : ''}`;
    const exeName = windows ? providerName : executableName(version);
    const exe = join(work, exeName);
    const { stripped } = await buildExecutable(bundle, work, exe);
    const files = [{ name: exeName, data: readFileSync(exe), mode: 0o755 }];
    if (!windows) {
      const script = Buffer.from(launcherScript(exeName));
      writeFileSync(join(work, providerName), script, { mode: 0o755 });
      files.unshift({ name: providerName, data: script, mode: 0o755 });
    }
    smokeTest(join(work, providerName));
    mkdirSync(outDir, { recursive: true });
    const target = `${os}_${arch}`;
    const zipName = `${NAME}_${version}_${target}.zip`;
    const archive = zip(files);
    writeFileSync(join(outDir, zipName), archive);
    const sums = join(outDir, `${NAME}_${version}_SHA256SUMS`);
    const line = `${createHash('sha256').update(archive).digest('hex')}  ${zipName}\n`;
    const others = existsSync(sums)
      ? readFileSync(sums, 'utf8')
          .split('\n')
          .filter((l) => l && !l.endsWith(`  ${zipName}`))
      : [];
    writeFileSync(
      sums,
      [...others, line.trim()].sort((a, b) => a.slice(66).localeCompare(b.slice(66))).join('\n') + '\n',
    );
    return { zip: join(outDir, zipName), sums, version, target, stripped };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const root = repoRoot();
  packageProvider(resolve(values.out ?? join(root, 'dist', 'provider-release')), root).then(
    (p) => {
      if (!p.stripped && process.platform === 'linux')
        process.stderr.write(
          'package:provider: no `strip` on PATH: the executable keeps its symbols (larger, slower to hash)\n',
        );
      process.stdout.write(`${p.zip}\n${p.sums}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`package:provider: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
