/**
 * The retry loop of one platform call (retry.ts decides, this module acts): attempts, re-authentication after a
 * 401, back-off, and for a write the platform may have acted on, the `landed` probe that decides whether it is
 * re-sent — INSIDE the call, so an apply is not left with work a re-read could have settled (issue 13 #1).
 *
 * Every attempt of a write is its own journal entry: the caller's attempt function writes the intent line just
 * before the request goes on the wire; this loop writes the attempt's outcome (`ok`, `failed` — the platform
 * said no and did not act —, or `unknown` — it may have acted) and, after a probe, whether it landed. So a write
 * re-sent after a probe has two intent lines, and the journal shows every request that reached the platform.
 */
import type { PlatformApiError, UncertainWriteError } from '../errors';
import type { Clock } from './pacing';
import { type BackoffPolicy, type Decision, decide } from './retry';
import type { WireFailure } from './transport';

/** One attempt's result; `seq` is the journal number of a write's attempt, when it is journaled. */
export type Attempt =
  | { readonly kind: 'done'; readonly value: unknown; readonly seq?: number }
  | {
      readonly kind: 'failed';
      readonly status: number;
      readonly error: PlatformApiError;
      readonly wire?: WireFailure;
      readonly retryAfterMs?: number;
      readonly seq?: number;
    };

export type FailedAttempt = Extract<Attempt, { kind: 'failed' }>;

/** What the loop tells the write journal about one attempt (see `WriteObserver` in http.ts). */
export interface AttemptJournal {
  outcome(seq: number, failure?: { attempt: FailedAttempt; uncertain: boolean }): void;
  probed(seq: number, status: number, landed: boolean): void;
}

export interface RetryCall {
  readonly method: string;
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  readonly clock: Clock;
  readonly stats: { retries: number; probes: number };
  /** Re-reads whether the write took effect (CallOptions.landed). */
  readonly landed?: () => Promise<boolean>;
  /** A status answer (other than 502/504) means the platform did not act (CallOptions.statusIsFinal). */
  readonly statusIsFinal?: boolean;
  /** The attempt definitely did not reach or was refused by the platform, and will be retried. */
  readonly onNotSent?: (reason: string) => void;
  readonly journal?: AttemptJournal;
  attempt(): Promise<Attempt>;
  /** Drops the access token after a 401 and says whether there was one to drop (OAuth). */
  reauthenticate(): boolean;
  /** The write may have landed and is not re-sent; `probeError` when the re-read that should have told failed. */
  uncertain(failure: FailedAttempt, probeError?: unknown): UncertainWriteError;
}

export async function callWithRetries<T>(c: RetryCall): Promise<T> {
  let reauthenticated = false;
  let resent = false;
  for (let attempt = 1; ; attempt++) {
    const r = await c.attempt();
    if (r.kind === 'done') {
      if (r.seq !== undefined) c.journal?.outcome(r.seq);
      return r.value as T;
    }
    if (r.status === 401 && !reauthenticated && c.reauthenticate()) {
      if (r.seq !== undefined) c.journal?.outcome(r.seq, { attempt: r, uncertain: false });
      reauthenticated = true;
      attempt--;
      continue;
    }
    const decision = decide(
      {
        method: c.method,
        attempt,
        maxAttempts: c.maxAttempts,
        hasProbe: !!c.landed,
        statusIsFinal: c.statusIsFinal,
        status: r.status,
        wire: r.wire,
        retryAfterMs: r.retryAfterMs,
      },
      c.backoff,
    );
    const maybeActed = decision.action === 'probe' || decision.action === 'uncertain';
    if (r.seq !== undefined) c.journal?.outcome(r.seq, { attempt: r, uncertain: maybeActed });
    // A delete re-sent because the probe saw the object still there, then found gone: it landed.
    if (resent && c.method === 'DELETE' && r.status === 404) return undefined as T;
    if (decision.action === 'fail') throw r.error;
    if (decision.action === 'uncertain') throw c.uncertain(r);
    c.stats.retries++;
    if (decision.action === 'retry') c.onNotSent?.(r.error.message);
    await c.clock.sleep(decision.waitMs);
    if (decision.action === 'probe') {
      if (await probe(c, r, decision)) return undefined as T;
      resent = true;
    }
  }
}

/** True when the write landed; false to re-send; throws when it did not land and no attempt is left. */
async function probe(c: RetryCall, r: FailedAttempt, decision: Extract<Decision, { action: 'probe' }>) {
  c.stats.probes++;
  let landed: boolean;
  try {
    landed = await (c.landed as () => Promise<boolean>)();
  } catch (err) {
    throw c.uncertain(r, err);
  }
  if (r.seq !== undefined) c.journal?.probed(r.seq, r.status, landed);
  if (landed) return true;
  c.onNotSent?.(r.error.message);
  if (!decision.resend) throw r.error;
  return false;
}

/** Every field of `sent` reads back equal (scalars compared as text, objects as JSON). */
export function readsBack(record: unknown, sent: Record<string, unknown>): boolean {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return false;
  const read = record as Record<string, unknown>;
  const text = (v: unknown) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
  const keys = Object.keys(sent).filter((k) => k !== 'synchronous');
  return keys.length > 0 && keys.every((k) => k in read && text(read[k]) === text(sent[k]));
}
