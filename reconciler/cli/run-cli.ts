/**
 * The command dispatcher. Everything user-visible goes through `io`, so the whole CLI runs in-process in
 * tests; `main.ts` only binds it to the real process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { appendAuditLog, auditEnvironment, auditRecord, type AuditRecord } from '../apply/audit-log';
import { applyDomainPlan, type OperationResult } from '../apply/apply-plan';
import { selectShard } from '../../gitops/shard';
import { loadDesiredState, type DesiredState } from '../desired/load-desired-state';
import {
  ApplyError,
  DesiredStateError,
  PlatformApiError,
  StalePlanError,
  UnsafePlanError,
  UsageError,
} from '../errors';
import { exportDomain } from '../export/export-domain';
import { envSecretResolver } from '../kinds/secret';
import { NetSapiensClient } from '../platform/client';
import { WELCOME_EMAIL } from '../platform/codec';
import { assertNotStale, runPlan, verifyDomain, type PlanRun } from '../pipeline';
import type { PlanDocument } from '../plan/plan-document';
import { renderJson, renderMarkdown, renderText } from '../plan/render';
import { describeWindow, isInsideWindow, nextOpening } from '../plan/change-window';
import { EXIT } from './exit-codes';
import { HELP, commandHelp } from './help';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdinIsTty?: boolean;
  readonly stderrIsTty?: boolean;
  readonly stdoutIsTty?: boolean;
  /** The clock, for change windows (tests inject this). */
  readonly now?: () => Date;
  /** Answers an interactive question (tests inject this). */
  readonly ask?: (question: string) => Promise<string>;
}

type Flags = Record<string, string | boolean | string[] | undefined>;

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  out: { type: 'string' },
  'detailed-exitcode': { type: 'boolean' },
  'allow-deletes': { type: 'boolean' },
  'allow-recycle': { type: 'boolean' },
  'redact-pii': { type: 'boolean' },
  shard: { type: 'string' },
  'auto-approve': { type: 'boolean' },
  'audit-log': { type: 'string' },
  'no-welcome-email': { type: 'boolean' },
  'no-verify': { type: 'boolean' },
  'ignore-change-window': { type: 'boolean' },
  domain: { type: 'string' },
  port: { type: 'string' },
  state: { type: 'string' },
  seed: { type: 'string' },
  progress: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  concurrency: { type: 'string' },
} as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command ? EXIT.ok : EXIT.error;
  }
  if (command === '--version' || command === 'version') {
    io.stdout(`pbxctl ${readVersion()}\n`);
    return EXIT.ok;
  }
  if (command === 'ci') {
    const { runCiCommand } = await import('../../gitops/ci-command');
    return runCiCommand([...rest], io);
  }
  let flags: Flags;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: [...rest], options: COMMON, allowPositionals: true, strict: true });
    flags = parsed.values as Flags;
    positionals = parsed.positionals;
  } catch (err) {
    io.stderr(
      `pbxctl ${command}: ${(err as Error).message.split('\n')[0]}\nRun \`pbxctl ${command} --help\` for usage.\n`,
    );
    return EXIT.error;
  }
  if (flags.help) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    switch (command) {
      case 'validate':
        return cmdValidate(positionals, io);
      case 'plan':
        return await cmdPlan(positionals, flags, io, false);
      case 'drift':
        return await cmdPlan(positionals, flags, io, true);
      case 'apply':
        return await cmdApply(positionals, flags, io);
      case 'export':
        return await cmdExport(flags, io);
      case 'welcome':
        return await cmdWelcome(positionals, flags, io);
      case 'emulator':
        return await cmdEmulator(flags, io);
      case 'demo': {
        const { runDemo } = await import('./demo');
        return await runDemo(io);
      }
      default:
        io.stderr(`pbxctl: unknown command "${command}"\n\n${HELP}`);
        return EXIT.error;
    }
  } catch (err) {
    return reportError(err, io);
  }
}

