/**
 * A raw HTTP/2 client for tests of the provider's HTTP/2 layer (provider/plugin/h2-connection.ts): frames
 * written by hand, frames read back as they come, header blocks decoded; and a gRPC server with test methods
 * (echo, a response of a requested size, a slow echo, a server stream kept by the test).
 */
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Codec, frameMessage, type Method, type StreamCall } from '../plugin/grpc-protocol';
import { listenGrpc, type RunningGrpcServer } from '../plugin/grpc-server';
import { encodeHeaderBlock, HpackDecoder } from '../plugin/hpack';

export const DATA = 0;
export const HEADERS = 1;
export const PRIORITY = 2;
export const RST_STREAM = 3;
export const SETTINGS = 4;
export const PING = 6;
export const GOAWAY = 7;
export const WINDOW_UPDATE = 8;
export const CONTINUATION = 9;
export const END_STREAM = 1;
export const END_HEADERS = 4;
export const PADDED = 8;
export const PRIORITY_FLAG = 0x20;

export const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export interface Frame {
  type: number;
  flags: number;
  id: number;
  payload: Buffer;
}

export const bytes: Codec = { decode: (b) => Buffer.from(b), encode: (v) => v as Uint8Array };

/** Test methods: echo, a response of the requested size, a server stream that writes on demand. */
export function methods(streams: StreamCall[]): Map<string, Method> {
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

export const running: RunningGrpcServer[] = [];
export const sockets: Socket[] = [];
/** Closes the clients' sockets and stops the servers (a test file's afterEach). */
export async function closeAll(): Promise<void> {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(running.splice(0).map((r) => r.shutdown(100)));
}

let counter = 0;
export async function start(
  maxMessageBytes?: number,
): Promise<{ path: string; streams: StreamCall[]; server: RunningGrpcServer }> {
  const path = join(tmpdir(), `pbxctl-h2-${process.pid}-${counter++}.sock`);
  const streams: StreamCall[] = [];
  const server = await listenGrpc({ methods: methods(streams), maxMessageBytes }, path);
  running.push(server);
  return { path, streams, server };
}

export function encodeFrame(type: number, flags: number, id: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const h = Buffer.alloc(9);
  h.writeUIntBE(payload.length, 0, 3);
  h[3] = type;
  h[4] = flags;
  h.writeUInt32BE(id, 5);
  return Buffer.concat([h, payload]);
}

export const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
export const settings = (pairs: [number, number][]) =>
  Buffer.concat(
    pairs.map(([k, v]) => {
      const b = Buffer.alloc(6);
      b.writeUInt16BE(k, 0);
      b.writeUInt32BE(v, 2);
      return b;
    }),
  );

export const requestBlock = (path: string) =>
  encodeHeaderBlock([
    [':method', 'POST'],
    [':scheme', 'http'],
    [':path', path],
    [':authority', 'localhost'],
    ['content-type', 'application/grpc'],
    ['te', 'trailers'],
  ]);

export class RawClient {
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
