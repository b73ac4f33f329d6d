/** Helpers the verbs share: credentials from the environment, paths, planning with progress, rendering. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WelcomeLedger, welcomeLedgerPathFor } from '../apply/welcome-ledger';
import { selectShard } from '../desired/shard';
import { type DesiredState, loadDesiredState } from '../desired/load-desired-state';
import { UsageError } from '../errors';
import { envSecretResolver } from '../kinds/secret';
import { type PlanRun, runPlan } from '../pipeline';
import { NetSapiensClient } from '../platform/client';
import type { PlanDocument } from '../plan/plan-document';
import { renderJson, renderMarkdown, renderText } from '../plan/render';
import type { CliIo, Flags } from './io';
import { Progress } from './progress';

export function readVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    const p = resolve(__dirname, rel);
    if (existsSync(p)) return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

/** The single path argument of a verb; anything more is a usage error (issue 14 #7). */
export function requirePath(positionals: readonly string[], command: string, io: CliIo): string {
  const p = positionals[0];
  if (!p)
    throw new UsageError(`${command} needs a path: a domain file or a directory of them (pbxctl ${command} <path>)`);
  rejectExtra(positionals, 1, command);
  return resolve(io.cwd, p);
}

/** Refuses arguments a verb does not take, naming them. */
export function rejectExtra(positionals: readonly string[], allowed: number, command: string): void {
  const extra = positionals.slice(allowed);
  if (extra.length === 0) return;
  throw new UsageError(
    `${command}: unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((a) => `"${a}"`).join(' ')} (see \`pbxctl ${command} --help\`)`,
  );
}

export function clientFromEnv(env: NodeJS.ProcessEnv, flags: Flags = {}): NetSapiensClient {
  const baseUrl = env.NS_API_URL;
  const apiKey = env.NS_API_KEY || undefined;
  const oauth =
    env.NS_CLIENT_ID && env.NS_CLIENT_SECRET && env.NS_USERNAME && env.NS_PASSWORD
      ? {
          clientId: env.NS_CLIENT_ID,
          clientSecret: env.NS_CLIENT_SECRET,
          username: env.NS_USERNAME,
          password: env.NS_PASSWORD,
        }
      : undefined;
  if (!baseUrl || (!apiKey && !oauth)) {
    throw new UsageError(
      'set NS_API_URL (…/ns-api/v2) and NS_API_KEY — or NS_CLIENT_ID, NS_CLIENT_SECRET, NS_USERNAME and NS_PASSWORD for an OAuth login — in the environment (try `npm run demo` for the embedded emulator)',
    );
  }
  const concurrency = flags.concurrency
    ? Number(flags.concurrency)
    : env.PBXCTL_CONCURRENCY
      ? Number(env.PBXCTL_CONCURRENCY)
      : undefined;
  return new NetSapiensClient({
    baseUrl,
    apiKey,
    oauth,
    concurrency,
    requestsPerSecond: env.PBXCTL_RATE ? Number(env.PBXCTL_RATE) : undefined,
  });
}

export function loadForPlan(path: string, flags: Flags, io: CliIo): DesiredState {
  const state = loadDesiredState(path, { cwd: io.cwd, secrets: envSecretResolver(io.env) });
  if (typeof flags.shard === 'string') {
    const m = /^(\d+)\/(\d+)$/.exec(flags.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
      throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n (got "${flags.shard}")`);
    return { domains: selectShard([...state.domains], (d) => d.domain, Number(m[1]) - 1, Number(m[2])) };
  }
  return state;
}

/** The audit log apply appends to (`--audit-log`, PBXCTL_AUDIT_LOG, `.pbxctl/audit.jsonl`). */
export function auditLogPath(flags: Flags, io: CliIo): string {
  return resolve(
    io.cwd,
    (flags['audit-log'] as string | undefined) ?? io.env.PBXCTL_AUDIT_LOG ?? '.pbxctl/audit.jsonl',
  );
}

/** Reads the platform and plans `state`, with read-phase progress. */
export async function planState(
  state: DesiredState,
  client: NetSapiensClient,
  flags: Flags,
  io: CliIo,
): Promise<PlanRun> {
  const progress = new Progress(io, flags);
  const n = state.domains.length;
  progress.say(`Reading ${n} domain${n === 1 ? '' : 's'} from the platform…`);
  const ledger = new WelcomeLedger(welcomeLedgerPathFor(auditLogPath(flags, io)));
  const run = await runPlan(state, client, {
    allowDeletes: flags['allow-deletes'] === true,
    allowRecycle: flags['allow-recycle'] === true,
    // Welcome e-mails an earlier apply owes (issue 13 #3): the ledger beside the audit log.
    welcomeStatus: (domain) => ledger.status(domain),
    onDomainDone: (d, done, total) =>
      progress.step('read', done, total, 0, `Planned ${d} (${done}/${total}) — ${client.stats.requests} requests`),
  });
  progress.end();
  return run;
}

export async function makePlan(
  path: string,
  flags: Flags,
  io: CliIo,
  logTag?: string,
): Promise<{ run: PlanRun; client: NetSapiensClient }> {
  const state = loadForPlan(path, flags, io);
  const client = clientFromEnv(io.env, flags);
  // A saved plan's checksum is known before the re-read, so even the reads line up in platform logs.
  if (logTag) client.setLogTag(logTag);
  try {
    return { run: await planState(state, client, flags, io), client };
  } catch (err) {
    await client.close();
    throw err;
  }
}

export function useColor(flags: Flags, io: CliIo): boolean {
  return flags['no-color'] ? false : flags.color === true || (io.stdoutIsTty === true && !io.env.NO_COLOR);
}

export function render(doc: PlanDocument, flags: Flags, io: CliIo): string {
  const format = (flags.format as string | undefined) ?? 'text';
  const redactPii = flags['redact-pii'] === true;
  switch (format) {
    case 'text':
      return renderText(doc, { redactPii, color: useColor(flags, io) });
    case 'markdown':
    case 'md':
      return renderMarkdown(doc, {
        redactPii,
        fullPlanLocation: typeof flags.out === 'string' ? flags.out : undefined,
      });
    case 'json':
      return renderJson(doc, { redactPii });
    default:
      throw new UsageError(`--format must be text, markdown or json (got "${format}")`);
  }
}
