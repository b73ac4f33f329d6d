/**
 * The benchmarks' delaying proxy (issue 15), at the TCP level: it sits in front of the emulator and holds every
 * request for `latencyMs` from when it was received whole, then forwards its bytes unchanged, so the code under
 * test runs against what looks like a distant server. One upstream connection per client connection; the
 * only parsing is where each message ends (bench/http-framing.ts), so a request is delayed once as a whole —
 * per request, never per chunk, also on keep-alive connections and for pipelined requests — and answers pass
 * through as they come. The HTTP-level proxy it replaces (bench/latency-proxy-http.ts) cost the server
 * process ~1.4 ms of CPU per request for its own HTTP hop.
 * With `limitPerSecond` it plays a platform with an undocumented rate limit: a request beyond that many in
 * the last second is answered 429 (after the same delay, in its place among the connection's answers) and
 * not forwarded. It records each request's arrival and the end of its answer (bench/proxy-stats.ts).
 * Not relayed: `Expect: 100-continue` (the body is awaited before anything is forwarded, so such a client
 * waits out its own expect timeout) and protocol upgrades; neither pbxctl nor Terraform's provider sends them.
 */
import net from 'node:net';
import { type MessageHead, MessageFramer, requestBodyMode, responseBodyMode } from './http-framing';
import {
  type Arrival,
  clock,
  type ProxyOptions,
  type ProxyStats,
  type RunningProxy,
  slidingLimit,
} from './proxy-stats';

export type { Arrival, ProxyOptions, ProxyStats, RunningProxy } from './proxy-stats';

const TOO_MANY = (() => {
  const body = JSON.stringify({ code: 429, message: 'Too Many Requests' });
  return Buffer.from(
    `HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: keep-alive\r\n\r\n${body}`,
  );
})();

/** One request on a client connection, until its answer has been written back. */
interface Exchange {
  readonly arrival: Arrival;
  readonly method: string;
  /** Answer bytes held while an earlier exchange's answer is still being written. */
  readonly held: Buffer[];
  /** Its answer is whole (in `held`, or written). */
  complete: boolean;
}

interface Shared {
  readonly host: string;
  readonly port: number;
  readonly latencyMs: number;
  admit: (now: number) => boolean;
  readonly record: (arrival: Omit<Arrival, 'at'> & { at: number }) => Arrival;
  readonly finished: (arrival: Arrival) => void;
}

/** Relays one client connection: requests delayed whole, answers in request order. */
class Relay {
  /** Every exchange whose answer is not written yet, in request order (forwarded or turned away). */
  private readonly answers: Exchange[] = [];
  /** Forwarded exchanges awaiting their upstream answer, in order. */
  private readonly awaiting: Exchange[] = [];
  private upstream: net.Socket | undefined;
  private timers = 0;
  private closed = false;
  private lastAnswerCloses = false;
  private pieces: Buffer[] = [];
  private readonly requests = new MessageFramer(requestBodyMode, (piece, head, end) => {
    this.pieces.push(piece);
    if (!end || !head) return;
    const bytes = this.pieces.length === 1 ? (this.pieces[0] as Buffer) : Buffer.concat(this.pieces);
    this.pieces = [];
    this.received(head, bytes);
  });
  private readonly responses = new MessageFramer(
    (head) => responseBodyMode(head, this.awaiting[0]?.method),
    (piece, head, end) => this.answered(piece, head, end),
  );

  constructor(
    private readonly client: net.Socket,
    private readonly s: Shared,
  ) {
    client.setNoDelay(true);
    client.on('data', (chunk: Buffer) => this.feed(this.requests, chunk));
    client.on('end', () => this.drain());
    client.on('error', () => this.shut());
    client.on('close', () => this.shut());
  }

  private feed(framer: MessageFramer, chunk: Buffer): void {
    try {
      framer.push(chunk);
    } catch {
      // Not HTTP/1.1 framing: nothing sensible can be relayed.
      this.shut();
    }
  }

  private shut(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.destroy();
    this.upstream?.destroy();
  }

