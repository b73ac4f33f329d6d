/**
 * Adaptive pacing (AIMD). NetSapiens documents no rate limits, so the client starts at its concurrency ceiling
 * with NO rate cap and learns from the platform:
 * - a 429 or 503 (throttling) cuts the rate to 60 % of what was actually sent in the last second, and the
 *   concurrency window to 70 %; `Retry-After` pauses every request until it has passed. Only a response to a
 *   request sent after the previous cut counts, so one burst of 429s is one cut, not many.
 * - latency that climbs well above the best seen (over 2 × the minimum + 20 ms, smoothed) cuts the window to
 *   80 %, at most once per two round trips: the server is queueing our requests.
 * - while requests are waiting, each success raises the rate by 5 % (at least 0.5 requests/s) per second and the
 *   window by about one per round trip: recovery is slow, additive in the window and gentle in the rate.
 * `PBXCTL_CONCURRENCY` and `PBXCTL_RATE` are ceilings; pacing never goes above them.
 * Why: a healthy platform is never slowed (no cap until it pushes back), and one with an undocumented limit
 * sees a polite client within a few cuts.
 */

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
}

const MIN_RATE = 0.2;

export class AdaptivePacer {
  private window: number;
  private rate: number;
  private inFlight = 0;
  private readonly queue: Array<(sentAt: number) => void> = [];
  private nextSlot = 0;
  private pausedUntil = 0;
  private lastCut = Number.NEGATIVE_INFINITY;
  private lastWindowCut = Number.NEGATIVE_INFINITY;
  private cuts = 0;
  private sends: number[] = [];
  private srtt: number | undefined;
  private minRtt = Number.POSITIVE_INFINITY;
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
    };
  }

  /** Wait for a slot; resolves with the send time to hand back to `release`. */
  acquire(): Promise<number> {
    return new Promise<number>((resolve) => {
      this.queue.push(resolve);
      this.pump();
    });
  }

  release(sentAt: number, outcome: Outcome): void {
    this.inFlight--;
    if (outcome.kind === 'ok') this.onSuccess(outcome.latencyMs);
    else if (outcome.kind === 'throttled') this.onThrottle(sentAt, outcome.retryAfterMs);
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < Math.max(1, Math.floor(this.window))) {
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
      this.nextSlot = Math.max(now, this.nextSlot) + interval;
      this.recordSend(now);
      this.queue.shift()?.(now);
    }
  }

  private recordSend(now: number): void {
    this.sends.push(now);
    if (this.sends.length > 4096 || this.sends[0] < now - 2000) {
      this.sends = this.sends.filter((t) => t >= now - 1000);
    }
  }

  private sentInLastSecond(now: number): number {
    let n = 0;
    for (let i = this.sends.length - 1; i >= 0 && this.sends[i] > now - 1000; i--) n++;
    return n;
  }

  private onThrottle(sentAt: number, retryAfterMs: number | undefined): void {
    const now = this.clock.now();
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    if (sentAt <= this.lastCut) return; // sent at the old pace: that pace has been cut already
    const measured = this.sentInLastSecond(now);
    // With a handful of requests a second there is no pace to cut; the pause and back-off do the work.
    if (measured >= 4) this.rate = Math.max(MIN_RATE, Math.min(this.rate, measured) * 0.6);
    this.window = Math.max(1, this.window * 0.7);
    this.lastCut = now;
    this.cuts++;
  }

  private onSuccess(latencyMs: number): void {
    const now = this.clock.now();
    this.srtt = this.srtt === undefined ? latencyMs : this.srtt * 0.875 + latencyMs * 0.125;
    // The best latency drifts slowly toward the current one, so a lasting change of route is accepted.
    this.minRtt = Math.min(latencyMs, this.minRtt + (this.srtt - Math.min(this.minRtt, this.srtt)) * 0.002);
    const congested = this.srtt > 2 * this.minRtt + 20;
    if (congested) {
      if (now - this.lastWindowCut > 2 * this.srtt) {
        this.window = Math.max(1, this.window * 0.8);
        this.lastWindowCut = now;
        this.cuts++;
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
