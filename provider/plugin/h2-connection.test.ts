/**
 * The HTTP/2 layer (h2-connection.ts) under the gRPC server against a raw client written here frame by
 * frame: flow control both ways, frame sizes, CONTINUATION, padding, concurrent streams, resets, malformed
 * input and shutdown — what grpc-js and node:http2 clients (grpc-server.test.ts) never send.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Codec, frameMessage, type Method, type StreamCall } from './grpc-protocol';
import { listenGrpc, type RunningGrpcServer } from './grpc-server';
import { encodeHeaderBlock, HpackDecoder } from './hpack';

const DATA = 0;
const HEADERS = 1;
const PRIORITY = 2;
const RST_STREAM = 3;
const SETTINGS = 4;
const PING = 6;
const GOAWAY = 7;
const WINDOW_UPDATE = 8;
const CONTINUATION = 9;
const END_STREAM = 1;
const END_HEADERS = 4;
const PADDED = 8;
const PRIORITY_FLAG = 0x20;

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

interface Frame {
  type: number;
  flags: number;
  id: number;
  payload: Buffer;
}

const bytes: Codec = { decode: (b) => Buffer.from(b), encode: (v) => v as Uint8Array };

/** Test methods: echo, a response of the requested size, a server stream that writes on demand. */
function methods(streams: StreamCall[]): Map<string, Method> {
  return new Map<string, Method>([
    ['/t.T/Echo', { kind: 'unary', request: bytes, response: bytes, handler: (c, cb) => cb(null, c.request) }],
    [
      '/t.T/Sized',
      {
        kind: 'unary',
        request: bytes,
        response: bytes,
        handler: (c, cb) => {
          const n = (c.request as Buffer).readUInt32BE(0);
          const out = Buffer.alloc(n);
          for (let i = 0; i < n; i++) out[i] = i % 251;
          cb(null, out);
        },
      },
    ],
    [
      '/t.T/Slow',
      {
        kind: 'unary',
        request: bytes,
        response: bytes,
        handler: (c, cb) => setTimeout(() => cb(null, c.request), 200),
      },
    ],
    ['/t.T/Watch', { kind: 'server-stream', request: bytes, response: bytes, handler: (c) => streams.push(c) }],
  ]);
}

const running: RunningGrpcServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(running.splice(0).map((r) => r.shutdown(100)));
});

let counter = 0;
async function start(): Promise<{ path: string; streams: StreamCall[]; server: RunningGrpcServer }> {
  const path = join(tmpdir(), `pbxctl-h2-${process.pid}-${counter++}.sock`);
  const streams: StreamCall[] = [];
  const server = await listenGrpc({ methods: methods(streams) }, path);
  running.push(server);
  return { path, streams, server };
}

