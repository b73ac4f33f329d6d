/**
 * CPU of one provider start (issue 15: Terraform starts the provider three times per `terraform plan`), two
 * kinds, each measured `rounds` times per build, the builds alternated round by round:
 *   - schema-only: start, handshake, GetProviderSchema, Shutdown (Terraform's first start of a plan);
 *   - resources:   the same plus ValidateProviderConfig, which loads the resources;
 *   - later-start: ValidateProviderConfig alone, no schema (Terraform's later starts: get_provider_schema_optional).
 * The CPU is the provider process's own (process.cpuUsage at exit, written by bench/cpu-preload.ts), so the
 * figures hold on a busy machine better than wall times do. Prints median and min per build and kind.
 *
 *   npm run build && node dist/bench/provider-start.js [rounds=10] [--entry OLD/dist/provider/main.js]...
 *
 * Without `--entry` it measures this build (dist/provider/main.js); each `--entry` adds another build (e.g. a
 * copy of the previous commit's dist/ beside a node_modules). Benchmark-only: nothing in the product loads it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CtyObject, encodeDynamicValue } from '../provider/cty';
import { SERVER_CAPABILITIES } from '../provider/framework/provider-service';
import { schemaResponseFromDocument } from '../provider/framework/schema-from-document';
import schemaDocument from '../provider/schema/netsapiens.schema.json';
import { FakeTerraform, impliedTypeFromProto } from '../provider/test-support/fake-terraform';
import { MAIN_ENTRY } from '../provider/test-support/resources';

const KINDS = ['schema-only', 'resources', 'later-start'] as const;
/** The provider's config type, from the committed schema document (a later start is not asked for the schema). */
const PROVIDER_TYPE = impliedTypeFromProto(
  (schemaResponseFromDocument(schemaDocument, SERVER_CAPABILITIES) as { provider: { block: ProtoBlock } }).provider
    .block,
);
type ProtoBlock = Parameters<typeof impliedTypeFromProto>[0];
type StartKind = (typeof KINDS)[number];

/** One start of `entry`; the provider's CPU in ms. */
async function oneStart(entry: string, kind: StartKind): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pbxctl-start-cpu-'));
  try {
    const ft = await FakeTerraform.start({
      entry,
      env: {
        NS_API_URL: '',
        NS_API_KEY: '',
        NODE_OPTIONS: `--require ${join(__dirname, 'cpu-preload.js')}`,
        PBXCTL_BENCH_CPU_DIR: dir,
      },
    });
    if (kind !== 'later-start') await ft.getProviderSchema();
    if (kind === 'resources') await ft.validateProviderConfig({ api_url: null, api_key: null });
    if (kind === 'later-start') {
      const providerConfig = { api_url: null, api_key: null, protect: null, platform: null } as CtyObject;
      await ft.call('ValidateProviderConfig', { config: encodeDynamicValue(providerConfig, PROVIDER_TYPE) });
    }
    await ft.shutdown();
    const [file] = readdirSync(dir);
    if (!file) throw new Error(`no CPU record of ${entry}; stderr: ${ft.stderr}`);
    const record = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { userMs: number; systemMs: number };
    return record.userMs + record.systemMs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return `median ${median.toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms (n=${values.length})`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const entries: string[] = [];
  let rounds = 10;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--entry') entries.push(resolve(String(args[++i])));
    else if (/^\d+$/.test(String(args[i]))) rounds = Number(args[i]);
    else throw new Error(`unknown argument ${args[i]} (rounds, --entry path)`);
  }
  if (entries.length === 0 || !entries.includes(MAIN_ENTRY)) entries.unshift(MAIN_ENTRY);
  const cpu = new Map(entries.flatMap((e) => KINDS.map((k) => [`${e} ${k}`, [] as number[]])));
  for (let r = 0; r < rounds; r++) {
    for (const kind of KINDS) {
      for (const entry of r % 2 ? [...entries].reverse() : entries)
        cpu.get(`${entry} ${kind}`)!.push(await oneStart(entry, kind));
    }
  }
  for (const entry of entries) {
    console.log(entry);
    for (const kind of KINDS) console.log(`  ${kind.padEnd(12)} CPU ${summary(cpu.get(`${entry} ${kind}`)!)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
