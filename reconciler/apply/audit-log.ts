/**
 * The apply audit log (docs/design.md §4 Audit): one JSON line per apply and domain, appended — never
 * rewritten — so auditors can read who changed what, from which commit and plan, with what result.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OperationResult } from './apply-plan';
import type { WelcomeResult } from './send-welcomes';

export interface AuditContext {
  readonly time: string;
  readonly commit?: string;
  readonly actor?: string;
  readonly pullRequest?: number;
  readonly planChecksum: string;
  readonly logTag: string;
  readonly tool: string;
  /** The apply run's id and its write-ahead journal (apply/write-journal.ts). */
  readonly run?: string;
  readonly journal?: string;
}

export interface AuditRecord extends AuditContext {
  readonly domain: string;
  readonly summary: { applied: number; failed: number; skipped: number };
  readonly operations: readonly {
    kind: string;
    key: string;
    action: string;
    class: string;
    result: string;
    error?: string;
    status?: number;
    request_id?: string;
  }[];
  /** Welcome e-mails: `sent`, `failed` (still owed), `unknown` (cut off, not re-sent), `skipped`, `dropped`. */
  readonly welcome_emails?: readonly { user: string; result: string; error?: string }[];
}

export function auditRecord(
  ctx: AuditContext,
  domain: string,
  results: readonly OperationResult[],
  welcomes: readonly WelcomeResult[] = [],
): AuditRecord {
  const n = (r: OperationResult['result']) => results.filter((x) => x.result === r).length;
  return {
    ...ctx,
    domain,
    summary: { applied: n('applied'), failed: n('failed'), skipped: n('skipped') },
    operations: results.map((r) => ({
      kind: r.kind,
      key: r.key,
      action: r.action,
      class: r.class,
      // A write whose outcome is unknown (no answer, not re-sent) is `unknown`: the next plan re-reads it.
      result: r.uncertain ? 'unknown' : r.result,
      ...(r.error ? { error: r.error } : {}),
      ...(r.status !== undefined ? { status: r.status } : {}),
      ...(r.requestId ? { request_id: r.requestId } : {}),
    })),
    ...(welcomes.length > 0
      ? {
          welcome_emails: welcomes.map((w) => ({
            user: w.user,
            result: w.result,
            ...(w.error ? { error: w.error } : {}),
          })),
        }
      : {}),
  };
}

export function appendAuditLog(path: string, records: readonly AuditRecord[]): void {
  if (records.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n', { mode: 0o600 });
}

/** Commit, actor and PR from the CI environment (GitHub Actions), falling back to what git knows. */
export function auditEnvironment(
  env: NodeJS.ProcessEnv,
  gitCommit?: string,
): Pick<AuditContext, 'commit' | 'actor' | 'pullRequest'> {
  const pr = env.PBXCTL_PR_NUMBER ?? /refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '')?.[1];
  return {
    commit: env.GITHUB_SHA ?? gitCommit,
    actor: env.GITHUB_ACTOR ?? env.USER ?? env.USERNAME,
    ...(pr ? { pullRequest: Number(pr) } : {}),
  };
}
