/**
 * Benchmark (not a test): the CPU of the provider's RPC handlers per call, for the user resource of the
 * bench domain (bench/terraform-plan.ts, bench/tf-workspace.ts), calling `ProviderService` directly — no
 * gRPC, no Terraform. Per resource Terraform's plan walk calls ValidateResourceConfig, UpgradeResourceState
 * (the stored JSON state), ReadResource and PlanResourceChange; the validate walk ValidateResourceConfig.
 *
 * The emulator runs in a child process (bench/server-thread.ts, no latency), so `process.cpuUsage()` is
 * the handlers' CPU alone. A first untimed round builds the refreshed state (UpgradeResourceState of the
 * state tf-workspace.ts writes, then ReadResource) and fills the provider's read-once memo: the timed
 * ReadResource calls then make no HTTP request (their CPU is the handler's and the kind's read over the
 * memoised lists).
 *
 *   npm run build && node dist/bench/provider-handlers.js [users=1000] [--rounds 5] [--digest]
 *
 * `--digest`: also prints a SHA-256 of every response of one round (to compare two builds byte for byte).
 */
import { createHash } from 'node:crypto';
import { type CtyObject, type CtyType, type CtyValue, decodeDynamicValue, encodeDynamicValue } from '../provider/cty';
import { type BlockSpec, impliedType, NETSAPIENS_PROVIDER_SCHEMA, ProviderService } from '../provider/framework';
import { providerOptions } from '../provider/resources';
import { propose } from '../provider/test-support/resources';
import { DOMAIN, seedFor } from './plan-users';
import { startServerThread, type ThreadedServers } from './server-thread';
import { partialAttributes, user } from './tf-workspace';
import { DEFAULT_API_KEY } from '../emulator';

const TYPE = 'netsapiens_user';

function parseArgs(argv: string[]) {
  let users = 1000;
  let rounds = 5;
  let digest = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--rounds') rounds = Number(argv[++i]);
    else if (a === '--digest') digest = true;
    else if (Number(a) > 0) users = Number(a);
    else throw new Error(`unknown argument ${a} (users, --rounds N, --digest)`);
  }
  return { users, rounds, digest };
}

/** The configuration of the i-th user as Terraform decodes tf-workspace.ts's HCL: every other attribute null. */
function configOf(schema: BlockSpec, i: number): CtyObject {
  const u = user(i);
  const out: Record<string, CtyValue> = {};
  for (const name of Object.keys(schema.attributes ?? {})) out[name] = null;
  const phone: Record<string, CtyValue> = {};
  const phoneSpec = schema.attributes?.phone?.nested?.attributes ?? {};
  for (const name of Object.keys(phoneSpec)) phone[name] = null;
  phone.mac = u.mac;
  phone.model = 'yealink-t54w';
  return {
    ...out,
    domain: DOMAIN,
    extension: u.ext,
    first_name: u.first,
    last_name: u.last,
    email: u.email,
    department: u.dept,
    site: 'HQ',
    scope: 'Basic User',
    phone,
    spam: 'voicemail',
    block: ['+1 800 555 0199'],
  };
}

/** The attributes tf-workspace.ts's partial state holds (ids and configured fields). */
function initialState(i: number): CtyObject {
  return partialAttributes(i);
}

/** Stored state JSON as Terraform writes it (cty JSON of the object). */
function toStateJson(v: CtyValue): Buffer {
  return Buffer.from(JSON.stringify(v), 'utf8');
}

const dv = (v: CtyValue, t: CtyType) => encodeDynamicValue(v, t);

type Rpc = (i: number) => Promise<Record<string, unknown>>;
type Service = ProviderService<unknown>;

async function configure(service: Service): Promise<void> {
  const providerType = impliedType(providerOptions.providerSchema ?? NETSAPIENS_PROVIDER_SCHEMA);
  const nullProvider: Record<string, CtyValue> = {};
  if (providerType.kind === 'object') for (const k of Object.keys(providerType.attributes)) nullProvider[k] = null;
  const configured = await service.configureProvider({
    config: dv(nullProvider, providerType),
    terraform_version: '1.11.4',
  });
  if ((configured.diagnostics as unknown[]).length > 0) throw new Error(JSON.stringify(configured.diagnostics));
}

/** Untimed: the refreshed state (what `terraform apply -refresh-only` leaves) and a primed read memo. */
async function refreshedStates(service: Service, type: CtyType, users: number): Promise<Buffer[]> {
  const stored: Buffer[] = [];
  for (let i = 0; i < users; i++) {
    const up = await service.upgradeResourceState({
      type_name: TYPE,
      version: 0,
      raw_state: { json: toStateJson(initialState(i) as CtyValue) },
    });
    const read = await service.readResource({ type_name: TYPE, current_state: up.upgraded_state });
    if ((read.diagnostics as unknown[]).length > 0) throw new Error(JSON.stringify(read.diagnostics));
    stored.push(toStateJson(decodeDynamicValue(read.new_state as { msgpack: Uint8Array }, type)));
  }
  return stored;
}

