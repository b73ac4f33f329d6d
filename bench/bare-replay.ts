/**
 * The harness's own floor for the plan figure (issue 15, must-show 1): the very requests a plan sent, replayed
 * by undici alone — the same kind of connection pool as the client's (one socket per slot, keep-alive), 8 at a
 * time, in the plan's order, each answer read whole and parsed, nothing else — through the same delaying proxy
 * to the same emulator, in a fresh process (cold, as the plan is). What it takes above the floor (requests ÷ 8
 * × latency) is the harness and the machine: the proxy's timers, the emulator's answers, loopback, undici.
 * What the plan takes above the replay is the client's own: pacing, decoding, the plan, and the wait for the
 * users' list before their answer-rule reads (the replay needs no answer to send the next request).
 * Run as a child of bench/network.ts (`fork`), which sends the requests and gets the result back by IPC.
 */
import { Agent } from 'undici';

export interface ReplayRequest {
  readonly method: string;
  /** Path and query, as the proxy received it. */
  readonly path: string;
}

export interface ReplayInput {
  /** Scheme, host and port of the proxy. */
  readonly origin: string;
  readonly requests: readonly ReplayRequest[];
  readonly concurrency: number;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ReplayResult {
  /** From the first request to the last answer read, in this process. */
  readonly wallMs: number;
  readonly sent: number;
  /** Answers with a status of 400 or more (a replay that fails is not a floor). */
  readonly failed: number;
  /** The most requests that were ever open at once (never above `concurrency`). */
  readonly maxOpen: number;
}

/** Replays `requests` in order, `concurrency` at a time, on one keep-alive pool; every answer read and parsed. */
export async function replay(input: ReplayInput): Promise<ReplayResult> {
  const agent = new Agent({ connections: input.concurrency, keepAliveTimeout: 10_000 });
  let next = 0;
  let open = 0;
  let maxOpen = 0;
  let failed = 0;
  const lane = async () => {
    for (let i = next++; i < input.requests.length; i = next++) {
      const r = input.requests[i] as ReplayRequest;
      open++;
      maxOpen = Math.max(maxOpen, open);
      try {
        const res = await agent.request({
          origin: input.origin,
          method: r.method,
          path: r.path,
          headers: input.headers,
        });
        const text = await res.body.text();
        if (res.statusCode >= 400) failed++;
        else if (text.trim() !== '') JSON.parse(text);
      } finally {
        open--;
      }
    }
  };
  const t0 = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, lane));
    return { wallMs: performance.now() - t0, sent: input.requests.length, failed, maxOpen };
  } finally {
    await agent.close();
  }
}

/** A child of bench/network.ts: the input comes by IPC (it holds the API key: never in a file), the result goes back. */
if (require.main === module && process.send) {
  process.once('message', (input: ReplayInput) => {
    replay(input).then(
      (r) => process.send?.({ ok: r }, () => process.disconnect()),
      (err: unknown) =>
        process.send?.({ error: err instanceof Error ? err.message : String(err) }, () => process.disconnect()),
    );
  });
}
