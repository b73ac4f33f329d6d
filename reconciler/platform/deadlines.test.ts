import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformConnectionError, PlatformTimeoutError } from '../errors';
import { NetSapiensClient } from './client';
import { DEFAULT_DEADLINES, resolveSettings } from './settings';
import { type HostileServer, hostileServer, sendJson, trickle } from './test-support/hostile-server';

const KEY = 'nsd_deadline_test_key';
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

async function server(handler: Parameters<typeof hostileServer>[0]): Promise<HostileServer> {
  const s = await hostileServer(handler);
  open.push(s);
  return s;
}
function client(baseUrl: string, extra: Partial<ConstructorParameters<typeof NetSapiensClient>[0]> = {}) {
  const c = new NetSapiensClient({ baseUrl, apiKey: KEY, env: {}, ...extra });
  open.push(c);
  return c;
}
async function timed<T>(p: Promise<T>): Promise<{ err: unknown; ms: number }> {
  const t0 = Date.now();
  const err = await p.then(
    () => undefined,
    (e) => e,
  );
  return { err, ms: Date.now() - t0 };
}

describe('deadlines', () => {
  it('a server that trickles a byte every 5 s fails at the DEFAULT settings in ~10 s, typed and on one line', async () => {
    const s = await server((_req, res) =>
      trickle(res, JSON.stringify({ domain: 'slow.example.com', pad: 'x'.repeat(50) }), 5000),
    );
    const { err, ms } = await timed(client(s.url).getDomain('slow.example.com'));
    expect(err).toBeInstanceOf(PlatformTimeoutError);
    expect((err as PlatformTimeoutError).phase).toBe('slow-body');
    expect((err as Error).message).toMatch(/the response trickled .*PBXCTL_TIMEOUT_IDLE/);
    expect((err as Error).message).not.toContain('\n');
    expect(ms).toBeGreaterThanOrEqual(DEFAULT_DEADLINES.idleMs - 100);
    expect(ms).toBeLessThan(DEFAULT_DEADLINES.idleMs + 4000);
    // Not retried: a server that slow once is not asked again and again within one run.
    expect(s.hits).toHaveLength(1);
  }, 30_000);

  it('a silent server ends at the headers deadline (env override PBXCTL_TIMEOUT_HEADERS)', async () => {
    const s = await server(() => {});
    const c = client(s.url, { env: { PBXCTL_TIMEOUT_HEADERS: '1' } });
    const { err, ms } = await timed(c.getDomain('silent.example.com'));
    expect(err).toBeInstanceOf(PlatformTimeoutError);
    expect((err as PlatformTimeoutError).phase).toBe('headers');
    expect((err as Error).message).toMatch(
      /^127\.0\.0\.1:\d+: no response headers within 1 s \(GET \/domains\/silent\.example\.com\) — hint: .*PBXCTL_TIMEOUT_HEADERS/,
    );
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(3000);
  });

  it('a body that stalls mid-stream ends at the idle deadline', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"domain":');
    });
    const { err, ms } = await timed(client(s.url, { deadlines: { idleMs: 800 } }).getDomain('stall.example.com'));
    expect((err as PlatformTimeoutError).phase).toBe('idle');
    expect(ms).toBeLessThan(2500);
  });

  it('the whole exchange has a deadline, and so does the whole run', async () => {
    const s = await server((_req, res) => trickle(res, JSON.stringify({ domain: 'x', pad: 'y'.repeat(400) }), 5));
    const slow = await timed(client(s.url, { deadlines: { requestMs: 700 } }).getDomain('x'));
    expect((slow.err as PlatformTimeoutError).phase).toBe('request');
    expect(slow.ms).toBeLessThan(2000);
    const quick = await server((_req, res) => void setTimeout(() => sendJson(res, 200, { domain: 'q' }), 300));
    const c = client(quick.url, { deadlines: { runMs: 1000 } });
    const started = Date.now();
    let err: unknown;
    for (let i = 0; i < 10 && !err; i++)
      err = await c.getDomain('q').then(
        () => undefined,
        (e) => e,
      );
    expect((err as PlatformTimeoutError).phase).toBe('run');
    expect((err as Error).message).toMatch(/PBXCTL_TIMEOUT_RUN/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('an answer larger than the response limit ends as too-large, mid-stream, on one line', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`[${'"x",'.repeat(400)}`);
      // The rest never comes: the client must stop on the size, not wait for the end.
    });
    const c = client(s.url, { maxResponseBytes: 1000, sleep: async () => {} });
    const { err, ms } = await timed(c.getDomain('big.example.com'));
    expect(err).toBeInstanceOf(PlatformConnectionError);
    expect((err as PlatformConnectionError).problem).toBe('too-large');
    expect((err as Error).message).toMatch(/response larger than 1000 bytes \(GET \/domains\/big\.example\.com\)/);
    expect((err as Error).message).not.toContain('\n');
    expect(ms).toBeLessThan(DEFAULT_DEADLINES.idleMs);
  });

  it('a TLS handshake that never completes ends at the connect deadline', async () => {
    const sockets: net.Socket[] = [];
    const tcp = net.createServer((sock) => void sockets.push(sock));
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    open.push({
      close: () => {
        for (const sock of sockets) sock.destroy();
        return new Promise<void>((r) => tcp.close(() => r()));
      },
    });
    const port = (tcp.address() as net.AddressInfo).port;
    const c = client(`https://127.0.0.1:${port}/ns-api/v2`, { env: { PBXCTL_TIMEOUT_CONNECT: '1' } });
    const { err, ms } = await timed(c.getDomain('tls.example.com'));
    expect(err).toBeInstanceOf(PlatformTimeoutError);
    expect((err as PlatformTimeoutError).phase).toBe('connect');
    expect(sockets).toHaveLength(2); // asked once more (nothing was sent), then given up
    expect(ms).toBeLessThan(8000);
  });
});

describe('settings', () => {
  it('reads PBXCTL_* overrides in seconds and refuses nonsense, naming the variable', () => {
    const s = resolveSettings({}, { PBXCTL_TIMEOUT_IDLE: '2.5', PBXCTL_TIMEOUT_RUN: '0', PBXCTL_CONCURRENCY: '3' });
    expect(s.deadlines.idleMs).toBe(2500);
    expect(s.deadlines.runMs).toBe(0);
    expect(s.concurrency).toBe(3);
    expect(s.rate).toBe(Number.POSITIVE_INFINITY);
    expect(() => resolveSettings({}, { PBXCTL_TIMEOUT_HEADERS: 'soon' })).toThrow(/PBXCTL_TIMEOUT_HEADERS="soon"/);
    expect(() => resolveSettings({}, { PBXCTL_TIMEOUT_CONNECT: '0' })).toThrow(/PBXCTL_TIMEOUT_CONNECT must be more/);
    // Explicit options (the CLI's flags) win over the environment.
    expect(resolveSettings({ deadlines: { idleMs: 700 } }, { PBXCTL_TIMEOUT_IDLE: '9' }).deadlines.idleMs).toBe(700);
  });
});
