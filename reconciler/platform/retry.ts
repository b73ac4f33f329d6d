/**
 * What to do after a failed attempt. The rules (issue 13 #8):
 * - a READ (GET) is retried on 5xx (not 501), 408, 429, a dropped or reset connection, a body cut mid-stream or
 *   garbled, a refused connection and a connect timeout (those two once); not on DNS or TLS failures, and not
 *   after a headers/idle/slow-body/request/run deadline (a server that was that slow once is asked again by the
 *   next run, not silently many times);
 * - a WRITE that never left this machine (refused, DNS, connect timeout) is retried: nothing reached the server;
 * - a WRITE the server may have processed (408, 429, 500, 502, 503, 504, a dropped connection, a body cut after
 *   a non-2xx status line, a deadline) is re-sent ONLY when the caller gave a `landed` probe and the probe,
 *   after the back-off, says it did not land (bounded by the attempt budget; at the last attempt the probe
 *   still runs, so the call ends "landed" or "did not land", not "unknown"); without a probe a 429/502/503/504
 *   or a connection failure is an `UncertainWriteError` and is never re-sent, and a 500/408 is a failure;
 * - a WRITE with no read-back whose caller says a status answer means "not acted on" (`statusIsFinal`: the
 *   welcome e-mail, see send-welcomes.ts for the assumption) is retried like a read on 408/429/5xx — except
 *   502/504, where a gateway answered for a platform that may have acted — and stays uncertain after a
 *   connection failure;
 * - waits are exponential with jitter (50–100 % of 250 ms × 2^n, capped), or the server's `Retry-After`;
 *   a `Retry-After` over a minute is not waited for: the call fails (or, for a write, is uncertain) at once.
 */
import type { PlatformConnectionError } from '../errors';

export interface FailureFacts {
  readonly method: string;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly hasProbe: boolean;
  /** A status answer (other than 502/504) means the platform did not act on this write. */
  readonly statusIsFinal?: boolean;
  /** HTTP status when one arrived (0 when none). */
  readonly status: number;
  /** The transport failure, when there was one. */
  readonly wire?: { readonly error: PlatformConnectionError; readonly maybeProcessed: boolean };
  readonly retryAfterMs?: number;
}

export type Decision =
  | { readonly action: 'retry'; readonly waitMs: number }
  /** Re-read after the wait; `resend` false at the last attempt (landed → done, else the call fails). */
  | { readonly action: 'probe'; readonly waitMs: number; readonly resend: boolean }
  | { readonly action: 'uncertain' }
  | { readonly action: 'fail' };

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  readonly random: () => number;
}

export function backoffMs(attempt: number, policy: BackoffPolicy): number {
  const full = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full * (0.5 + 0.5 * policy.random()));
}

const READ_RETRY_STATUS = (s: number) => s === 408 || s === 429 || (s >= 500 && s !== 501);
/** Write answers after which the platform may have acted: probed when the caller can re-read. */
const PROBE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Of those, the ones that stay "unknown" without a probe (a 500/408 without one is a failure, as before). */
const UNCERTAIN_STATUS = new Set([429, 502, 503, 504]);
/** A gateway's answer: the platform behind it may have acted, whatever the caller assumes of the platform. */
const GATEWAY_STATUS = new Set([502, 504]);
const NO_RETRY_PROBLEMS = new Set(['dns', 'tls', 'too-large', 'headers', 'idle', 'slow-body', 'request', 'run']);

export function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** The longest `Retry-After` worth waiting for inside one run. */
export const MAX_RETRY_AFTER_MS = 60_000;

export function decide(f: FailureFacts, policy: BackoffPolicy): Decision {
  const wait = f.retryAfterMs ?? backoffMs(f.attempt, policy);
  const last = f.attempt >= f.maxAttempts || wait > MAX_RETRY_AFTER_MS;
  if (f.wire && !f.wire.maybeProcessed) {
    if (NO_RETRY_PROBLEMS.has(f.wire.error.problem) || last) return { action: 'fail' };
    // Nothing answering at all is asked once more, not five times (a stopped server should fail fast).
    if ((f.wire.error.problem === 'refused' || f.wire.error.problem === 'connect') && f.attempt >= 2) {
      return { action: 'fail' };
    }
    return { action: 'retry', waitMs: wait };
  }
  if (isRead(f.method)) {
    if (last) return { action: 'fail' };
    if (f.wire)
      return NO_RETRY_PROBLEMS.has(f.wire.error.problem) ? { action: 'fail' } : { action: 'retry', waitMs: wait };
    return READ_RETRY_STATUS(f.status) ? { action: 'retry', waitMs: wait } : { action: 'fail' };
  }
  return decideWrite(f, wait, last, policy);
}

function decideWrite(f: FailureFacts, wait: number, last: boolean, policy: BackoffPolicy): Decision {
  if (f.statusIsFinal && !f.wire && !GATEWAY_STATUS.has(f.status)) {
    return READ_RETRY_STATUS(f.status) && !last ? { action: 'retry', waitMs: wait } : { action: 'fail' };
  }
  const maybeProcessed = f.wire !== undefined || PROBE_STATUS.has(f.status);
  if (!maybeProcessed) return { action: 'fail' };
  // Past the whole-run deadline there is no time left to probe, let alone re-send.
  if (f.hasProbe && f.wire?.error.problem !== 'run') {
    const waitMs = wait > MAX_RETRY_AFTER_MS ? backoffMs(f.attempt, policy) : wait;
    return { action: 'probe', waitMs, resend: !last };
  }
  return f.wire || UNCERTAIN_STATUS.has(f.status) ? { action: 'uncertain' } : { action: 'fail' };
}

/** `Retry-After` in seconds or as an HTTP date, in ms. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