function encodeFrame(type: number, flags: number, id: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const h = Buffer.alloc(9);
  h.writeUIntBE(payload.length, 0, 3);
  h[3] = type;
  h[4] = flags;
  h.writeUInt32BE(id, 5);
  return Buffer.concat([h, payload]);
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const settings = (pairs: [number, number][]) =>
  Buffer.concat(
    pairs.map(([k, v]) => {
      const b = Buffer.alloc(6);
      b.writeUInt16BE(k, 0);
      b.writeUInt32BE(v, 2);
      return b;
    }),
  );

const requestBlock = (path: string) =>
  encodeHeaderBlock([
    [':method', 'POST'],
    [':scheme', 'http'],
    [':path', path],
    [':authority', 'localhost'],
    ['content-type', 'application/grpc'],
    ['te', 'trailers'],
  ]);

class RawClient {
  readonly frames: Frame[] = [];
  private buf = Buffer.alloc(0);
  private wake: (() => void) | undefined;
  ended = false;
  readonly decoder = new HpackDecoder();

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      while (this.buf.length >= 9) {
        const length = this.buf.readUIntBE(0, 3);
        if (this.buf.length < 9 + length) break;
        this.frames.push({
          type: this.buf[3] as number,
          flags: this.buf[4] as number,
          id: this.buf.readUInt32BE(5) & 0x7fffffff,
          payload: Buffer.from(this.buf.subarray(9, 9 + length)),
        });
        this.buf = this.buf.subarray(9 + length);
      }
      this.wake?.();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake?.();
    });
    socket.on('error', () => {});
  }

  static async open(path: string, initial: [number, number][] = [], preface = true): Promise<RawClient> {
    const socket = netConnect(path);
    sockets.push(socket);
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const c = new RawClient(socket);
    if (preface) {
      c.write(Buffer.concat([PREFACE, encodeFrame(SETTINGS, 0, 0, settings(initial))]));
      await c.next((f) => f.type === SETTINGS && f.flags === 1);
    }
    return c;
  }

  write(b: Buffer): void {
    this.socket.write(b);
  }
  send(type: number, flags: number, id: number, payload?: Buffer): void {
    this.write(encodeFrame(type, flags, id, payload));
  }
  request(id: number, path: string, message?: Buffer, end = true): void {
    this.send(HEADERS, END_HEADERS | (message === undefined && end ? END_STREAM : 0), id, requestBlock(path));
    if (message !== undefined) this.send(DATA, end ? END_STREAM : 0, id, frameMessage(message));
  }

  /** Waits for (and removes) the first frame matching `pred`. */
  async next(pred: (f: Frame) => boolean, timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.frames.findIndex(pred);
      if (i >= 0) return this.frames.splice(i, 1)[0] as Frame;
      if (this.ended) throw new Error('connection closed');
      if (Date.now() > deadline) throw new Error('timed out waiting for a frame');
      await new Promise<void>((r) => {
        this.wake = r;
        setTimeout(r, 50);
      });
    }
  }

  async goaway(): Promise<{ last: number; code: number }> {
    const f = await this.next((x) => x.type === GOAWAY);
    return { last: f.payload.readUInt32BE(0), code: f.payload.readUInt32BE(4) };
  }

  async closed(timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('still open');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** A whole response of stream `id`: headers, DATA bytes, trailers (the DATA frames are kept for checks). */
  async response(
    id: number,
  ): Promise<{ headers: Map<string, string>; data: Buffer; trailers: Map<string, string>; dataFrames: Frame[] }> {
    const first = await this.next((f) => f.id === id && f.type === HEADERS);
    const headers = new Map(this.decoder.decode(first.payload));
    if (first.flags & END_STREAM) return { headers, data: Buffer.alloc(0), trailers: new Map(), dataFrames: [] };
    const dataFrames: Frame[] = [];
    for (;;) {
      const f = await this.next((x) => x.id === id && (x.type === DATA || x.type === HEADERS));
      if (f.type === HEADERS) {
        const data = Buffer.concat(dataFrames.map((d) => d.payload));
        return { headers, data, trailers: new Map(this.decoder.decode(f.payload)), dataFrames };
      }
      dataFrames.push(f);
    }
  }
}

const sizedRequest = (n: number) => u32(n);

function expectPattern(data: Buffer, n: number): void {
  expect(data.length).toBe(5 + n);
  expect(data.readUInt32BE(1)).toBe(n);
  for (let i = 0; i < n; i += 997) expect(data[5 + i]).toBe(i % 251);
}

