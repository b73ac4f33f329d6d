/**
 * `npm run package:provider`: the Terraform provider as ONE executable that needs no Node.js on the machine, in
 * the Terraform registry layout.
 *
 *   1. esbuild bundles provider/main.ts and everything it loads (protobufjs, the embedded protos) into
 *      one CommonJS file; no native modules, and cdktf is never part of it.
 *   2. Node's single-executable applications: `node --experimental-sea-config` turns the bundle into a blob and
 *      `postject` injects it into a copy of this Node binary (so build on the target OS/arch: the release
 *      workflow runs one job per target on a matching runner).
 *   3. dist/provider-release/terraform-provider-netsapiens_<version>_<os>_<arch>.zip holding
 *      terraform-provider-netsapiens_v<version>[.exe], plus terraform-provider-netsapiens_<version>_SHA256SUMS.
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
import { buildSync } from 'esbuild';
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

/** Step 1: one CommonJS file; fails when anything of cdktf or a native addon would be bundled. */
export function bundleProvider(root: string, outfile: string): void {
  const result = buildSync({
    entryPoints: [join(root, 'provider', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
  });
  const inputs = Object.keys(result.metafile?.inputs ?? {});
  const forbidden = inputs.filter((i) => /node_modules\/(cdktf|constructs)\/|\.node$/.test(i));
  if (forbidden.length > 0) throw new Error(`the provider bundle must not contain: ${forbidden.join(', ')}`);
}

/** Step 2: a copy of this Node binary with the bundle injected as its single-executable application. */
async function buildExecutable(bundle: string, work: string, exe: string): Promise<void> {
  const node = process.execPath;
  if (!readFileSync(node).includes(SEA_FUSE))
    throw new Error(`${node} has no single-executable-application fuse; use an official Node.js >= 20 binary`);
  const blob = join(work, 'sea-prep.blob');
  const config = join(work, 'sea-config.json');
  // No V8 code cache (useCodeCache): it made the schema-only start ~60 ms cheaper, but every call after it
  // dearer — the plan-walk provider of a 1,000-user `terraform plan` used 2.6–3.5 s of CPU with it and 2.5–2.7 s
  // without, the validate walk 570–610 ms against 380–410 (exe built both ways from one bundle, alternated;
  // bench/README.md, session 8).
  writeFileSync(
    config,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false }),
  );
  execFileSync(node, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  copyFileSync(node, exe);
  chmodSync(exe, 0o755);
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
}

export async function packageProvider(outDir: string, root = repoRoot()): Promise<PackagedProvider> {
  const os = OS[process.platform];
  const arch = ARCH[process.arch];
  if (!os || !arch) throw new Error(`no Terraform target for ${process.platform}/${process.arch}`);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const work = mkdtempSync(join(tmpdir(), 'pbxctl-provider-'));
  try {
    const bundle = join(work, 'provider.cjs');
    bundleProvider(root, bundle);
    const exeName = `${NAME}_v${version}${os === 'windows' ? '.exe' : ''}`;
    const exe = join(work, exeName);
    await buildExecutable(bundle, work, exe);
    smokeTest(exe);
    mkdirSync(outDir, { recursive: true });
    const target = `${os}_${arch}`;
    const zipName = `${NAME}_${version}_${target}.zip`;
    const archive = zip([{ name: exeName, data: readFileSync(exe), mode: 0o755 }]);
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
    return { zip: join(outDir, zipName), sums, version, target };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const root = repoRoot();
  packageProvider(resolve(values.out ?? join(root, 'dist', 'provider-release')), root).then(
    (p) => process.stdout.write(`${p.zip}\n${p.sums}\n`),
    (err: unknown) => {
      process.stderr.write(`package:provider: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
