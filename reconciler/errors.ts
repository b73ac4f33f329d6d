/**
 * The closed set of typed errors pbxctl raises. Library code throws these; only `cli/` turns them into
 * messages and exit codes (docs/design.md §6.5). Every error carries enough context to say *where* and *how to fix*.
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
  override readonly name: string = 'PlatformApiError';
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
  readonly rule: 'max_deletes' | 'protect' | 'data_destroying' | 'recycle' | 'call_flow';
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
  override readonly name: string = 'UsageError';
}

// ---- platform client errors (reconciler/platform). Each renders as ONE line: what, where (host), and a hint. ----

/** Why a request got no usable answer. */
export type ConnectionProblem = 'refused' | 'dns' | 'tls' | 'reset' | 'cut-body' | 'bad-body' | 'too-large' | 'network';

/** The platform could not be reached, or the connection broke before a whole answer arrived. */
export class PlatformConnectionError extends PlatformApiError {
  override readonly name: string = 'PlatformConnectionError';
  constructor(
    readonly problem: ConnectionProblem | TimeoutPhase,
    method: string,
    path: string,
    readonly host: string,
    detail: string,
    readonly hint: string,
    retryable: boolean,
    status = 0,
  ) {
    super(status, method, path, detail, retryable);
    this.message = `${host}: ${detail} (${method} ${path}) — hint: ${hint}`;
  }
}

/** Which deadline ran out (see reconciler/platform/settings.ts for defaults and overrides). */
export type TimeoutPhase = 'connect' | 'headers' | 'idle' | 'slow-body' | 'request' | 'run';

/** A deadline ran out: the server was silent, trickled, or the whole run took too long. */
export class PlatformTimeoutError extends PlatformConnectionError {
  override readonly name: string = 'PlatformTimeoutError';
  constructor(
    readonly phase: TimeoutPhase,
    method: string,
    path: string,
    host: string,
    detail: string,
    hint: string,
    retryable: boolean,
  ) {
    super(phase, method, path, host, detail, hint, retryable);
  }
}

/** 401 or 403: the credentials were refused, or their scope does not allow this call. */
export class PlatformAuthError extends PlatformApiError {
  override readonly name: string = 'PlatformAuthError';
  constructor(
    status: 401 | 403,
    method: string,
    path: string,
    readonly host: string,
    platformMessage: string,
    readonly hint: string,
    requestId?: string,
  ) {
    super(status, method, path, platformMessage, false, requestId);
    this.message = `${host}: ${status} ${platformMessage} (${method} ${path}) — hint: ${hint}`;
  }
}

/**
 * A write whose outcome is unknown: the platform may or may not have processed it (dropped connection,
 * 429/503/502/504 without a way to re-read). It was NOT re-sent; the next plan shows what actually happened.
 */
export class UncertainWriteError extends PlatformApiError {
  override readonly name: string = 'UncertainWriteError';
  constructor(
    status: number,
    method: string,
    path: string,
    platformMessage: string,
    readonly host: string,
    requestId?: string,
  ) {
    super(status, method, path, platformMessage, false, requestId);
    this.message =
      `${host}: ${method} ${path}: outcome unknown (${status === 0 ? 'no response' : status} ${platformMessage}); ` +
      'not re-sent — hint: run plan again to see whether it landed';
  }
}

/**
 * A list read that cannot be trusted: shorter than the platform's `/count`, an empty page where the count says
 * otherwise, pages that repeat or overlap, or more records than one page can hold on a list that cannot page.
 * It is a FAILED read ("unknown"), never "absent".
 */
export class IncompleteListError extends PlatformApiError {
  override readonly name: string = 'IncompleteListError';
  constructor(
    path: string,
    readonly host: string,
    detail: string,
    readonly received: number,
    readonly expected?: number,
  ) {
    super(200, 'GET', path, detail, false);
    this.message = `${host}: GET ${path}: incomplete list: ${detail} — the read counts as failed, nothing is treated as absent`;
  }
}

/** `NS_API_URL` (or the client's base URL) cannot be used: no scheme, no `/ns-api/v2`, credentials in it… */
export class PlatformUrlError extends UsageError {
  override readonly name: string = 'PlatformUrlError';
  constructor(
    readonly problem: 'empty' | 'invalid' | 'scheme' | 'credentials' | 'query' | 'api-path',
    message: string,
  ) {
    super(message);
  }
}

/** A name that would change the meaning of a request URL (`..`, `/`, `%`, `~`, control characters…). */
export class UnsafePathSegmentError extends UsageError {
  override readonly name: string = 'UnsafePathSegmentError';
  constructor(
    readonly what: string,
    readonly value: string,
    reason: string,
  ) {
    super(`${what} ${JSON.stringify(value)} cannot be used in a request URL: ${reason}`);
  }
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