  /** A whole request: recorded now, forwarded (or turned away) after the latency. */
  private received(head: MessageHead, bytes: Buffer): void {
    const now = clock();
    const ok = this.s.admit(now);
    const method = head.method ?? 'GET';
    const arrival = this.s.record({ at: now, rejected: !ok, method, path: head.target ?? '' });
    const exchange: Exchange = { arrival, method, held: [], complete: false };
    this.answers.push(exchange);
    this.timers++;
    setTimeout(() => {
      this.timers--;
      if (this.closed) return;
      if (!ok) {
        this.deliver(exchange, TOO_MANY, true);
        return;
      }
      this.upstream ??= this.connectUpstream();
      this.awaiting.push(exchange);
      this.upstream.write(bytes);
    }, this.s.latencyMs);
  }

  /** A piece of an upstream answer, for the oldest forwarded exchange. */
  private answered(piece: Buffer, head: MessageHead | undefined, end: boolean): void {
    const exchange = this.awaiting[0];
    if (!exchange) {
      // An answer nobody asked for: the stream is out of step.
      this.shut();
      return;
    }
    // An interim answer (100 Continue) is passed on; the exchange waits for its final one.
    const final = end && (head?.status ?? 200) >= 200;
    if (final) {
      this.awaiting.shift();
      // A close-framed body ends with the connection, which the client must see as well.
      this.lastAnswerCloses = !head || head.close || responseBodyMode(head, exchange.method) === 'close';
    }
    this.deliver(exchange, piece, final);
  }

  private connectUpstream(): net.Socket {
    const up = net.connect({ host: this.s.host, port: this.s.port, noDelay: true });
    up.on('data', (chunk: Buffer) => this.feed(this.responses, chunk));
    up.on('error', () => this.shut());
    up.on('close', () => {
      if (this.upstream === up) this.upstream = undefined;
      this.responses.end();
      // Closed with answers owed (a dropped connection): the client sees it dropped too. Closed idle after
      // an answer that announced it: the client is told the same way. Closed idle (keep-alive timeout):
      // the next request opens a new connection.
      if (this.awaiting.length > 0) this.shut();
      else if (this.lastAnswerCloses) this.client.end();
    });
    return up;
  }

  private write(exchange: Exchange, bytes: Buffer, last: boolean): void {
    if (last) this.client.write(bytes, () => this.s.finished(exchange.arrival));
    else this.client.write(bytes);
  }

  /** Written at once when its exchange is the oldest unanswered one, else held until it is. */
  private deliver(exchange: Exchange, piece: Buffer, last: boolean): void {
    if (this.answers[0] !== exchange) {
      exchange.held.push(piece);
      if (last) exchange.complete = true;
      return;
    }
    this.write(exchange, piece, last);
    if (!last) return;
    exchange.complete = true;
    this.answers.shift();
    this.drain();
  }

  /** Writes what the oldest unanswered exchange holds; moves on while answers are whole. */
  private drain(): void {
    while (this.answers.length > 0) {
      const head = this.answers[0] as Exchange;
      const held = head.held.splice(0);
      for (let i = 0; i < held.length; i++) this.write(head, held[i] as Buffer, head.complete && i === held.length - 1);
      if (!head.complete) return;
      this.answers.shift();
    }
    if (this.client.readableEnded && this.timers === 0 && this.awaiting.length === 0) {
      this.client.end();
      this.upstream?.end();
    }
  }
}

export async function startLatencyProxy(options: ProxyOptions): Promise<RunningProxy> {
  const target = new URL(options.target);
  let started = clock();
  const stats: ProxyStats = { arrivals: [] };
  const shared: Shared = {
    host: target.hostname,
    port: Number(target.port),
    latencyMs: options.latencyMs,
    admit: slidingLimit(options.limitPerSecond),
    record: (a) => {
      const arrival: Arrival = { ...a, at: a.at - started };
      stats.arrivals.push(arrival);
      return arrival;
    },
    finished: (arrival) => {
      arrival.done = clock() - started;
    },
  };
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new Relay(socket, shared);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, '')}`,
    stats,
    reset() {
      stats.arrivals.length = 0;
      started = clock();
      // A fresh run is a fresh second: the warm-up's requests must not use up the injected limit.
      shared.admit = slidingLimit(options.limitPerSecond);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