/** Typed errors → message + exit code. Never a stack trace. */
export function reportError(err: unknown, io: CliIo): number {
  if (err instanceof DesiredStateError) {
    for (const i of err.issues) {
      const where = i.position ? `${i.position.file}:${i.position.line}:${i.position.column}` : '';
      io.stderr(
        `${where ? `${where}: ` : ''}${i.path ? `${i.path}: ` : ''}${i.message}${i.hint ? `\n    hint: ${i.hint}` : ''}\n`,
      );
    }
    io.stderr(`${err.issues.length} error${err.issues.length === 1 ? '' : 's'}; nothing was changed.\n`);
    return EXIT.error;
  }
  if (err instanceof UnsafePlanError) {
    io.stderr(
      `Blocked by safety policy:\n${err.violations.map((v) => `  - ${v.message}`).join('\n')}\nNothing was changed.\n`,
    );
    return EXIT.blocked;
  }
  if (err instanceof StalePlanError) {
    io.stderr(`pbxctl: ${err.reason}\n${err.details.map((d) => `  - ${d}`).join('\n')}\nNothing was changed.\n`);
    return EXIT.error;
  }
  if (err instanceof PlatformApiError) {
    io.stderr(
      `pbxctl: platform error: ${err.message}${err.requestId ? ` (request id ${err.requestId})` : ''}\n${err.status === 401 ? 'hint: check NS_API_KEY\n' : ''}`,
    );
    return EXIT.error;
  }
  if (err instanceof ApplyError) return EXIT.partial;
  if (err instanceof UsageError) {
    io.stderr(`pbxctl: ${err.message}\n`);
    return EXIT.error;
  }
  throw err;
}

function readVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    const p = resolve(__dirname, rel);
    if (existsSync(p)) return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