/** The requests of one round, built once (encoding them is Terraform's side, not the provider's). */
async function requests(service: Service, schema: BlockSpec, type: CtyType, users: number) {
  const stored = await refreshedStates(service, type, users);
  const configs = Array.from({ length: users }, (_, i) => configOf(schema, i));
  const validate = configs.map((c) => ({ type_name: TYPE, config: dv(c, type) }));
  const upgrade = stored.map((json) => ({ type_name: TYPE, version: 0, raw_state: { json } }));
  const read: Record<string, unknown>[] = [];
  const plan: Record<string, unknown>[] = [];
  for (let i = 0; i < users; i++) {
    const up = await service.upgradeResourceState(upgrade[i]!);
    read.push({ type_name: TYPE, current_state: up.upgraded_state, private: Buffer.alloc(0) });
    const res = await service.readResource(read[i]!);
    const prior = decodeDynamicValue(res.new_state as { msgpack: Uint8Array }, type) as CtyObject;
    plan.push({
      type_name: TYPE,
      prior_state: res.new_state,
      proposed_new_state: dv(propose(schema, prior, configs[i]!), type),
      config: validate[i]!.config,
      prior_private: Buffer.alloc(0),
    });
  }
  return {
    ValidateResourceConfig: (i: number) => service.validateResourceConfig(validate[i]!),
    UpgradeResourceState: (i: number) => service.upgradeResourceState(upgrade[i]!),
    ReadResource: (i: number) => service.readResource(read[i]!),
    PlanResourceChange: (i: number) => service.planResourceChange(plan[i]!),
  } satisfies Record<string, Rpc>;
}

/** SHA-256 of every response of one round (Buffers as hex). */
async function digest(rpcs: Record<string, Rpc>, users: number): Promise<string> {
  const h = createHash('sha256');
  for (const [name, fn] of Object.entries(rpcs)) {
    for (let i = 0; i < users; i++) {
      const res = await fn(i);
      h.update(name);
      h.update(JSON.stringify(res, (_k, v) => (v?.type === 'Buffer' ? Buffer.from(v.data).toString('hex') : v)));
    }
  }
  return h.digest('hex');
}

/** The requests ReadResource still sends once the memo is primed (none expected: the figures are CPU alone). */
async function readRequests(servers: ThreadedServers, read: Rpc, users: number): Promise<string> {
  await servers.reset();
  for (let i = 0; i < users; i++) await read(i);
  await servers.refresh();
  const paths = new Map<string, number>();
  for (const a of servers.stats.arrivals) {
    const p = a.path.split('?')[0]?.replace(/\/(\d+)(?=\/|$)/g, '/{}') ?? '';
    paths.set(p, (paths.get(p) ?? 0) + 1);
  }
  return `ReadResource of ${users} primed users: ${servers.stats.arrivals.length} requests ${JSON.stringify([...paths])}`;
}

async function measure(rpcs: Record<string, Rpc>, users: number, rounds: number): Promise<void> {
  const first = new Map<string, number>();
  const best = new Map<string, number>();
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(rpcs)) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < users; i++) await fn(i);
      const c1 = process.cpuUsage(c0);
      const us = (c1.user + c1.system) / users;
      if (r === 0) first.set(name, us);
      best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, us));
    }
  }
  console.log(`| RPC | CPU µs per call, first round | best of ${rounds} rounds of ${users} |`);
  console.log('|---|---:|---:|');
  const row = (name: string, a: number, b: number) => console.log(`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} |`);
  for (const [name, us] of best) row(name, first.get(name) ?? 0, us);
  // The validate walk and the plan walk each call ValidateResourceConfig once.
  const sum = (m: Map<string, number>) =>
    [...m.values()].reduce((s, x) => s + x, 0) + (m.get('ValidateResourceConfig') ?? 0);
  row('per resource (validate ×2, upgrade, read, plan)', sum(first), sum(best));
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const servers = await startServerThread({
    seed: seedFor({ name: 'full', users: o.users, full: true, contacts: 0 }),
    latencyMs: 0,
  });
  try {
    const service = new ProviderService({
      ...providerOptions,
      env: { NS_API_URL: servers.url, NS_API_KEY: DEFAULT_API_KEY },
    }) as Service;
    const resource = providerOptions.resources.find((r) => r.typeName === TYPE);
    if (!resource) throw new Error(`${TYPE} missing`);
    await configure(service);
    const rpcs = await requests(service, resource.schema, impliedType(resource.schema), o.users);
    if (o.digest) console.log(`digest ${await digest(rpcs, o.users)}`);
    console.log(await readRequests(servers, rpcs.ReadResource, o.users));
    await measure(rpcs, o.users, o.rounds);
  } finally {
    await servers.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
