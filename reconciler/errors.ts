/**
 * The closed set of typed errors pbxctl raises. Library code throws these; only `cli/` turns them into
 * messages and exit codes (design.md §6.5). Every error carries enough context to say *where* and *how to fix*.
 */

export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface DesiredStateIssue {
  readonly position?: SourcePosition;
  /** Field path in the document, e.g. `users[2].extension`. */
  readonly path: string;
  readonly message: string;
  /** How to fix it, when we know. */
  readonly hint?: string;
}

/** The desired-state files are invalid. Carries *all* problems found, each with file:line:column. */
export class DesiredStateError extends Error {
  override readonly name = 'DesiredStateError';
  constructor(readonly issues: readonly DesiredStateIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the desired state`);
  }
}

/** The platform answered an HTTP error (or did not answer). */
export class PlatformApiError extends Error {
  override readonly name = 'PlatformApiError';
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly platformMessage: string,
    readonly retryable: boolean,
    readonly requestId?: string,
  ) {
    super(`${method} ${path} failed: ${status === 0 ? 'no response' : status} ${platformMessage}`.trim());
  }
}

export interface SafetyViolation {
  readonly domain: string;
  readonly rule: 'max_deletes' | 'protect' | 'data_destroying' | 'recycle';
  readonly message: string;
  /** The flag that overrides it, if any (protected extensions have none). */
  readonly flag?: '--allow-deletes' | '--allow-recycle';
}

/** The plan breaks the domain's safety policy; nothing was applied. */
export class UnsafePlanError extends Error {
  override readonly name = 'UnsafePlanError';
  constructor(readonly violations: readonly SafetyViolation[]) {
    super(violations.map((v) => v.message).join('\n'));
  }
}

/** A saved plan no longer matches the files or the platform. */
export class StalePlanError extends Error {
  override readonly name = 'StalePlanError';
  constructor(
    readonly reason: string,
    readonly details: readonly string[] = [],
  ) {
    super(reason);
  }
}

export interface OperationOutcome {
  readonly id: string;
  readonly result: 'applied' | 'failed' | 'skipped';
  readonly error?: string;
}

/** Some changes of an apply failed; the others were applied or skipped. */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';
  constructor(readonly outcomes: readonly OperationOutcome[]) {
    const failed = outcomes.filter((o) => o.result === 'failed').length;
    super(`${failed} change${failed === 1 ? '' : 's'} failed`);
  }
}

/** Wrong command-line usage or configuration (missing credentials, bad flag). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** Another apply holds the advisory lock of a domain (operations/domain-lock.ts). */
export class DomainLockedError extends Error {
  override readonly name = 'DomainLockedError';
  constructor(
    readonly domain: string,
    readonly holder: { readonly pid: number; readonly host: string; readonly time: string },
    readonly lockFile: string,
  ) {
    super(
      `${domain} is being applied by another pbxctl (pid ${holder.pid} on ${holder.host}, since ${holder.time}); wait for it to finish, or remove ${lockFile} if that process is gone`,
    );
  }
}

/** A saved plan was edited after `pbxctl plan` wrote it, or is not a sealed plan (plan/plan-document.ts). */
export class TamperedPlanError extends Error {
  override readonly name = 'TamperedPlanError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