function requirePath(positionals: string[], command: string, io: CliIo): string {
  const p = positionals[0];
  if (!p)
    throw new UsageError(`${command} needs a path: a domain file or a directory of them (pbxctl ${command} <path>)`);
  return resolve(io.cwd, p);
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

function progress(io: CliIo, flags: Flags): (msg: string) => void {
  const on = flags.progress === true || (io.stderrIsTty === true && !io.env.CI);
  return on ? (msg) => io.stderr(io.stderrIsTty ? `\r\x1b[2K${msg}` : `${msg}\n`) : () => {};
}

function endProgress(io: CliIo, flags: Flags): void {
  if ((flags.progress === true || (io.stderrIsTty && !io.env.CI)) && io.stderrIsTty) io.stderr('\r\x1b[2K');
}

// ---- validate ------------------------------------------------------------------------------------------

function cmdValidate(positionals: string[], io: CliIo): number {
  const path = requirePath(positionals, 'validate', io);
  const state = loadDesiredState(path, { cwd: io.cwd });
  const counts = state.domains.map(
    (d) => `${d.domain}: ${[...d.objects].map(([k, v]) => `${v.length} ${k}`).join(', ') || 'empty'}`,
  );
  io.stdout(
    `OK — ${state.domains.length} domain${state.domains.length === 1 ? '' : 's'} valid.\n${counts.map((c) => `  ${c}\n`).join('')}`,
  );
  return EXIT.ok;
}

// ---- plan / drift --------------------------------------------------------------------------------------

function loadForPlan(path: string, flags: Flags, io: CliIo): DesiredState {
  const state = loadDesiredState(path, { cwd: io.cwd, secrets: envSecretResolver(io.env) });
  if (typeof flags.shard === 'string') {
    const m = /^(\d+)\/(\d+)$/.exec(flags.shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
      throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n (got "${flags.shard}")`);
    return { domains: selectShard([...state.domains], (d) => d.domain, Number(m[1]) - 1, Number(m[2])) };
  }
  return state;
}

async function makePlan(
  path: string,
  flags: Flags,
  io: CliIo,
  logTag?: string,
): Promise<{ run: PlanRun; client: NetSapiensClient }> {
  const state = loadForPlan(path, flags, io);
  const client = clientFromEnv(io.env, flags);
  // A saved plan's checksum is known before the re-read, so even the reads line up in platform logs.
  if (logTag) client.setLogTag(logTag);
  const say = progress(io, flags);
  say(`Reading ${state.domains.length} domain${state.domains.length === 1 ? '' : 's'} from the platform…`);
  const run = await runPlan(state, client, {
    allowDeletes: flags['allow-deletes'] === true,
    allowRecycle: flags['allow-recycle'] === true,
    onDomainDone: (d, done, total) => say(`Planned ${d} (${done}/${total}) — ${client.stats.requests} requests`),
  });
  endProgress(io, flags);
  return { run, client };
}

function render(doc: PlanDocument, flags: Flags, io: CliIo): string {
  const format = (flags.format as string | undefined) ?? 'text';
  const redactPii = flags['redact-pii'] === true;
  switch (format) {
    case 'text':
      return renderText(doc, {
        redactPii,
        color: flags['no-color'] ? false : flags.color === true || (io.stdoutIsTty === true && !io.env.NO_COLOR),
      });
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

function savedDocument(run: PlanRun, path: string, flags: Flags, io: CliIo): Record<string, unknown> {
  return {
    ...run.document,
    created_at: new Date().toISOString(),
    source: { path: resolve(io.cwd, path) },
    flags: { allow_deletes: flags['allow-deletes'] === true, allow_recycle: flags['allow-recycle'] === true },
  };
}

async function cmdPlan(positionals: string[], flags: Flags, io: CliIo, drift: boolean): Promise<number> {
  const path = requirePath(positionals, drift ? 'drift' : 'plan', io);
  // Refuse a bad --format before reading the platform, not after.
  if (flags.format !== undefined && !['text', 'markdown', 'md', 'json'].includes(String(flags.format)))
    throw new UsageError(`--format must be text, markdown or json (got "${String(flags.format)}")`);
  const { run, client } = await makePlan(path, flags, io);
  try {
    const doc = run.document;
    if (typeof flags.out === 'string') {
      const out = resolve(io.cwd, flags.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(
        out,
        renderJson(
          { ...(savedDocument(run, path, flags, io) as unknown as PlanDocument) },
          { redactPii: flags['redact-pii'] === true },
        ),
      );
    }
    if (drift) {
      io.stdout(renderDrift(run, flags, io));
      return doc.summary.changes > 0 ? EXIT.changes : EXIT.ok;
    }
    io.stdout(render(doc, flags, io));
    if (doc.summary.blocked) return EXIT.blocked;
    if (flags['detailed-exitcode'] && doc.summary.changes > 0) return EXIT.changes;
    return EXIT.ok;
  } finally {
    await client.close();
  }
}

function renderDrift(run: PlanRun, flags: Flags, io: CliIo): string {
  const format = (flags.format as string | undefined) ?? 'text';
  const redact = flags['redact-pii'] === true;
  // Shared contacts are keyed by a person's name: hide it with --redact-pii.
  const shownKey = (kind: string, key: string) => (redact && kind === 'shared_contact' ? '(redacted)' : key);
  const drifted = run.domains.map((d) => ({
    domain: d.desired.domain,
    drifted: d.plan.changes.length > 0,
    objects: d.plan.changes.map((c) => ({
      kind: c.kind,
      key: shownKey(c.kind, c.key),
      action: c.action,
      fields: c.fields.map((f) => f.path),
      last_modified: c.lastModified ?? null,
    })),
  }));
  if (format === 'json')
    return `${JSON.stringify({ format_version: '1', checksum: run.document.checksum, domains: drifted }, null, 2)}\n`;
  if (format === 'markdown' || format === 'md') {
    // Drift is a report, not a plan to approve: no policy blocks in it.
    const domains = run.document.domains.map((d) => ({ ...d, violations: [] }));
    const doc = { ...run.document, domains, summary: { ...run.document.summary, blocked: false } };
    return renderMarkdown(doc, { marker: 'pbxctl:drift', redactPii: redact }).replace(
      '### pbxctl plan —',
      '### pbxctl drift —',
    );
  }
  const lines: string[] = [];
  for (const d of drifted) {
    if (!d.drifted) {
      lines.push(`${d.domain}: in sync`);
      continue;
    }
    lines.push(`${d.domain}: DRIFTED — ${d.objects.length} object${d.objects.length === 1 ? '' : 's'} differ from git`);
    for (const o of d.objects) {
      const what =
        o.action === 'create'
          ? 'missing on the platform'
          : o.action === 'delete'
            ? 'on the platform, not in git'
            : `differs: ${o.fields.join(', ')}`;
      lines.push(
        `  ${o.kind} ${o.key}: ${what}${o.last_modified ? ` (platform last-modified ${o.last_modified})` : ''}`,
      );
    }
  }
  void io;
  return `${lines.join('\n')}\n`;
}

// ---- apply ---------------------------------------------------------------------------------------------

function gitCommit(cwd: string): string | undefined {
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || undefined
    );
  } catch {
    return undefined;
  }
}

async function confirm(io: CliIo, question: string): Promise<boolean> {
  if (io.ask) return (await io.ask(question)).trim() === 'yes';
  if (!io.stdinIsTty) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((res) => rl.question(question, res));
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}

async function cmdApply(positionals: string[], flags: Flags, io: CliIo): Promise<number> {
  const target = positionals[0];
  if (!target) throw new UsageError('apply needs a saved plan (plan.json) or a path to the desired state');
  const isSavedPlan = /\.json$/i.test(target);
  let run: PlanRun;
  let client: NetSapiensClient;
  if (isSavedPlan) {
    const file = resolve(io.cwd, target);
    let saved: PlanDocument & {
      source?: { path?: string };
      flags?: { allow_deletes?: boolean; allow_recycle?: boolean };
    };
    try {
      saved = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new UsageError(`cannot read the saved plan ${target}`);
    }
    if (saved.format_version !== '1')
      throw new UsageError(
        `${target}: unsupported plan format_version ${String(saved.format_version)} (this pbxctl writes 1)`,
      );
    const source = saved.source?.path;
    if (!source || !existsSync(source))
      throw new StalePlanError('the saved plan is stale: its desired-state files are gone', [`expected at ${source}`]);
    const apFlags: Flags = {
      ...flags,
      'allow-deletes': flags['allow-deletes'] === true || saved.flags?.allow_deletes === true,
      'allow-recycle': flags['allow-recycle'] === true || saved.flags?.allow_recycle === true,
    };
    ({ run, client } = await makePlan(source, apFlags, io, `pbxctl-${String(saved.checksum).slice(0, 12)}`));
    try {
      assertNotStale(saved, run);
    } catch (err) {
      await client.close();
      throw err;
    }
  } else {
    ({ run, client } = await makePlan(resolve(io.cwd, target), flags, io));
  }
  try {
    const doc = run.document;
    if (doc.summary.blocked) {
      io.stdout(renderText(doc, {}));
      throw new UnsafePlanError(run.domains.flatMap((d) => d.plan.violations));
    }
    if (doc.summary.changes === 0) {
      io.stdout('No changes. The platform matches the desired state.\n');
      return EXIT.ok;
    }
    const closed = closedWindows(run, io.now?.() ?? new Date());
    if (closed.length > 0 && flags['ignore-change-window'] !== true) {
      io.stderr(
        `Outside the change window — nothing was changed:\n${closed.map((m) => `  - ${m}`).join('\n')}\nRe-run inside the window, or pass --ignore-change-window.\n`,
      );
      return EXIT.blocked;
    }
    if (!isSavedPlan && flags['auto-approve'] !== true) {
      io.stdout(renderText(doc, { color: io.stdoutIsTty === true && !io.env.NO_COLOR }));
      if (!io.stdinIsTty && !io.ask)
        throw new UsageError('apply without a saved plan needs --auto-approve (no terminal to ask for confirmation)');
      if (
        !(await confirm(
          io,
          `Apply ${doc.summary.changes} change${doc.summary.changes === 1 ? '' : 's'}? Only 'yes' will be accepted: `,
        ))
      ) {
        io.stderr('Apply cancelled; nothing was changed.\n');
        return EXIT.error;
      }
    }
    const logTag = `pbxctl-${doc.checksum.slice(0, 12)}`;
    client.setLogTag(logTag);
    const say = progress(io, flags);
    const all: OperationResult[] = [];
    const records: AuditRecord[] = [];
    const unverified: string[] = [];
    const ctx = {
      time: new Date().toISOString(),
      planChecksum: doc.checksum,
      logTag,
      tool: `pbxctl ${readVersion()}`,
      ...auditEnvironment(io.env, gitCommit(io.cwd)),
    };
    for (const d of run.domains) {
      if (d.plan.changes.length === 0) continue;
      const results = await applyDomainPlan({
        plan: d.plan,
        desired: d.desired,
        live: d.live,
        client,
        sendWelcomeEmail: flags['no-welcome-email'] !== true,
        onProgress: (done, total, r) => say(`${d.desired.domain}: ${done}/${total} ${r.result} ${r.kind} ${r.key}`),
      });
      all.push(...results);
      records.push(auditRecord(ctx, d.desired.domain, results));
      const applied = new Set(results.filter((r) => r.result === 'applied').map((r) => r.id));
      if (applied.size > 0 && flags['no-verify'] !== true) {
        say(`${d.desired.domain}: reading back what was written…`);
        const verified = await verifyDomain(client, d.desired, applied);
        if (verified.unconverged.length > 0)
          unverified.push(...verified.unconverged.map((id) => `${d.desired.domain} ${id}`));
      }
    }
    endProgress(io, flags);
    const auditPath = resolve(
      io.cwd,
      (flags['audit-log'] as string | undefined) ?? io.env.PBXCTL_AUDIT_LOG ?? '.pbxctl/audit.jsonl',
    );
    appendAuditLog(auditPath, records);
    const n = (r: OperationResult['result']) => all.filter((x) => x.result === r).length;
    for (const r of all) {
      const mark = r.result === 'applied' ? '✓' : r.result === 'failed' ? '✗' : '–';
      io.stdout(`  ${mark} ${r.action} ${r.kind} ${r.label ?? r.key}${r.error ? `: ${r.error}` : ''}\n`);
    }
    io.stdout(
      `Apply: ${n('applied')} applied, ${n('failed')} failed, ${n('skipped')} skipped. Audit log: ${auditPath}\n`,
    );
    if (unverified.length > 0) {
      io.stderr(
        `Read-back: the platform does not show ${unverified.length} applied change${unverified.length === 1 ? '' : 's'} yet: ${unverified.join(', ')}\nRe-run \`pbxctl plan\` in a minute; if they persist the platform ignored a field.\n`,
      );
      return EXIT.partial;
    }
    if (n('failed') + n('skipped') > 0) {
      io.stderr(`Partial apply: re-run \`pbxctl plan\` to see what is left; a rerun converges.\n`);
      return EXIT.partial;
    }
    return EXIT.ok;
  } finally {
    await client.close();
  }
}