describe('h2-connection: connection set-up and control frames', () => {
  it('answers the preface with SETTINGS, ACKs the client SETTINGS, and PINGs with the same payload', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    const ours = await c.next((f) => f.type === SETTINGS && f.flags === 0);
    expect(ours.id).toBe(0);
    c.send(PING, 0, 0, Buffer.from('pingpong'));
    const pong = await c.next((f) => f.type === PING);
    expect(pong.flags).toBe(1);
    expect(pong.payload.toString()).toBe('pingpong');
    c.request(1, '/t.T/Echo', Buffer.from('hi'));
    const r = await c.response(1);
    expect(r.headers.get(':status')).toBe('200');
    expect(r.data.subarray(5).toString()).toBe('hi');
    expect(r.trailers.get('grpc-status')).toBe('0');
  });

  it('a bad preface, a first frame other than SETTINGS, or an oversized frame end the connection with GOAWAY', async () => {
    const { path } = await start();
    const a = await RawClient.open(path, [], false);
    a.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect((await a.goaway()).code).toBe(1);
    await a.closed();

    const b = await RawClient.open(path, [], false);
    b.write(Buffer.concat([PREFACE, encodeFrame(PING, 0, 0, Buffer.alloc(8))]));
    expect((await b.goaway()).code).toBe(1);

    const c = await RawClient.open(path);
    c.send(DATA, 0, 1, Buffer.alloc(16385));
    expect((await c.goaway()).code).toBe(6);
    await c.closed();
  });

  it('protocol violations are connection errors: DATA on stream 0 or an idle stream, even ids, bad sizes, HPACK garbage', async () => {
    const { path } = await start();
    const cases: [Buffer, number][] = [
      [encodeFrame(DATA, 0, 0, Buffer.from('x')), 1],
      [encodeFrame(DATA, 0, 7, Buffer.from('x')), 1],
      [encodeFrame(HEADERS, END_HEADERS, 2, requestBlock('/t.T/Echo')), 1],
      [encodeFrame(PING, 0, 0, Buffer.alloc(7)), 6],
      [encodeFrame(SETTINGS, 0, 0, Buffer.alloc(5)), 6],
      [encodeFrame(SETTINGS, 0, 0, settings([[5, 100]])), 1],
      [encodeFrame(SETTINGS, 0, 0, settings([[4, 2 ** 31]])), 3],
      [encodeFrame(WINDOW_UPDATE, 0, 0, u32(0)), 1],
      [encodeFrame(WINDOW_UPDATE, 0, 0, u32(2 ** 31 - 1)), 3],
      [encodeFrame(RST_STREAM, 0, 9, u32(8)), 1],
      [encodeFrame(HEADERS, END_HEADERS, 1, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])), 9],
      [encodeFrame(HEADERS, END_HEADERS, 1, Buffer.from([0x80])), 9],
      [encodeFrame(HEADERS, END_HEADERS | PADDED, 1, Buffer.from([10, 0x82])), 1],
      [encodeFrame(5, END_HEADERS, 1, Buffer.alloc(8)), 1],
    ];
    for (const [bad, code] of cases) {
      const c = await RawClient.open(path);
      c.write(bad);
      expect({ frame: bad.toString('hex').slice(0, 24), code: (await c.goaway()).code }).toEqual({
        frame: bad.toString('hex').slice(0, 24),
        code,
      });
      await c.closed();
    }
    // The server still serves.
    const ok = await RawClient.open(path);
    ok.request(1, '/t.T/Echo', Buffer.from('still'));
    expect((await ok.response(1)).trailers.get('grpc-status')).toBe('0');
  });

  it('survives random bytes after the preface (connection error, server keeps serving)', async () => {
    const { path } = await start();
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 30; round++) {
      const c = await RawClient.open(path);
      const junk = Buffer.alloc(200 + (rand() % 2000));
      for (let i = 0; i < junk.length; i++) junk[i] = rand() & 0xff;
      // A plausible frame header half of the time: small length, a known type.
      if (round % 2 === 0) encodeFrame(rand() % 10, rand() & 0xff, rand() % 5, junk.subarray(20, 60)).copy(junk, 0);
      c.write(junk);
      c.socket.end();
      await c.closed().catch(() => c.socket.destroy());
    }
    const ok = await RawClient.open(path);
    ok.request(1, '/t.T/Echo', Buffer.from('alive'));
    expect((await ok.response(1)).data.subarray(5).toString()).toBe('alive');
  });

  it('ignores PRIORITY and unknown frame types; reads padded HEADERS with priority and padded DATA', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    c.send(PRIORITY, 0, 1, Buffer.from([0, 0, 0, 0, 16]));
    c.send(0x42, 0xff, 0, Buffer.from('extension'));
    const block = requestBlock('/t.T/Echo');
    c.send(
      HEADERS,
      END_HEADERS | PADDED | PRIORITY_FLAG,
      1,
      Buffer.concat([Buffer.from([3]), Buffer.from([0, 0, 0, 0, 16]), block, Buffer.alloc(3)]),
    );
    const msg = frameMessage(Buffer.from('padded'));
    c.send(DATA, PADDED | END_STREAM, 1, Buffer.concat([Buffer.from([4]), msg, Buffer.alloc(4)]));
    expect((await c.response(1)).data.subarray(5).toString()).toBe('padded');
  });
});

