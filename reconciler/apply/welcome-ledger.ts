/**
 * The welcome-e-mail ledger (issue 13 #3, issue 14 #2): a JSON-lines file beside the audit log, one line per
 * state change of one user's welcome e-mail, each flushed to disk (fsync) before the apply goes on.
 *
 *   requested → sending → sent          (the normal path)
 *   requested → sending → failed        (an attempt the platform refused or that never left: still owed; the
 *                                        same apply retries it — sending again — and the next apply sends it)
 *   requested → sending → unknown       (no usable answer after the request was written — a connection lost,
 *                                        a 502/504, a deadline: never re-sent automatically)
 *   requested → dropped                 (the user is gone from the files and the platform)
 *
 * `requested` is written BEFORE the user is created, so a user created by an apply that then failed or was
 * killed still owes its welcome e-mail, and the next plan lists it and the next apply sends it — even though
 * that rerun takes the update path (or has nothing else to do).
 *
 * The boundary is AT MOST ONCE: the e-mail POST is not idempotent and the platform offers no way to read back
 * whether an e-mail went out. `sending` is fsynced immediately before each attempt goes on the wire (after
 * pacing and back-off), and an attempt known not to have been sent (refused connection, a status answer:
 * send-welcomes.ts states the assumption) goes back to `failed` at once. A process killed between `sending`
 * and the outcome leaves `sending`, which — like `unknown` — is never re-sent by apply: the plan shows it as a
 * warning ("may not have been sent") and `pbxctl welcome` sends it by hand. So an e-mail is never sent twice;
 * one can be missing only when the request was on the wire when it was cut off, and then it is reported.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GroupSync } from './group-sync';

export type WelcomeState = 'requested' | 'sending' | 'sent' | 'failed' | 'unknown' | 'dropped';

export interface WelcomeLine {
  readonly type: 'welcome';
  readonly state: WelcomeState;
  readonly domain: string;
  readonly user: string;
  readonly time: string;
  readonly run?: string;
  readonly error?: string;
}

/** What a plan needs to know about one domain's welcome e-mails. */
export interface WelcomeStatus {
  /** Asked for and not sent yet (requested, or refused by the platform): the next apply sends them. */
  readonly owed: readonly string[];
  /** The send was cut off (sending/unknown): maybe sent, never re-sent automatically. */
  readonly uncertain: readonly string[];
}

export function welcomeLedgerPathFor(auditPath: string): string {
  return /\.jsonl$/i.test(auditPath) ? auditPath.replace(/\.jsonl$/i, '.welcome.jsonl') : `${auditPath}.welcome.jsonl`;
}

const DURABLE_BEFORE_WIRE: ReadonlySet<WelcomeState> = new Set<WelcomeState>(['requested', 'sending']);

export class WelcomeLedger {
  private fd: number | undefined;

  constructor(
    readonly path: string,
    readonly run?: string,
    private readonly clock: () => Date = () => new Date(),
    /**
     * Group commit (group-sync.ts), shared with the write journal: a line that must precede the wire is
     * flushed by the journal's `durable()`, which every write awaits before it is sent. Only for a ledger
     * whose writes all go through a journaled client (an apply run); otherwise each such line is fsynced.
     */
    private readonly sync?: GroupSync,
  ) {}

  /** The last state of every `domain/user` in the ledger (a torn last line from a kill is ignored). */
  states(): Map<string, WelcomeLine> {
    const out = new Map<string, WelcomeLine>();
    if (!existsSync(this.path)) return out;
    for (const text of readFileSync(this.path, 'utf8').split('\n')) {
      if (text.trim() === '') continue;
      let line: WelcomeLine;
      try {
        line = JSON.parse(text) as WelcomeLine;
      } catch {
        continue;
      }
      if (line?.type === 'welcome' && typeof line.domain === 'string' && typeof line.user === 'string')
        out.set(`${line.domain}/${line.user}`, line);
    }
    return out;
  }

  status(domain: string): WelcomeStatus {
    const owed: string[] = [];
    const uncertain: string[] = [];
    for (const line of this.states().values()) {
      if (line.domain !== domain) continue;
      if (line.state === 'requested' || line.state === 'failed') owed.push(line.user);
      if (line.state === 'sending' || line.state === 'unknown') uncertain.push(line.user);
    }
    const byExt = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    return { owed: owed.sort(byExt), uncertain: uncertain.sort(byExt) };
  }

  record(domain: string, user: string, state: WelcomeState, error?: string): void {
    const line: WelcomeLine = {
      type: 'welcome',
      state,
      domain,
      user,
      time: this.clock().toISOString(),
      ...(this.run ? { run: this.run } : {}),
      ...(error ? { error } : {}),
    };
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a', 0o600);
    }
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    // What must precede the wire (an e-mail is owed; this attempt goes out now) reaches the disk first. An
    // answer's line is written (a killed process keeps it) and reaches the disk with the next flush or at
    // close: lost only to a power cut, it then reads as "sending" — maybe sent, never re-sent.
    if (!DURABLE_BEFORE_WIRE.has(state)) return;
    if (this.sync) this.sync.markDirty(this.fd);
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
