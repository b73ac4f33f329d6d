/**
 * The write journal's view of the request loop (http.ts): what an observer of writes is told about each
 * attempt (the apply's write-ahead journal), and the adapter from the retry loop's attempts to it.
 */
import type { AttemptJournal, FailedAttempt } from './retry-call';

/** Failure of an observed write, as the journal records it (the message is already redacted of secrets). */
export interface WriteFailure {
  readonly status: number;
  readonly error: string;
  readonly requestId?: string;
  /** No usable answer: this attempt may have landed (a probe or the next plan settles it). */
  readonly uncertain?: boolean;
}

/**
 * Sees every attempt of every write: `intent` before it goes on the wire (before the pacer's wait, which is
 * then all that separates them; after it for a write with `onSend`), `outcome` after (a write
 * re-sent after a probe is two attempts), and `probed` when a re-read settled whether an attempt that got no
 * usable answer landed (see `PlatformHttp.observeWrites`).
 */
export interface WriteObserver {
  intent(method: string, path: string): number;
  outcome(seq: number, method: string, path: string, failure?: WriteFailure): void;
  probed?(seq: number, method: string, path: string, status: number, landed: boolean): void;
  /** Resolves once the intent (and what `onSend` recorded) is on disk: awaited before the write is sent. */
  durable?(): Promise<void>;
}

/** The write journal's view of one call's attempts. */
export function attemptJournal(observer: WriteObserver, method: string, path: string): AttemptJournal {
  return {
    outcome: (seq, failure) =>
      observer.outcome(seq, method, path, failure && writeFailure(failure.attempt, failure.uncertain)),
    probed: (seq, status, landed) => observer.probed?.(seq, method, path, status, landed),
  };
}

function writeFailure(r: FailedAttempt, uncertain: boolean): WriteFailure {
  return {
    status: r.status,
    error: r.error.message,
    requestId: r.error.requestId,
    ...(uncertain ? { uncertain: true } : {}),
  };
}
