/**
 * A delaying HTTP proxy for the benchmarks (issue 15): it sits in front of the emulator and holds every
 * request for `latencyMs` before forwarding it, so the code under test runs unchanged against what looks
 * like a distant server. With `limitPerSecond` it also plays a platform with an undocumented rate limit:
 * a request beyond that many in the last second is answered 429 (after the same delay) and not forwarded.
 * It records when each request arrived, for the request counts and the 429 convergence figure.
 */
import { Agent, type IncomingMessage, request, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyOptions {
  /** The emulator's base URL (its path is kept: the proxy forwards paths as they come). */
  readonly target: string;
  readonly latencyMs: number;
  /** Requests accepted per sliding second; beyond, 429. Unset: no limit. */
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

export async function startLatencyProxy(options: ProxyOptions): Promise<RunningProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  // Sub-millisecond times (the in-flight figure sums thousands of 20 ms spans).
  let started = performance.timeOrigin + performance.now();
  const stats: ProxyStats = { arrivals: [] };
  const accepted: number[] = [];
  const admit = (now: number): boolean => {
    if (!options.limitPerSecond) return true;
    while (accepted.length > 0 && (accepted[0] as number) <= now - 1000) accepted.shift();
    if (accepted.length >= options.limitPerSecond) return false;
    accepted.push(now);
    return true;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = performance.timeOrigin + performance.now();
      const ok = admit(now);
      const arrival: Arrival = { at: now - started, rejected: !ok, method: req.method ?? 'GET', path: req.url ?? '' };
      stats.arrivals.push(arrival);
      res.on('finish', () => {
        arrival.done = performance.timeOrigin + performance.now() - started;
      });
      setTimeout(() => {
        if (!ok) {
          res.writeHead(429, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 429, message: 'Too Many Requests' }));
          return;
        }
        forward(req, Buffer.concat(chunks), res);
      }, options.latencyMs);
    });
  });
  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse) => {
    const headers = { ...req.headers, host: target.host };
    const up = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    up.end(body);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, '')}`,
    stats,
    reset() {
      stats.arrivals.length = 0;
      started = performance.timeOrigin + performance.now();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