describe('h2-connection: header blocks', () => {
  it('reads a request header block split over HEADERS and CONTINUATION frames', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    const block = encodeHeaderBlock([
      [':method', 'POST'],
      [':scheme', 'http'],
      [':path', '/t.T/Echo'],
      ['content-type', 'application/grpc'],
      ['x-big', 'z'.repeat(40000)],
    ]);
    c.send(HEADERS, 0, 1, block.subarray(0, 10));
    c.send(CONTINUATION, 0, 1, block.subarray(10, 16000));
    c.send(CONTINUATION, 0, 1, block.subarray(16000, 32000));
    c.send(CONTINUATION, END_HEADERS, 1, block.subarray(32000));
    c.send(DATA, END_STREAM, 1, frameMessage(Buffer.from('cont')));
    expect((await c.response(1)).data.subarray(5).toString()).toBe('cont');
  });

  it('another frame inside a header block, or a CONTINUATION without one, is a connection error', async () => {
    const { path } = await start();
    const a = await RawClient.open(path);
    const block = requestBlock('/t.T/Echo');
    a.send(HEADERS, 0, 1, block.subarray(0, 5));
    a.send(PING, 0, 0, Buffer.alloc(8));
    expect((await a.goaway()).code).toBe(1);
    const b = await RawClient.open(path);
    b.send(CONTINUATION, END_HEADERS, 1, block);
    expect((await b.goaway()).code).toBe(1);
  });

  it('a request without :path or with an upper-case header name is reset (PROTOCOL_ERROR), the connection lives', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    c.send(HEADERS, END_HEADERS | END_STREAM, 1, encodeHeaderBlock([[':method', 'POST']]));
    const rst = await c.next((f) => f.type === RST_STREAM && f.id === 1);
    expect(rst.payload.readUInt32BE(0)).toBe(1);
    c.send(
      HEADERS,
      END_HEADERS | END_STREAM,
      3,
      encodeHeaderBlock([
        [':method', 'POST'],
        [':path', '/t.T/Echo'],
        ['Content-Type', 'application/grpc'],
      ]),
    );
    expect((await c.next((f) => f.type === RST_STREAM && f.id === 3)).payload.readUInt32BE(0)).toBe(1);
    c.request(5, '/t.T/Echo', Buffer.from('ok'));
    expect((await c.response(5)).trailers.get('grpc-status')).toBe('0');
  });
});