/** Domains whose routing or data-destroying changes fall outside their policy.change_window right now. */
function closedWindows(run: PlanRun, now: Date): string[] {
  const out: string[] = [];
  for (const d of run.domains) {
    const window = d.desired.policy.changeWindow;
    const gated = d.plan.changes.filter((c) => c.class !== 'cosmetic').length;
    if (!window || gated === 0 || isInsideWindow(window, now)) continue;
    const next = nextOpening(window, now);
    out.push(
      `${d.desired.domain}: ${gated} routing or data-destroying change${gated === 1 ? '' : 's'} may only be applied ${describeWindow(window)}${next ? `; the window opens next at ${next.toISOString()}` : ''}`,
    );
  }
  return out;
}

// ---- export / welcome / emulator -----------------------------------------------------------------------

async function cmdExport(flags: Flags, io: CliIo): Promise<number> {
  const domain = flags.domain;
  if (typeof domain !== 'string') throw new UsageError('export needs --domain <domain>');
  const client = clientFromEnv(io.env, flags);
  try {
    const result = await exportDomain(client, domain);
    if (typeof flags.out === 'string') {
      const out = resolve(io.cwd, flags.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, result.yaml);
      io.stderr(
        `Wrote ${flags.out}: ${Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}\n`,
      );
    } else io.stdout(result.yaml);
    return EXIT.ok;
  } finally {
    await client.close();
  }
}

