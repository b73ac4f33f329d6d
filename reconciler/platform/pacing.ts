/**
 * Adaptive pacing (AIMD). NetSapiens documents no rate limits, so the client starts at its concurrency ceiling
 * with NO rate cap and learns from the platform:
 * - a 429 or 503 (throttling) sets the rate to 90 % of what the platform ACCEPTED in the last second (per
 *   second over the history seen, when the client has run for less than a second), or of the current rate if lower (half of what was sent, when nothing was accepted) and the concurrency window to 80 %; `Retry-After` pauses every
 *   request until it has passed. Only a response to a request sent after the previous cut counts, and cuts
 *   are at least a second (or two round trips) apart, so one burst of 429s is one cut, not a collapse.
 * - latency that climbs well above the unloaded latency (smoothed latency over 2 × it + 100 ms) cuts the window to
 *   80 %, at most once per two round trips: the server is queueing our requests. The unloaded latency is
 *   measured by a probe: after the first 2 × ceiling answers (and at least a second after the first one) and
 *   then every 10 s, the pacer lets the requests in flight drain and sends ONE alone (it costs about two round
 *   trips each time). Not sooner than a second: the first answers of a plan are domain-wide lists, and a
 *   drain among them waited for the slowest (0.3–0.5 s with every other slot idle, issue 15). A drain that
 *   takes longer than two round trips (a long list still in flight) is called off and tried again later.
 * - while requests are waiting, each success raises the rate by 5 % (at least 0.5 requests/s) per second and the
 *   window by about one per round trip: recovery is slow, additive in the window and gentle in the rate.
 * `PBXCTL_CONCURRENCY` and `PBXCTL_RATE` are ceilings; pacing never goes above them.
 * Why: a healthy platform is never slowed (no cap until it pushes back), and one with an undocumented limit
 * sees a polite client within a few cuts.
 */

/**
 * How far above twice the unloaded latency the smoothed latency may climb before the window is cut. 100 ms:
 * a hosted platform that adds a tenth of a second per request is queueing us; a loopback or LAN server on a
 * busy machine (scheduling jitter of tens of milliseconds) is not, and must not collapse the window.
 */
export const LATENCY_SLACK_MS = 100;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The real clock, or — when a test injects `sleep` — a clock that treats every wait it was asked for as having
 * passed (so back-off and pacing can be asserted without waiting, and never spin).
 */
