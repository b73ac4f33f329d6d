/**
 * What the size of the release package costs every Terraform command (issue 15, must-show 3). At the start of a
 * command that loads providers, Terraform hashes each installed provider package (`h1:`, every file of the unpacked
 * directory) and compares it with `.terraform.lock.hcl`; our package is a launcher and a ~96 MB executable, most
 * of it Node. This bench installs the release zip twice from unpacked filesystem mirrors — as it is (A) and with a
 * file of random bytes as large as the package beside it (B) — and alternates `terraform providers` (which checks
 * the lock file and starts no provider) in both. B − A is what hashing that many bytes costs; the package's own
 * share follows in proportion. The floor is 0 ms: a provider package small enough that hashing it costs nothing.
 *
 *   npm run build && node dist/bench/lock-hash.js [rounds=10] [--zip ZIP]
 *
 * Without --zip it packages this build first (npm run package:provider's steps, into a temporary directory).
 * Needs the terraform binary (prints SKIPPED otherwise). Benchmark-only: nothing in the product loads it.
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageProvider } from '../scripts/package-provider';
import { unzip } from '../scripts/package-provider/zip';
import { median } from './scale';
import { mirrorCliConfig } from './tf-workspace';

const MB = 1024 * 1024;

/** Random bytes (so no file system can store them sparsely or compressed), written in 4 MiB pieces. */
function writeRandom(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  try {
    const piece = Buffer.alloc(4 * MB);
    for (let left = bytes; left > 0; left -= piece.length) {
      randomFillSync(piece);
      writeSync(fd, piece, 0, Math.min(left, piece.length));
    }
  } finally {
    closeSync(fd);
  }
}

interface Side {
  readonly name: string;
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
}

function terraformMs(side: Side, args: readonly string[]): number {
  const t = performance.now();
  const r = spawnSync('terraform', args, { cwd: side.dir, env: side.env, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`terraform ${args.join(' ')} failed in ${side.name}:\n${r.stdout}${r.stderr}`);
  return ms;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { zip: { type: 'string' } } });
  const rounds = Number(positionals[0] ?? 10);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`rounds must be a positive integer, not ${positionals[0]}`);
  if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) {
    console.log('SKIPPED: terraform is not on PATH');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'pbxctl-lock-hash-'));
  try {
    const zipPath = values.zip ?? (await packageProvider(join(work, 'release'))).zip;
    const m = /^terraform-provider-netsapiens_([^_]+)_([a-z0-9]+_[a-z0-9]+)\.zip$/.exec(basename(zipPath));
    if (!m) throw new Error(`${zipPath}: not named terraform-provider-netsapiens_<version>_<os>_<arch>.zip`);
    const [, version, target] = m as unknown as [string, string, string];
    const files = unzip(readFileSync(zipPath));
    const packageBytes = files.reduce((n, f) => n + f.data.length, 0);
    const sides: Side[] = ['A', 'B'].map((name) => {
      const root = join(work, name);
      const pkg = join(root, 'mirror', 'registry.terraform.io', 'pbxctl', 'netsapiens', version, target);
      mkdirSync(pkg, { recursive: true });
      for (const f of files) writeFileSync(join(pkg, f.name), f.data, { mode: f.mode });
      if (name === 'B') writeRandom(join(pkg, 'padding.bin'), packageBytes);
      const rc = join(root, 'cli.tfrc');
      writeFileSync(rc, mirrorCliConfig(join(root, 'mirror')));
      const dir = join(root, 'work');
      mkdirSync(dir);
      writeFileSync(
        join(dir, 'main.tf'),
        'terraform {\n  required_providers {\n    netsapiens = { source = "pbxctl/netsapiens" }\n  }\n}\n',
      );
      const env = { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
      return { name, dir, env };
    });
    for (const side of sides) terraformMs(side, ['init', '-input=false', '-no-color']);
    const times: number[][] = [[], []];
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < sides.length; k++) {
        const i = (k + r) % sides.length;
        (times[i] as number[]).push(terraformMs(sides[i] as Side, ['providers', '-no-color']));
      }
    }
    const [a, b] = times.map(median) as [number, number];
    const perMb = (b - a) / (packageBytes / MB);
    const mb = (packageBytes / MB).toFixed(1);
    console.log(`${basename(zipPath)}: package ${mb} MiB unpacked (${files.map((f) => f.name).join(', ')})`);
    console.log(`${rounds} alternated rounds of \`terraform providers\` (checks the lock file, starts no provider)`);
    console.log('| package in the provider cache | median ms | min ms |');
    console.log('|---|---:|---:|');
    console.log(`| A: as released (${mb} MiB) | ${a.toFixed(0)} | ${Math.min(...(times[0] as number[])).toFixed(0)} |`);
    console.log(
      `| B: + ${mb} MiB of random bytes | ${b.toFixed(0)} | ${Math.min(...(times[1] as number[])).toFixed(0)} |`,
    );
    console.log(
      `hashing: ${(perMb * 100).toFixed(0)} ms per 100 MiB; the release package's share of every command: ~${(b - a).toFixed(0)} ms (floor 0 ms)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
