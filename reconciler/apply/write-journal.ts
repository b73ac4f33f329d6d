/**
 * The write-ahead journal of an apply (issue 13 #1): every ATTEMPT of every write is journaled as an `intent`
 * line BEFORE it goes on the wire (it and its fsync come before the client's pacer hands out a slot, so a
 * slot is never held idle while the disk syncs: at most the pacer's wait separates the intent from the
 * request) and as an `outcome` line after it was answered (or failed); a write
 * re-sent because a re-read showed it had not landed is a second intent. Each intent is flushed to disk
 * (fsync) before the write goes on the wire; outcomes ride on the next flush (see `append`). A process killed at any moment therefore leaves a journal from which
 * exactly what reached the platform can be reconstructed: every write the platform received has an intent
 * line; a write with an intent and no outcome was in flight (it may or may not have landed; the next plan
 * re-reads and shows it).
 *
 * Lines are JSON, one per line: `{type:'intent'|'outcome', run, seq, time, domain, change?, method, path,
 * result?, status?, error?, request_id?}`. An attempt with no usable answer (`unknown`) that a re-read then
 * settled gets a second outcome line, `landed` or `not-landed`: the last outcome of a seq is what happened.
 * Request bodies are never journaled (they can hold PINs).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NetSapiensClient } from '../platform/client';
import { currentChange } from './change-scope';
import type { GroupSync } from './group-sync';

export interface JournalIntent {
  readonly type: 'intent';
  readonly run: string;
  readonly seq: number;
  readonly time: string;
  readonly domain?: string;
  readonly change?: string;
  readonly method: string;
  readonly path: string;
}

export interface JournalOutcome {
  readonly type: 'outcome';
  readonly run: string;
  readonly seq: number;
  readonly time: string;
  readonly method: string;
  readonly path: string;
  /**
   * `ok`: the platform answered 2xx; `failed`: an error status after which the platform did not act;
   * `unknown`: no usable answer (429/5xx, dropped connection) — it may have landed; then `landed` /
   * `not-landed` when a re-read settled it (otherwise the next plan re-reads it).
   */
  readonly result: 'ok' | 'failed' | 'unknown' | 'landed' | 'not-landed';
  /** HTTP status of a failure; 0 when no answer came (connection dropped, timeout). */
  readonly status?: number;
  readonly error?: string;
  readonly request_id?: string;
}

export type JournalLine = JournalIntent | JournalOutcome;

/** Appends lines to a file, fsyncing each one. Opened lazily on the first line; `close()` is idempotent. */
export class WriteJournal {
  private fd: number | undefined;
  private seq = 0;
  /** What the journal lines are currently about (set by apply before each change). */
  current: { domain?: string; change?: string } = {};

  constructor(
    readonly path: string,
    readonly run: string,
    private readonly clock: () => Date = () => new Date(),
    /** Group commit (group-sync.ts): intents are flushed by `durable()` instead of one blocking fsync each. */
    private readonly sync?: GroupSync,
  ) {}

  /** Resolves once every intent written so far is on disk (at once when there is no group commit). */
  durable(): Promise<void> {
    return this.sync ? this.sync.flush() : Promise.resolve();
  }

  intent(method: string, path: string): number {
    const seq = ++this.seq;
    this.append({
      type: 'intent',
      run: this.run,
      seq,
      time: this.clock().toISOString(),
      ...this.current,
      // Changes run concurrently: the change is the one whose code sent this write (change-scope.ts).
      ...(currentChange() ? { change: currentChange() } : {}),
      method,
      path,
    });
    return seq;
  }

  outcome(
    seq: number,
    method: string,
    path: string,
    failure?: { status: number; error: string; requestId?: string; uncertain?: boolean },
  ): void {
    this.append({
      type: 'outcome',
      run: this.run,
      seq,
      time: this.clock().toISOString(),
      method,
      path,
      result: failure ? (failure.uncertain ? 'unknown' : 'failed') : 'ok',
      ...(failure ? { status: failure.status, error: failure.error } : {}),
      ...(failure?.requestId ? { request_id: failure.requestId } : {}),
    });
  }

  /** A re-read settled whether the attempt `seq` (answered `status`, or 0) landed. */
  probed(seq: number, method: string, path: string, status: number, landed: boolean): void {
    this.append({
      type: 'outcome',
      run: this.run,
      seq,
      time: this.clock().toISOString(),
      method,
      path,
      result: landed ? 'landed' : 'not-landed',
      status,
    });
  }

  /**
   * Appends a line. An intent (and any other line but an answer) is flushed to disk before returning: it
   * must be durable before the write goes on the wire. An outcome line is written (a killed process keeps
   * it: it is in the kernel's page cache) and reaches the disk with the next intent's flush or at close; a
   * power cut can lose it, which reads as "in flight" and the next plan re-reads the object. With a group
   * commit (`sync`), an intent's flush is `durable()`'s, shared by the writes in flight, off the event loop.
   */
  append(line: JournalLine | Record<string, unknown>): void {
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a', 0o600);
    }
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    if (line.type === 'outcome') return;
    // With group commit an intent is flushed by `durable()`, which the write awaits before it is sent.
    if (line.type === 'intent' && this.sync) this.sync.markDirty(this.fd);
    else fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) {
      this.sync?.forget(this.fd);
      fsyncSync(this.fd);
      closeSync(this.fd);
    }
    this.fd = undefined;
  }
}

/**
 * Journals every write `client` sends from now on, through the client's write observer (every typed helper
 * and `client.request` go through it). Returns a function that stops journaling.
 */
export function journalWrites(client: NetSapiensClient, journal: WriteJournal): () => void {
  client.observeWrites({
    intent: (method, path) => journal.intent(method, path),
    outcome: (seq, method, path, failure) => journal.outcome(seq, method, path, failure),
    probed: (seq, method, path, status, landed) => journal.probed(seq, method, path, status, landed),
    durable: () => journal.durable(),
  });
  return () => client.observeWrites(undefined);
}