export function makeClock(injected?: (ms: number) => Promise<void>): Clock {
  if (!injected) return { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
  let skew = 0;
  return {
    now: () => Date.now() + skew,
    sleep: async (ms) => {
      skew += Math.max(0, ms);
      await injected(ms);
    },
  };
}

export type Outcome =
  | { readonly kind: 'ok'; readonly latencyMs: number }
  | { readonly kind: 'throttled'; readonly retryAfterMs?: number }
  | { readonly kind: 'other' };

export interface PacerSnapshot {
  readonly window: number;
  readonly rate: number;
  readonly inFlight: number;
  readonly queued: number;
  readonly cuts: number;
  /** Of `cuts`, those made by the latency rule (the others answered a 429/503). */
  readonly latencyCuts: number;
  /** The unloaded latency measured by the last probe (ms), if any. */
  readonly baseLatencyMs?: number;
}

/** A granted slot, handed back to `release`. */
export interface Ticket {
  readonly sentAt: number;
  readonly probe: boolean;
}

const MIN_RATE = 1;
const PROBE_EVERY_MS = 10_000;
/** The first probe waits this long after the first answer (and for 2 × ceiling answers). */
const FIRST_PROBE_AFTER_MS = 1_000;
/** The shortest history a throttling cut turns into a rate per second (ms). */
const MIN_HISTORY_MS = 100;
/** A drain for a probe lasts at most two smoothed round trips and this (ms). */
const DRAIN_MIN_MS = 20;

export class AdaptivePacer {
  private window: number;
  private rate: number;
  private inFlight = 0;
  private readonly queue: Array<(ticket: Ticket) => void> = [];
  /** How many at the head of `queue` asked to go ahead (`acquire(true)`), in their own order. */
  private ahead = 0;
  private nextSlot = 0;
  /** When the first request was sent: a throttling cut counts per second over what it has seen. */
  private firstSendAt: number | undefined;
  private pausedUntil = 0;
  private lastCut = Number.NEGATIVE_INFINITY;
  private lastWindowCut = Number.NEGATIVE_INFINITY;
  private cuts = 0;
  private latencyCuts = 0;
  private readonly sends = new RecentTimes();
  private readonly oks = new RecentTimes();
  private answers = 0;
  private srtt: number | undefined;
  private minRtt = Number.POSITIVE_INFINITY;
  private probe: 'idle' | 'draining' | 'measuring' = 'idle';
  private nextProbeAt = 0;
  /** Drains begun: a drain's time limit ends only its own drain. */
  private drains = 0;
  private sleeping = false;
  /** A grant had to wait for its rate slot since the last success: the rate is what limits us. */
  private rateBound = false;

  constructor(
    private readonly ceiling: { readonly concurrency: number; readonly rate: number },
    private readonly clock: Clock,
  ) {
    this.window = ceiling.concurrency;
    this.rate = ceiling.rate;
  }

  snapshot(): PacerSnapshot {
    return {
      window: this.window,
      rate: this.rate,
      inFlight: this.inFlight,
      queued: this.queue.length,
      cuts: this.cuts,
      latencyCuts: this.latencyCuts,
      baseLatencyMs: Number.isFinite(this.minRtt) ? this.minRtt : undefined,
    };
  }

  /**
   * Wait for a slot. `ahead`: before every waiter that did not ask so — a domain-wide list the per-object
   * reads wait for (issue 15: the users' second page waited behind the first page's answer-rule reads).
   * The ceilings are the same for both.
   */
  acquire(ahead = false): Promise<Ticket> {
    return new Promise<Ticket>((resolve) => {
      if (ahead) this.queue.splice(this.ahead++, 0, resolve);
      else this.queue.push(resolve);
      this.pump();
    });
  }

  release(ticket: Ticket, outcome: Outcome): void {
    this.inFlight--;
    if (ticket.probe) {
      this.probe = 'idle';
      this.nextProbeAt = this.clock.now() + PROBE_EVERY_MS;
      if (outcome.kind === 'ok') this.minRtt = outcome.latencyMs;
    }
    if (outcome.kind === 'ok') this.onSuccess(outcome.latencyMs);
    else if (outcome.kind === 'throttled') this.onThrottle(ticket.sentAt, outcome.retryAfterMs);
    this.pump();
  }

  private slots(): number {
    if (this.probe === 'draining') return 0;
    if (this.probe === 'measuring') return 1;
    return Math.max(1, Math.floor(this.window));
  }

  private pump(): void {
    if (this.probe === 'draining' && this.inFlight === 0) this.probe = 'measuring';
    while (this.queue.length > 0 && this.inFlight < this.slots()) {
      const now = this.clock.now();
      const wait = Math.max(this.pausedUntil, this.nextSlot) - now;
      if (this.nextSlot > now) this.rateBound = true;
      if (wait > 0) {
        if (!this.sleeping) {
          this.sleeping = true;
          void this.clock.sleep(wait).then(() => {
            this.sleeping = false;
            this.pump();
          });
        }
        return;
      }
      this.inFlight++;
      const interval = Number.isFinite(this.rate) ? 1000 / this.rate : 0;
      // One slot of credit, so timers that fire late do not lower the pace below the rate.
      this.nextSlot = Math.max(now - interval, this.nextSlot) + interval;
      if (this.firstSendAt === undefined) this.firstSendAt = now;
      this.sends.add(now);
      if (this.ahead > 0) this.ahead--;
      this.queue.shift()?.({ sentAt: now, probe: this.probe === 'measuring' });
    }
  }

  /**
   * Lets the requests in flight drain for a probe, for at most about two round trips: a long request among
   * them (a list of thousands) would hold every other slot idle until it ends (0.4 s in a plan of 10,000
   * users, issue 15). Past that the drain is called off and tried again a second later.
   */
  private startDrain(now: number): void {
    this.probe = 'draining';
    const epoch = ++this.drains;
    const limit = Math.max(DRAIN_MIN_MS, 2 * (this.srtt ?? 0) + DRAIN_MIN_MS);
    setTimeout(() => {
      if (this.probe !== 'draining' || this.drains !== epoch) return;
      this.probe = 'idle';
      this.nextProbeAt = Math.max(this.nextProbeAt, now + limit + FIRST_PROBE_AFTER_MS);
      this.pump();
    }, limit).unref();
  }

  private onThrottle(sentAt: number, retryAfterMs: number | undefined): void {
    const now = this.clock.now();
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    // Sent at the old pace (that pace has been cut already), or too soon after the last cut.
    if (sentAt <= this.lastCut || now - this.lastCut < Math.max(1000, 2 * (this.srtt ?? 0))) return;
    // Per second over the history there is: a 429 among the first answers (a limit another client had used
    // up) came after a few dozen ms, and the two or three answers of those ms are not a rate per second —
    // taken as one, the pace fell to ~1 request/s and crawled back over tens of seconds (issue 15 bench).
    const seen = Math.min(1000, Math.max(now - (this.firstSendAt ?? now), 2 * (this.srtt ?? 0), MIN_HISTORY_MS));
    const sent = (this.sends.countSince(now - 1000) * 1000) / seen;
    const accepted = (this.oks.countSince(now - 1000) * 1000) / seen;
    // With a handful of requests a second there is no pace to cut; the pause and back-off do the work.
    if (sent >= 4) {
      const target = accepted > 0 ? Math.min(this.rate, accepted) * 0.9 : Math.min(this.rate, sent) * 0.5;
      this.rate = Math.max(MIN_RATE, target);
    }
    this.window = Math.max(1, this.window * 0.8);
    this.lastCut = now;
    this.cuts++;
  }

  private onSuccess(latencyMs: number): void {
    const now = this.clock.now();
    this.oks.add(now);
    if (this.answers++ === 0) this.nextProbeAt = now + FIRST_PROBE_AFTER_MS;
    this.srtt = this.srtt === undefined ? latencyMs : this.srtt * 0.875 + latencyMs * 0.125;
    this.minRtt = Math.min(this.minRtt, latencyMs);
    const probeDue = this.answers >= 2 * this.ceiling.concurrency && now >= this.nextProbeAt;
    if (this.probe === 'idle' && this.ceiling.concurrency > 1 && probeDue) this.startDrain(now);
    if (this.srtt > 2 * this.minRtt + LATENCY_SLACK_MS) {
      if (now - this.lastWindowCut > 2 * this.srtt) {
        this.window = Math.max(1, this.window * 0.8);
        this.lastWindowCut = now;
        this.cuts++;
        this.latencyCuts++;
      }
      return;
    }
    const demand = this.queue.length > 0 || this.rateBound;
    this.rateBound = false;
    if (!demand) return; // nothing waits on the current pace: nothing to learn
    this.window = Math.min(this.ceiling.concurrency, this.window + 1 / this.window);
    if (Number.isFinite(this.rate)) {
      const step = Math.max(0.5, 0.05 * this.rate) / Math.max(1, this.rate);
      this.rate = Math.min(this.ceiling.rate, this.rate + step);
    }
  }
}

/**
 * The time stamps of the last second or so, for "how many in the last second" (a throttling cut). A queue
 * with a moving head: each stamp is dropped once, so recording costs O(1) however fast requests go (issue 15:
 * the array re-filtered on every request above ~2,000 requests/s, 40 µs of client CPU per request).
 */
export class RecentTimes {
  private times: number[] = [];
  private head = 0;

  add(now: number): void {
    const t = this.times;
    t.push(now);
    let h = this.head;
    while (h < t.length && (t[h] as number) < now - 1000) h++;
    if (h > 1024 && h * 2 > t.length) {
      this.times = t.slice(h);
      h = 0;
    }
    this.head = h;
  }

  /** How many stamps are held (at most about a second's worth, plus one compaction's slack). */
  get held(): number {
    return this.times.length - this.head;
  }

  /** Stamps later than `since` (counted from the newest: the clock may have stepped back). */
  countSince(since: number): number {
    const t = this.times;
    let n = 0;
    for (let i = t.length - 1; i >= this.head && (t[i] as number) > since; i--) n++;
    return n;
  }
}
