/**
 * "Apply with verification, audited" as a library function (issue 10): change windows, the domains of a
 * plan run one after the other, the write-ahead journal, the audit record per domain, and the read-back.
 * It never prints and never exits: it returns a typed result the CLI, the provider, bench or CI map.
 */
import { randomBytes } from 'node:crypto';
import { type OperationResult, applyDomainPlan } from '../apply/apply-plan';
import { type AuditContext, appendAuditLog, auditRecord } from '../apply/audit-log';
import { type WelcomeResult, sendOwedWelcomes } from '../apply/send-welcomes';
import { WelcomeLedger, welcomeLedgerPathFor } from '../apply/welcome-ledger';
import { GroupSync } from '../apply/group-sync';
import { WriteJournal, journalWrites } from '../apply/write-journal';
import type { SafetyViolation } from '../errors';
import { type DomainRun, type PlanRun, verifyDomain } from '../pipeline';
import type { NetSapiensClient } from '../platform/client';
import { closedWindows } from './change-windows';

export type ApplyRunStatus =
  /** Nothing to do: the platform matches. */
  | 'no-changes'
  /** The plan breaks a safety policy; nothing was written. */
  | 'blocked'
  /** Routing or data-destroying changes outside policy.change_window; nothing was written. */
  | 'outside-window'
  /** Every change applied and (unless verify was off) read back. */
  | 'applied'
  /** Some changes failed or were skipped. */
  | 'partial'
  /** Applied, but the read-back did not show every change (or the read-back itself failed). */
  | 'unverified'
  /** Stopped by a signal after the change in flight; later changes were not started. */
  | 'interrupted';

export interface ApplyProgress {
  readonly phase: 'apply' | 'verify';
  readonly domain: string;
  /** Changes finished over all domains of the run, and their total. */
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly last?: OperationResult;
}

export interface ApplyRunOptions {
  readonly client: NetSapiensClient;
  readonly run: PlanRun;
  /** JSON-lines audit log: one record per domain, appended. */
  readonly auditPath: string;
  /** Write-ahead journal (default: the audit path with `.writes.jsonl`). */
  readonly journalPath?: string;
  /** Welcome-e-mail ledger (default: the audit path with `.welcome.jsonl`; apply/welcome-ledger.ts). */
  readonly welcomeLedgerPath?: string;
  /** Who/what/where for the audit record (tool, commit, actor, pull request). */
  readonly context: Omit<AuditContext, 'time' | 'planChecksum' | 'logTag'>;
  readonly now?: () => Date;
  readonly ignoreChangeWindow?: boolean;
  readonly sendWelcomeEmail?: boolean;
  /** Read back what was written (default true). */
  readonly verify?: boolean;
  /** Abort to stop after the change in flight (SIGINT/SIGTERM). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ApplyProgress) => void;
}

export interface ApplyRunResult {
  readonly status: ApplyRunStatus;
  readonly results: readonly OperationResult[];
  /** Welcome e-mails this apply sent, or tried to (issue 13 #3, 14 #2). */
  readonly welcomes: readonly WelcomeResult[];
  /** `domain kind:key` of applied changes the read-back did not confirm. */
  readonly unverified: readonly string[];
  /** Why the read-back could not run, when it failed. */
  readonly verifyErrors: readonly string[];
  readonly closedWindows: readonly string[];
  readonly violations: readonly SafetyViolation[];
  readonly auditPath: string;
  readonly journalPath: string;
  readonly logTag: string;
}

export function journalPathFor(auditPath: string): string {
  return /\.jsonl$/i.test(auditPath) ? auditPath.replace(/\.jsonl$/i, '.writes.jsonl') : `${auditPath}.writes.jsonl`;
}

export async function applyPlanRun(options: ApplyRunOptions): Promise<ApplyRunResult> {
  const { run, client } = options;
  const doc = run.document;
  const logTag = `pbxctl-${doc.checksum.slice(0, 12)}`;
  const journalPath = options.journalPath ?? journalPathFor(options.auditPath);
  const empty = {
    results: [],
    welcomes: [],
    unverified: [],
    verifyErrors: [],
    closedWindows: [],
    violations: [],
    auditPath: options.auditPath,
    journalPath,
    logTag,
  };
  if (doc.summary.blocked)
    return { ...empty, status: 'blocked', violations: run.domains.flatMap((d) => d.plan.violations) };
  const owesWelcomes = (d: DomainRun) => (d.plan.welcomes?.length ?? 0) > 0;
  if (doc.summary.changes === 0 && !run.domains.some(owesWelcomes)) return { ...empty, status: 'no-changes' };
  const closed = closedWindows(run, options.now?.() ?? new Date());
  if (closed.length > 0 && options.ignoreChangeWindow !== true)
    return { ...empty, status: 'outside-window', closedWindows: closed };

  client.setLogTag(logTag);
  const runId = randomBytes(8).toString('hex');
  // One group commit for both files: a write waits for one shared fsync, off the event loop (group-sync.ts).
  const sync = new GroupSync();
  const journal = new WriteJournal(journalPath, runId, undefined, sync);
  const ledgerPath = options.welcomeLedgerPath ?? welcomeLedgerPathFor(options.auditPath);
  const welcomeLedger = new WelcomeLedger(ledgerPath, runId, undefined, sync);
  const ctx: AuditContext = {
    ...options.context,
    time: (options.now?.() ?? new Date()).toISOString(),
    planChecksum: doc.checksum,
    logTag,
  };
  journal.append({ type: 'run', run: runId, time: ctx.time, plan_checksum: doc.checksum, audit: options.auditPath });
  const unjournal = journalWrites(client, journal);
  const state: RunState = { all: [], welcomes: [], unverified: [], verifyErrors: [], total: doc.summary.changes };
  try {
    for (const d of run.domains) {
      if (d.plan.changes.length === 0 && !owesWelcomes(d)) continue;
      const domainOptions = { ...options, ctx: { ...ctx, run: runId, journal: journalPath }, journal, welcomeLedger };
      await applyOneDomain(d, domainOptions, state);
      if (options.signal?.aborted) break;
    }
  } finally {
    unjournal();
    welcomeLedger.close();
  }
  const status = finalStatus(state, options.signal?.aborted === true);
  journal.append({ type: 'end', run: runId, time: new Date().toISOString(), status });
  journal.close();
  return {
    ...empty,
    status,
    results: state.all,
    welcomes: state.welcomes,
    unverified: state.unverified,
    verifyErrors: state.verifyErrors,
  };
}