describe('h2-connection: flow control', () => {
  it('a 300 KB response: DATA frames within the peer frame size, paced by the stream and connection windows', async () => {
    const { path } = await start();
    // The client's stream window: 20,000 bytes; the connection window stays at 65,535.
    const c = await RawClient.open(path, [[4, 20000]]);
    const n = 300_000;
    c.request(1, '/t.T/Sized', sizedRequest(n));
    await c.next((f) => f.type === HEADERS && f.id === 1);
    const received: Frame[] = [];
    const drain = () => {
      received.push(...c.frames.filter((f) => f.id === 1 && f.type === DATA));
      c.frames.splice(0, c.frames.length, ...c.frames.filter((f) => !(f.id === 1 && f.type === DATA)));
    };
    await new Promise((r) => setTimeout(r, 100));
    drain();
    expect(received.reduce((s, f) => s + f.payload.length, 0)).toBe(20000);
    expect(c.frames.some((f) => f.type === HEADERS && f.id === 1)).toBe(false); // no trailers yet
    const sum = () => received.reduce((s, f) => s + f.payload.length, 0);
    let streamGranted = 20000;
    let connGranted = 65535;
    let connStalls = 0;
    while (sum() < n + 5) {
      const before = sum();
      c.send(WINDOW_UPDATE, 0, 1, u32(20000));
      streamGranted += 20000;
      await new Promise((r) => setTimeout(r, 30));
      drain();
      if (sum() === before) {
        // Stream credit alone did not help: the connection window is spent.
        connStalls++;
        c.send(WINDOW_UPDATE, 0, 0, u32(50000));
        connGranted += 50000;
        await new Promise((r) => setTimeout(r, 30));
        drain();
      }
      expect(sum()).toBeLessThanOrEqual(Math.min(streamGranted, connGranted));
    }
    expect(connStalls).toBeGreaterThan(0);
    for (const f of received) expect(f.payload.length).toBeLessThanOrEqual(16384);
    const trailers = await c.next((f) => f.type === HEADERS && f.id === 1);
    expect(trailers.flags & END_STREAM).toBe(END_STREAM);
    expectPattern(Buffer.concat(received.map((f) => f.payload)), n);
  });

  it('honours a larger MAX_FRAME_SIZE and a window raised by SETTINGS while blocked (and a lowered one)', async () => {
    const { path } = await start();
    const c = await RawClient.open(path, [
      [5, 65536],
      [4, 0],
    ]);
    c.send(WINDOW_UPDATE, 0, 0, u32(1_000_000));
    c.request(1, '/t.T/Sized', sizedRequest(100_000));
    await c.next((f) => f.type === HEADERS && f.id === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.frames.filter((f) => f.id === 1)).toEqual([]); // window 0: nothing
    c.send(SETTINGS, 0, 0, settings([[4, 40000]]));
    await new Promise((r) => setTimeout(r, 50));
    const first = c.frames.filter((f) => f.type === DATA && f.id === 1);
    expect(first.map((f) => f.payload.length)).toEqual([40000]);
    // Lowered below what was sent: the window goes negative, nothing more until it is positive again.
    c.send(SETTINGS, 0, 0, settings([[4, 30000]]));
    c.send(WINDOW_UPDATE, 0, 1, u32(5000));
    await new Promise((r) => setTimeout(r, 50));
    expect(c.frames.filter((f) => f.type === DATA && f.id === 1).length).toBe(1);
    c.send(SETTINGS, 0, 0, settings([[4, 1_000_000]]));
    const trailers = await c.next((f) => f.type === HEADERS && f.id === 1);
    expect(trailers.flags & END_STREAM).toBe(END_STREAM);
    const data = c.frames.filter((f) => f.type === DATA && f.id === 1);
    expect(data.map((f) => f.payload.length)).toEqual([40000, 60005]);
    expectPattern(Buffer.concat(data.map((f) => f.payload)), 100_000);
  });

  it('a small unary answer that does not fit the stream window waits for WINDOW_UPDATE, trailers last', async () => {
    const { path } = await start();
    const c = await RawClient.open(path, [[4, 10]]);
    c.request(1, '/t.T/Echo', Buffer.from('hello, window'));
    await c.next((f) => f.type === HEADERS && f.id === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.frames.filter((f) => f.id === 1).map((f) => [f.type, f.payload.length])).toEqual([[DATA, 10]]);
    c.send(WINDOW_UPDATE, 0, 1, u32(100));
    const trailers = await c.next((f) => f.type === HEADERS && f.id === 1);
    expect(trailers.flags & END_STREAM).toBe(END_STREAM);
    const data = Buffer.concat(c.frames.filter((f) => f.type === DATA && f.id === 1).map((f) => f.payload));
    expect(data.subarray(5).toString()).toBe('hello, window');
  });

  it('takes a 5 MB request across many DATA frames, granting window as it reads', async () => {
    const path = join(tmpdir(), `pbxctl-h2-${process.pid}-${counter++}.sock`);
    const server = await listenGrpc({ methods: methods([]), maxMessageBytes: 8 * 1024 * 1024 }, path);
    running.push(server);
    const c = await RawClient.open(path);
    const ourSettings = await c.next((f) => f.type === SETTINGS && f.flags === 0);
    let streamWindow = 65535;
    for (let at = 0; at < ourSettings.payload.length; at += 6) {
      if (ourSettings.payload.readUInt16BE(at) === 4) streamWindow = ourSettings.payload.readUInt32BE(at + 2);
    }
    const connUpdate = await c.next((f) => f.type === WINDOW_UPDATE && f.id === 0);
    let connWindow = 65535 + connUpdate.payload.readUInt32BE(0);
    const message = frameMessage(Buffer.alloc(5 * 1024 * 1024, 7));
    c.send(HEADERS, END_HEADERS, 1, requestBlock('/t.T/Echo'));
    let at = 0;
    while (at < message.length) {
      for (const f of c.frames.splice(0)) {
        if (f.type !== WINDOW_UPDATE) continue;
        if (f.id === 0) connWindow += f.payload.readUInt32BE(0);
        if (f.id === 1) streamWindow += f.payload.readUInt32BE(0);
      }
      const room = Math.min(16384, streamWindow, connWindow, message.length - at);
      if (room <= 0) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      c.send(DATA, at + room === message.length ? END_STREAM : 0, 1, message.subarray(at, at + room));
      at += room;
      streamWindow -= room;
      connWindow -= room;
      if (at % (16384 * 16) === 0) await new Promise((r) => setTimeout(r, 1));
    }
    // The echo comes back (5 MB, paced by our grants to the server).
    c.send(SETTINGS, 0, 0, settings([[4, 2 ** 31 - 1]]));
    c.send(WINDOW_UPDATE, 0, 0, u32(2 ** 31 - 1 - 65535));
    const r = await c.response(1);
    expect(r.data.equals(message)).toBe(true);
  });
});

