/**
 * What the benchmarks' delaying proxies (bench/latency-proxy.ts at the TCP level, bench/latency-proxy-http.ts
 * at the HTTP level) take and report: every request's arrival and the end of its answer, for the request
 * counts, the in-flight and per-request figures and the 429 convergence figure.
 */

export interface ProxyOptions {
  /** The emulator's base URL (its path is kept: the proxy forwards paths as they come). */
  readonly target: string;
  /** Each request is held this long from when it was received whole, then forwarded. */
  readonly latencyMs: number;
  /** Requests accepted per sliding second; beyond, 429 (after the same delay, not forwarded). Unset: no limit. */
  readonly limitPerSecond?: number;
}

export interface ProxyStats {
  /**
   * Arrival time (ms since start) of every request (its body read), when its answer was finished (`done`,
   * ms since start; unset while open), and whether it was turned away with 429.
   */
  readonly arrivals: Arrival[];
}

export interface Arrival {
  readonly at: number;
  done?: number;
  readonly rejected: boolean;
  readonly method: string;
  readonly path: string;
}

export interface RunningProxy {
  /** The base URL to give the client (the target's, with the proxy's host and port). */
  readonly url: string;
  readonly stats: ProxyStats;
  reset(): void;
  close(): Promise<void>;
}

/** `admit(now)`: false for a request beyond `limitPerSecond` accepted in the last second (always true without one). */
export function slidingLimit(limitPerSecond: number | undefined): (now: number) => boolean {
  const accepted: number[] = [];
  let first = 0;
  return (now) => {
    if (!limitPerSecond) return true;
    while (first < accepted.length && (accepted[first] as number) <= now - 1000) first++;
    if (first > 1024) {
      accepted.splice(0, first);
      first = 0;
    }
    if (accepted.length - first >= limitPerSecond) return false;
    accepted.push(now);
    return true;
  };
}

/** Milliseconds, sub-millisecond precision (the in-flight figure sums thousands of 20 ms spans). */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}
