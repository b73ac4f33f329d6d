/**
 * How long the release executable takes from its start to its go-plugin handshake line (what Terraform waits for,
 * three times per `terraform plan`), started three ways, alternated round by round:
 *   - launcher:   as Terraform starts it from the zip (scripts/package-provider/launcher.ts: NODE_EXTRA_CA_CERTS
 *                 handed over, loaded only when the provider sets up its https client);
 *   - direct:     the executable itself with the same environment, so Node parses NODE_EXTRA_CA_CERTS at start
 *                 (what the single-file zip did before the launcher);
 *   - no-ca:      the executable with NODE_EXTRA_CA_CERTS unset (the floor of the two).
 * Wall time, spawn to the line; the process is killed then. With no NODE_EXTRA_CA_CERTS in the environment (and
 * no --ca FILE) the three are the same start.
 *
 *   npm run build && node dist/bench/release-start.js [rounds=20] [--zip ZIP] [--ca FILE]
 *
 * Without --zip it packages this build first (npm run package:provider's steps, into a temporary directory).
 * Benchmark-only: nothing in the product loads it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCert } from '../provider/plugin/cert';
import { MAGIC_COOKIE_VALUE } from '../provider/plugin/serve';
import { firstHandshakeLine } from '../provider/test-support/handshake';
import { packageProvider } from '../scripts/package-provider';
import { unzip } from '../scripts/package-provider/zip';
import { median } from './scale';

type Way = 'launcher' | 'direct' | 'no-ca';
const WAYS: readonly Way[] = ['launcher', 'direct', 'no-ca'];

const handshakeMs = async (file: string, env: NodeJS.ProcessEnv) => (await firstHandshakeLine(file, env, 'SIGKILL')).ms;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { zip: { type: 'string' }, ca: { type: 'string' } },
  });
  const rounds = Number(positionals[0] ?? 20);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`rounds must be a positive integer, not ${positionals[0]}`);
  const work = mkdtempSync(join(tmpdir(), 'pbxctl-release-start-'));
  try {
    const zipPath = values.zip ?? (await packageProvider(join(work, 'release'))).zip;
    const files = unzip(readFileSync(zipPath));
    for (const f of files) writeFileSync(join(work, f.name), f.data, { mode: f.mode });
    const launcher = files.find((f) => f.name.startsWith('terraform-provider-netsapiens'));
    const executable = files.find((f) => f.name.startsWith('pbxctl-provider'));
    if (!launcher || !executable) throw new Error(`${zipPath} holds no launcher and executable (a Windows zip?)`);
    const ca = values.ca ?? process.env.NODE_EXTRA_CA_CERTS;
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: '6',
      PLUGIN_CLIENT_CERT: (await generateCert('terraform')).cert,
      PLUGIN_UNIX_SOCKET_DIR: work,
    };
    if (ca) base.NODE_EXTRA_CA_CERTS = ca;
    const noCa = { ...base };
    delete noCa.NODE_EXTRA_CA_CERTS;
    const start: Record<Way, () => Promise<number>> = {
      launcher: () => handshakeMs(join(work, launcher.name), base),
      direct: () => handshakeMs(join(work, executable.name), base),
      'no-ca': () => handshakeMs(join(work, executable.name), noCa),
    };
    const times: Record<Way, number[]> = { launcher: [], direct: [], 'no-ca': [] };
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < WAYS.length; k++) {
        const way = WAYS[(k + r) % WAYS.length] as Way;
        times[way].push(await start[way]());
      }
    }
    const certs = ca ? (readFileSync(ca, 'utf8').match(/-----BEGIN CERTIFICATE-----/g) ?? []).length : 0;
    console.log(
      `NODE_EXTRA_CA_CERTS: ${ca ? `${ca} (${certs} certificates)` : 'unset (the three ways are the same start)'}; ${rounds} alternated rounds; ${zipPath.split('/').at(-1)}`,
    );
    console.log('| start | median ms | min ms | vs launcher |');
    console.log('|---|---:|---:|---:|');
    const ref = median(times.launcher);
    for (const way of WAYS) {
      const m = median(times[way]);
      console.log(`| ${way} | ${m.toFixed(1)} | ${Math.min(...times[way]).toFixed(1)} | ${(m / ref).toFixed(2)}× |`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`release-start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
