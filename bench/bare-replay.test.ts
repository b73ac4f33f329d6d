// The harness floor's replay (bench/bare-replay.ts): every request once, in order, never more than the
// concurrency open at the server, each answer read whole; error answers are counted, not hidden.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { replay } from './bare-replay';

let server: http.Server | undefined;

afterEach(async () => {
  const s = server;
  server = undefined;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** A server that answers after `delayMs`, recording the order of arrival and the most requests open at once. */
async function start(delayMs: number) {
  const seen: Array<{ method: string; path: string; auth: string | undefined }> = [];
  let open = 0;
  let maxOpen = 0;
  const sockets = new Set<unknown>();
  server = http.createServer((req, res) => {
    sockets.add(req.socket);
    seen.push({ method: req.method ?? '', path: req.url ?? '', auth: req.headers.authorization });
    open++;
    maxOpen = Math.max(maxOpen, open);
    setTimeout(() => {
      open--;
      if (req.url?.startsWith('/missing')) res.writeHead(404, { 'content-type': 'application/json' });
      else res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ path: req.url, pad: 'x'.repeat(20_000) }));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, seen, maxOpen: () => maxOpen, sockets };
}

describe('bare replay', () => {
  it('sends each request once, in order, at most `concurrency` open, on kept-alive sockets', async () => {
    const s = await start(15);
    const requests = Array.from({ length: 40 }, (_, i) => ({ method: 'GET', path: `/r/${i}?q=${i}` }));
    const r = await replay({ origin: s.origin, requests, concurrency: 4, headers: { authorization: 'Bearer k' } });
    expect(s.seen.map((x) => x.path)).toEqual(requests.map((x) => x.path));
    expect(s.seen.every((x) => x.auth === 'Bearer k')).toBe(true);
    expect(s.maxOpen()).toBe(4);
    expect(r.maxOpen).toBe(4);
    expect(r).toMatchObject({ sent: 40, failed: 0 });
    // 40 requests, 4 at a time, 15 ms each: at least 10 rounds.
    expect(r.wallMs).toBeGreaterThanOrEqual(10 * 15 - 5);
    expect(s.sockets.size).toBeLessThanOrEqual(4);
  });

  it('counts error answers', async () => {
    const s = await start(1);
    const requests = [
      { method: 'GET', path: '/a' },
      { method: 'GET', path: '/missing/1' },
      { method: 'GET', path: '/missing/2' },
    ];
    const r = await replay({ origin: s.origin, requests, concurrency: 2, headers: {} });
    expect(r).toMatchObject({ sent: 3, failed: 2 });
  });
});