describe('h2-connection: streams', () => {
  it('serves interleaved concurrent streams, each answer on its own stream', async () => {
    const { path } = await start();
    const c = await RawClient.open(path);
    const ids = Array.from({ length: 40 }, (_, i) => 2 * i + 1);
    for (const id of ids) c.send(HEADERS, END_HEADERS, id, requestBlock('/t.T/Echo'));
    for (const id of ids) {
      const m = frameMessage(Buffer.from(`msg-${id}`));
      c.send(DATA, 0, id, m.subarray(0, 3));
    }
    for (const id of [...ids].reverse()) {
      const m = frameMessage(Buffer.from(`msg-${id}`));
      c.send(DATA, END_STREAM, id, m.subarray(3));
    }
    for (const id of ids) expect((await c.response(id)).data.subarray(5).toString()).toBe(`msg-${id}`);
  });

  it('RST_STREAM from the client cancels a server stream; later DATA on it is ignored; the connection serves on', async () => {
    const { path, streams } = await start();
    const c = await RawClient.open(path);
    c.request(1, '/t.T/Watch', Buffer.from('w'), false);
    for (let i = 0; i < 50 && streams.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const call = streams[0] as StreamCall;
    let cancelled = false;
    call.onCancel(() => {
      cancelled = true;
    });
    call.write(Buffer.from('one'));
    const r1 = await c.next((f) => f.type === DATA && f.id === 1);
    expect(r1.payload.subarray(5).toString()).toBe('one');
    c.frames.length = 0;
    c.send(RST_STREAM, 0, 1, u32(8));
    c.send(DATA, 0, 1, frameMessage(Buffer.from('late')));
    c.request(3, '/t.T/Echo', Buffer.from('after'));
    expect((await c.response(3)).data.subarray(5).toString()).toBe('after');
    expect(cancelled).toBe(true);
    expect(call.closed).toBe(true);
    call.write(Buffer.from('gone')); // no effect, no throw
    await new Promise((r) => setTimeout(r, 30));
    expect(c.frames.filter((f) => f.id === 1)).toEqual([]);
  });

  it('a dropped connection cancels its open streams', async () => {
    const { path, streams } = await start();
    const c = await RawClient.open(path);
    c.request(1, '/t.T/Watch', Buffer.from('w'), false);
    for (let i = 0; i < 50 && streams.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    let cancelled = false;
    (streams[0] as StreamCall).onCancel(() => {
      cancelled = true;
    });
    c.socket.destroy();
    for (let i = 0; i < 50 && !cancelled; i++) await new Promise((r) => setTimeout(r, 10));
    expect(cancelled).toBe(true);
  });

  it('shutdown: GOAWAY with the last stream id, the in-flight call finishes, new streams are refused, then the socket ends', async () => {
    const { path, server } = await start();
    const c = await RawClient.open(path);
    c.request(1, '/t.T/Slow', Buffer.from('late answer'));
    await new Promise((r) => setTimeout(r, 20));
    const stopped = server.shutdown(3000);
    const goaway = await c.goaway();
    expect(goaway).toEqual({ last: 1, code: 0 });
    c.request(3, '/t.T/Echo', Buffer.from('too late'));
    const refused = await c.next((f) => f.type === RST_STREAM && f.id === 3);
    expect(refused.payload.readUInt32BE(0)).toBe(7);
    expect((await c.response(1)).data.subarray(5).toString()).toBe('late answer');
    c.socket.end();
    await stopped;
    await c.closed();
  });
});
