// The TCP-level delaying proxy of the benchmarks: every request is held for the latency once, as a whole
// (also on keep-alive connections and when pipelined), answers come back unchanged and in order, 429s take
// their place among them, and the figures (arrivals, ends of answers) are recorded.
import http from 'node:http';
import net from 'node:net';
import { Client, request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningProxy, startLatencyProxy } from './latency-proxy';

const LATENCY = 40;
const BIG = 'x'.repeat(1_500_000);

interface Seen {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

let upstream: http.Server;
let seen: Seen[];
let proxy: RunningProxy | undefined;

function answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const path = req.url ?? '';
  if (path === '/drop') return void req.socket.destroy();
  if (path === '/big') return void res.writeHead(200, { 'content-length': String(BIG.length) }).end(BIG);
  if (path === '/chunked') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('one,');
    setTimeout(() => res.end('two'), 5);
    return;
  }
  if (path === '/close') res.setHeader('connection', 'close');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path, body }));
}

beforeEach(async () => {
  seen = [];
  upstream = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push({ at: performance.now(), method: req.method ?? '', path: req.url ?? '', body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

async function start(limitPerSecond?: number): Promise<string> {
  const { port } = upstream.address() as net.AddressInfo;
  proxy = await startLatencyProxy({ target: `http://127.0.0.1:${port}/base`, latencyMs: LATENCY, limitPerSecond });
  return proxy.url.replace(/\/base$/, '');
}

/** Raw bytes on one connection; resolves with everything read until `until` matches or the peer closes. */
function raw(url: string, writes: Array<[number, string]>, until: (text: string) => boolean): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let text = '';
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1');
      if (until(text)) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    for (const [after, bytes] of writes) setTimeout(() => socket.write(bytes), after);
  });
}

const count = (text: string, what: string) => text.split(what).length - 1;

describe('latency proxy (TCP level)', () => {
  it('delays each request on a keep-alive connection once, passes answers unchanged, records the figures', async () => {
    const base = await start();
    expect(proxy?.url).toMatch(/\/base$/);
    const client = new Client(base);
    try {
      const t0 = performance.now();
      for (const path of ['/a', '/b?q=1', '/big', '/chunked']) {
        const res = await client.request({ path, method: 'GET' });
        const text = await res.body.text();
        if (path === '/big') expect(text).toBe(BIG);
        else if (path === '/chunked') expect(text).toBe('one,two');
        else expect(JSON.parse(text)).toEqual({ path, body: '' });
      }
      const posted = await client.request({ path: '/p', method: 'POST', body: '{"n":1}' });
      expect(await posted.body.json()).toEqual({ path: '/p', body: '{"n":1}' });
      expect(performance.now() - t0).toBeGreaterThanOrEqual(5 * LATENCY);
    } finally {
      await client.close();
    }
    const arrivals = proxy?.stats.arrivals ?? [];
    expect(arrivals.map((a) => `${a.method} ${a.path}`)).toEqual([
      'GET /a',
      'GET /b?q=1',
      'GET /big',
      'GET /chunked',
      'POST /p',
    ]);
    for (const a of arrivals) {
      expect(a.rejected).toBe(false);
      expect((a.done ?? 0) - a.at).toBeGreaterThanOrEqual(LATENCY - 1);
    }
    proxy?.reset();
    expect(proxy?.stats.arrivals).toEqual([]);
  });

  it('pipelined requests in one chunk are delayed one by one and answered in order', async () => {
    const base = await start();
    const get = (path: string) => `GET ${path} HTTP/1.1\r\nhost: x\r\n\r\n`;
    const post = `POST /p HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\n\r\nhello`;
    const t0 = performance.now();
    const text = await raw(base, [[0, get('/1') + post + get('/2')]], (t) => count(t, 'HTTP/1.1 200') === 3);
    expect(count(text, 'HTTP/1.1 200')).toBe(3);
    expect(text.indexOf('"/1"')).toBeLessThan(text.indexOf('"/p"'));
    expect(text.indexOf('"/p"')).toBeLessThan(text.indexOf('"/2"'));
    expect(seen.map((s) => [s.path, s.body])).toEqual([
      ['/1', ''],
      ['/p', 'hello'],
      ['/2', ''],
    ]);
    for (const s of seen) expect(s.at - t0).toBeGreaterThanOrEqual(LATENCY - 1);
    expect(proxy?.stats.arrivals).toHaveLength(3);
  });

  it('a request sent in pieces is held from its last byte, not from its first', async () => {
    const base = await start();
    const t0 = performance.now();
    const head = 'POST /slow HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\n\r\nab';
    const text = await raw(
      base,
      [
        [0, head],
        [60, 'cd'],
      ],
      (t) => t.includes('"/slow"'),
    );
    expect(text).toContain('"body":"abcd"');
    expect((seen[0]?.at ?? 0) - t0).toBeGreaterThanOrEqual(60 + LATENCY - 1);
  });

  it('beyond the limit per second: 429 after the same delay, in its place, not forwarded', async () => {
    const base = await start(2);
    const get = (path: string) => `GET ${path} HTTP/1.1\r\nhost: x\r\n\r\n`;
    const text = await raw(
      base,
      [[0, get('/1') + get('/2') + get('/3') + get('/4')]],
      (t) => count(t, 'HTTP/1.1 ') === 4,
    );
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
    expect(statuses).toEqual(['200', '200', '429', '429']);
    expect(text).toContain('{"code":429,"message":"Too Many Requests"}');
    expect(seen.map((s) => s.path)).toEqual(['/1', '/2']);
    expect(proxy?.stats.arrivals.map((a) => a.rejected)).toEqual([false, false, true, true]);
  });

  it('an upstream that drops the connection drops the client; one closing when idle is reopened', async () => {
    const base = await start();
    await expect(request(`${base}/drop`)).rejects.toThrow();
    const text = await raw(
      base,
      [
        [0, 'GET /close HTTP/1.1\r\nhost: x\r\n\r\n'],
        [0, ''],
      ],
      () => false,
    );
    // `connection: close` from upstream: the answer, then the client's connection ends too.
    expect(text).toContain('"/close"');
    const client = new Client(base);
    try {
      expect((await client.request({ path: '/x', method: 'GET' })).statusCode).toBe(200);
      // The upstream side closes while idle (its keep-alive timeout): the client's connection carries on.
      upstream.closeIdleConnections();
      await new Promise((r) => setTimeout(r, 20));
      const again = await client.request({ path: '/y', method: 'GET' });
      expect(await again.body.json()).toEqual({ path: '/y', body: '' });
    } finally {
      await client.close();
    }
  });
});
