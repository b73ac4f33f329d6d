/**
 * Small node:http servers for client tests: silent, trickling, cutting, lying, rate-limiting. Each records what
 * it received, closes every socket it holds on `close()`, and listens on 127.0.0.1 on a free port.
 */
import * as http from 'node:http';
import type { Socket } from 'node:net';

export interface Hit {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly at: number;
}

export interface HostileServer {
  /** `http://127.0.0.1:<port>/ns-api/v2` */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly hits: Hit[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, hit: Hit) => void | Promise<void>;

export async function hostileServer(handler: Handler): Promise<HostileServer> {
  const hits: Hit[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const hit: Hit = {
        method: req.method ?? 'GET',
        path: url.pathname.replace(/^\/ns-api\/v2/, ''),
        query: url.searchParams,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      hits.push(hit);
      void Promise.resolve(handler(req, res, hit)).catch(() => req.socket.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/ns-api/v2`,
    origin,
    port,
    hits,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Write `text` one byte every `everyMs`, headers first (content-length announced). */
export function trickle(res: http.ServerResponse, text: string, everyMs: number): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.flushHeaders();
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed || i >= text.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(text[i++]);
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/** Announce `text` whole, send its first half, then drop the connection. */
export function cutMidBody(req: http.IncomingMessage, res: http.ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.write(text.slice(0, Math.floor(text.length / 2)));
  setTimeout(() => req.socket.destroy(), 20);
}

/** Forward a request to `targetOrigin` and hand the answer to `reply` (which may lie about it). */
export function forward(
  targetOrigin: string,
  req: http.IncomingMessage,
  hit: Hit,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const out = http.request(
      `${targetOrigin}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(targetOrigin).host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () =>
          resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    out.on('error', reject);
    out.end(hit.body);
  });
}
