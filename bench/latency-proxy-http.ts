/**
 * The first delaying proxy of the benchmarks, at the HTTP level (node:http server + agent): kept for A/B
 * comparisons with the TCP-level one (bench/latency-proxy.ts, the default; `PBXCTL_BENCH_PROXY=http`
 * selects this one in bench/server-thread.ts). Same semantics: every request is held for `latencyMs` from
 * when it was received whole, then forwarded; with `limitPerSecond` a request beyond that many in the last
 * second is answered 429 after the same delay and not forwarded. Its own HTTP hop cost ~1.4 ms of server
 * CPU per request with the emulator (session 4).
 */
import { Agent, type IncomingMessage, request, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Arrival, type ProxyOptions, type ProxyStats, type RunningProxy, slidingLimit } from './proxy-stats';

export async function startHttpLatencyProxy(options: ProxyOptions): Promise<RunningProxy> {
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  // Sub-millisecond times (the in-flight figure sums thousands of 20 ms spans).
  let started = performance.timeOrigin + performance.now();
  const stats: ProxyStats = { arrivals: [] };
  let admit = slidingLimit(options.limitPerSecond);
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
      admit = slidingLimit(options.limitPerSecond);
      started = performance.timeOrigin + performance.now();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