async function cmdWelcome(positionals: string[], flags: Flags, io: CliIo): Promise<number> {
  const domain = flags.domain;
  if (typeof domain !== 'string' || positionals.length === 0)
    throw new UsageError('usage: pbxctl welcome --domain <domain> <extension>…');
  const client = clientFromEnv(io.env, flags);
  let failed = 0;
  try {
    for (const ext of positionals) {
      try {
        const user = await client.getUser(domain, ext);
        if (!user) throw new UsageError(`user ${ext} does not exist in ${domain}`);
        await client.sendEmail(domain, ext, { ...WELCOME_EMAIL });
        io.stdout(`  ✓ welcome e-mail sent to ${ext}\n`);
      } catch (err) {
        failed++;
        io.stderr(`  ✗ ${ext}: ${(err as Error).message}\n`);
      }
    }
  } finally {
    await client.close();
  }
  return failed === 0 ? EXIT.ok : failed === positionals.length ? EXIT.error : EXIT.partial;
}

async function cmdEmulator(flags: Flags, io: CliIo): Promise<number> {
  const { startEmulator } = await import('../../emulator');
  const port = flags.port ? Number(flags.port) : 8088;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0–65535 (got ${String(flags.port)})`);
  const apiKey = io.env.NS_API_KEY;
  const emu = await startEmulator({
    port,
    statePath: typeof flags.state === 'string' ? resolve(io.cwd, flags.state) : undefined,
    seed: typeof flags.seed === 'string' ? resolve(io.cwd, flags.seed) : undefined,
    ...(apiKey ? { apiKeys: [apiKey] } : {}),
    // The same OAuth login pbxctl would use, so the password-grant path can be tried locally too.
    ...(io.env.NS_CLIENT_ID && io.env.NS_CLIENT_SECRET && io.env.NS_USERNAME && io.env.NS_PASSWORD
      ? {
          oauthLogins: [
            {
              clientId: io.env.NS_CLIENT_ID,
              clientSecret: io.env.NS_CLIENT_SECRET,
              username: io.env.NS_USERNAME,
              password: io.env.NS_PASSWORD,
            },
          ],
        }
      : {}),
  });
  io.stdout(
    `NetSapiens v2 emulator listening on ${emu.url}\n  export NS_API_URL=${emu.url}\n  export NS_API_KEY=${apiKey ? '<your NS_API_KEY>' : '<the emulator default key, see emulator/README.md>'}\nCtrl-C to stop.\n`,
  );
  await new Promise<void>((res) => {
    process.once('SIGINT', res);
    process.once('SIGTERM', res);
  });
  await emu.close();
  return EXIT.ok;
}