interface RunState {
  all: OperationResult[];
  welcomes: WelcomeResult[];
  unverified: string[];
  verifyErrors: string[];
  readonly total: number;
}

function finalStatus(state: RunState, aborted: boolean): ApplyRunStatus {
  if (aborted) return 'interrupted';
  if (state.unverified.length > 0 || state.verifyErrors.length > 0) return 'unverified';
  if (state.all.some((r) => r.result !== 'applied')) return 'partial';
  return 'applied';
}

async function applyOneDomain(
  d: DomainRun,
  options: ApplyRunOptions & { ctx: AuditContext; journal: WriteJournal; welcomeLedger: WelcomeLedger },
  state: RunState,
): Promise<void> {
  const domain = d.desired.domain;
  const failedSoFar = () => state.all.filter((r) => r.result === 'failed').length;
  const before = state.all.length;
  const results = await applyDomainPlan({
    plan: d.plan,
    desired: d.desired,
    live: d.live,
    client: options.client,
    sendWelcomeEmail: options.sendWelcomeEmail !== false,
    requestWelcome: (user) => options.welcomeLedger.record(domain, user, 'requested'),
    signal: options.signal,
    onChangeStart: (c) => {
      options.journal.current = { domain, change: c.id };
    },
    onProgress: (done, _total, last) =>
      options.onProgress?.({
        phase: 'apply',
        domain,
        done: before + done,
        total: state.total,
        failed: failedSoFar() + (last.result === 'failed' ? 1 : 0),
        last,
      }),
  });
  state.all.push(...results);
  const welcomes = await domainWelcomes(d, options, results);
  state.welcomes.push(...welcomes);
  // The domain's audit record is written before the read-back, so a failed read-back cannot lose it.
  appendAuditLog(options.auditPath, [auditRecord(options.ctx, domain, results, welcomes)]);
  const applied = new Set(results.filter((r) => r.result === 'applied').map((r) => r.id));
  if (applied.size === 0 || options.verify === false || options.signal?.aborted) return;
  options.onProgress?.({ phase: 'verify', domain, done: state.all.length, total: state.total, failed: failedSoFar() });
  try {
    const verified = await verifyDomain(options.client, d.desired, applied);
    state.unverified.push(...verified.unconverged.map((id) => `${domain} ${id}`));
  } catch (err) {
    state.verifyErrors.push(`${domain}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Users this apply knows to exist with an e-mail address, so their welcome e-mail needs no read first: those
 * whose create, recycle or update (with an e-mail in the file) it applied, and those its plan read with one
 * and did not change.
 */
function knownWithEmail(d: DomainRun, results: readonly OperationResult[]): Set<string> {
  const email = (o: { spec?: unknown; comparable?: unknown } | undefined, field: 'spec' | 'comparable') => {
    const v = (o?.[field] as Record<string, unknown> | undefined)?.email;
    return typeof v === 'string' && v.trim() !== '';
  };
  const desired = new Map((d.desired.objects.get('user') ?? []).map((o) => [o.key, o] as const));
  const live = new Map((d.live.objects.get('user') ?? []).map((o) => [o.key, o] as const));
  const touched = new Map(results.filter((r) => r.kind === 'user').map((r) => [r.key, r] as const));
  const out = new Set<string>();
  for (const [key, want] of desired) {
    const r = touched.get(key);
    if (r ? r.result === 'applied' && r.action !== 'delete' && email(want, 'spec') : email(live.get(key), 'comparable'))
      out.add(key);
  }
  return out;
}

/** The welcome e-mails the domain owes, after its changes (so the users exist); not with --no-welcome-email. */
function domainWelcomes(
  d: DomainRun,
  options: ApplyRunOptions & { journal: WriteJournal; welcomeLedger: WelcomeLedger },
  results: readonly OperationResult[],
): Promise<WelcomeResult[]> {
  if (options.sendWelcomeEmail === false) return Promise.resolve([]);
  const domain = d.desired.domain;
  options.journal.current = { domain, change: 'welcome-emails' };
  const wanted = new Set((d.desired.objects.get('user') ?? []).map((o) => o.key));
  return sendOwedWelcomes({
    client: options.client,
    domain,
    ledger: options.welcomeLedger,
    wanted,
    known: knownWithEmail(d, results),
    signal: options.signal,
    email: d.desired.platform?.welcomeEmail,
  });
}
