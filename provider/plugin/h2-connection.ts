import type { Duplex } from 'node:stream';
import { type HeaderList, HpackDecoder, HpackError } from './hpack';

/**
 * The server side of one HTTP/2 connection (RFC 9113) over a socket (TLS or plain), just what a gRPC
 * server needs: the client preface, SETTINGS (+ACK), HEADERS + CONTINUATION (HPACK, hpack.ts), DATA with
 * flow control both ways (connection and stream windows, WINDOW_UPDATE, the peer's INITIAL_WINDOW_SIZE and
 * MAX_FRAME_SIZE), PING (+ACK), RST_STREAM, GOAWAY, PRIORITY (read, ignored) and unknown frame types
 * (ignored). No server push, no request trailers other than an empty end. It replaces node:http2 in the
 * provider: node's per-stream machinery (Duplex streams, header objects, nghttp2 crossings, a separate write
 * for the trailers) was most of the provider's per-call transport CPU.
 *
 * Responses are written as whole frames: a unary answer (HEADERS, DATA, trailing HEADERS) is one socket
 * write when the windows allow it.
 */

const FRAME_DATA = 0x0;
const FRAME_HEADERS = 0x1;
const FRAME_PRIORITY = 0x2;
const FRAME_RST_STREAM = 0x3;
const FRAME_SETTINGS = 0x4;
const FRAME_PUSH_PROMISE = 0x5;
const FRAME_PING = 0x6;
const FRAME_GOAWAY = 0x7;
const FRAME_WINDOW_UPDATE = 0x8;
const FRAME_CONTINUATION = 0x9;

const FLAG_END_STREAM = 0x1;
const FLAG_ACK = 0x1;
const FLAG_END_HEADERS = 0x4;
const FLAG_PADDED = 0x8;
const FLAG_PRIORITY = 0x20;

export const H2_ERROR = {
  NO_ERROR: 0x0,
  PROTOCOL_ERROR: 0x1,
  INTERNAL_ERROR: 0x2,
  FLOW_CONTROL_ERROR: 0x3,
  STREAM_CLOSED: 0x5,
  FRAME_SIZE_ERROR: 0x6,
  REFUSED_STREAM: 0x7,
  CANCEL: 0x8,
  COMPRESSION_ERROR: 0x9,
} as const;

const SETTINGS_HEADER_TABLE_SIZE = 0x1;
const SETTINGS_ENABLE_PUSH = 0x2;
const SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
const SETTINGS_MAX_FRAME_SIZE = 0x5;

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const DEFAULT_WINDOW = 65535;
const MAX_WINDOW = 2 ** 31 - 1;
/** Our SETTINGS_MAX_FRAME_SIZE (the protocol's default; not announced). */
const OUR_MAX_FRAME = 16384;
/** Our receive windows (stream: SETTINGS_INITIAL_WINDOW_SIZE; connection: raised by a WINDOW_UPDATE). */
const OUR_STREAM_WINDOW = 1 << 20;
const OUR_CONNECTION_WINDOW = 1 << 24;
/** A header block (HEADERS + CONTINUATION) larger than this ends the connection. */
const MAX_HEADER_BLOCK = 256 * 1024;

/** One request stream, as the gRPC layer sees it. */
export class H2Stream {
  /** Request DATA payloads, in order. */
  onData: ((chunk: Buffer) => void) | undefined;
  /** The client ended its side (END_STREAM). */
  onEnd: (() => void) | undefined;
  /** The stream closed: response finished, client reset, or connection gone (once). */
  onClose: (() => void) | undefined;

  headersSent = false;
  /** We sent END_STREAM (or the stream was reset). */
  localEnded = false;
  remoteEnded = false;
  closed = false;
  /** Bytes we may send (the peer's window for this stream). */
  sendWindow: number;
  /** Received bytes not yet given back with a WINDOW_UPDATE. */
  unacked = 0;
  /** Frames (already encoded) waiting for window: DATA payloads and the final trailers. */
  pending: { data: Buffer; end: boolean }[] | undefined;
  pendingTrailers: Buffer | undefined;

  constructor(
    readonly id: number,
    readonly headers: HeaderList,
    sendWindow: number,
  ) {
    this.sendWindow = sendWindow;
  }

  /** The first value of a header (names are lower case on the wire). */
  header(name: string): string | undefined {
    for (const [n, v] of this.headers) if (n === name) return v;
    return undefined;
  }
}

export interface H2ConnectionOptions {
  /** A new request stream (HEADERS received); set its callbacks synchronously. */
  readonly onStream: (stream: H2Stream, conn: H2Connection) => void;
  /** The connection is gone (socket closed). */
  readonly onClose?: (conn: H2Connection) => void;
}

function frameHeader(buf: Buffer, at: number, length: number, type: number, flags: number, stream: number): void {
  buf[at] = length >>> 16;
  buf[at + 1] = (length >>> 8) & 0xff;
  buf[at + 2] = length & 0xff;
  buf[at + 3] = type;
  buf[at + 4] = flags;
  buf.writeUInt32BE(stream, at + 5);
}

function frame(type: number, flags: number, stream: number, payload?: Buffer): Buffer {
  const length = payload ? payload.length : 0;
  const out = Buffer.allocUnsafe(9 + length);
  frameHeader(out, 0, length, type, flags, stream);
  if (payload) payload.copy(out, 9);
  return out;
}

function u32(value: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(value, 0);
  return b;
}

class ConnectionError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class H2Connection {
  private buffered: Buffer | undefined;
  private prefaceSeen = false;
  private settingsSeen = false;
  private readonly decoder = new HpackDecoder();
  private readonly streams = new Map<number, H2Stream>();
  private lastStreamId = 0;
  /** A header block being continued: stream id, END_STREAM of its HEADERS, fragments. */
  private continuing: { id: number; endStream: boolean; parts: Buffer[]; bytes: number } | undefined;

  private peerInitialWindow = DEFAULT_WINDOW;
  private peerMaxFrame = 16384;
  private connSendWindow = DEFAULT_WINDOW;
  private connUnacked = 0;
  /** Streams with output waiting for window, in arrival order. */
  private readonly blocked = new Set<H2Stream>();

  private out: Buffer[] = [];
  private processing = false;
  private goingAway = false;
  private dead = false;

  constructor(
    private readonly socket: Duplex,
    private readonly options: H2ConnectionOptions,
  ) {
    socket.on('data', (chunk: Buffer) => this.onSocketData(chunk));
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.destroy());
    socket.on('end', () => this.destroy());
    // Our SETTINGS: a larger stream window, push off; then a larger connection window.
    const settings = Buffer.allocUnsafe(12);
    settings.writeUInt16BE(SETTINGS_ENABLE_PUSH, 0);
    settings.writeUInt32BE(0, 2);
    settings.writeUInt16BE(SETTINGS_INITIAL_WINDOW_SIZE, 6);
    settings.writeUInt32BE(OUR_STREAM_WINDOW, 8);
    this.out.push(frame(FRAME_SETTINGS, 0, 0, settings));
    this.out.push(frame(FRAME_WINDOW_UPDATE, 0, 0, u32(OUR_CONNECTION_WINDOW - DEFAULT_WINDOW)));
    this.flush();
  }

  get closed(): boolean {
    return this.dead;
  }

  /** Open streams (tests, shutdown). */
  get streamCount(): number {
    return this.streams.size;
  }

  // ---- output ----

  private flush(): void {
    if (this.out.length === 0 || this.dead) {
      this.out.length = 0;
      return;
    }
    const chunk = this.out.length === 1 ? (this.out[0] as Buffer) : Buffer.concat(this.out);
    this.out = [];
    this.socket.write(chunk);
  }

  /** Queues frames; written at the end of the current input chunk, or now outside input processing. */
  private emit(buf: Buffer): void {
    this.out.push(buf);
    if (!this.processing) this.flush();
  }

  /** HEADERS (+ CONTINUATION when the block exceeds the peer's frame size). */
  private headersFrames(stream: number, block: Buffer, endStream: boolean): Buffer {
    const max = this.peerMaxFrame;
    if (block.length <= max) {
      const out = Buffer.allocUnsafe(9 + block.length);
      frameHeader(out, 0, block.length, FRAME_HEADERS, FLAG_END_HEADERS | (endStream ? FLAG_END_STREAM : 0), stream);
      block.copy(out, 9);
      return out;
    }
    const parts: Buffer[] = [];
    for (let at = 0; at < block.length; at += max) {
      const piece = block.subarray(at, Math.min(at + max, block.length));
      const first = at === 0;
      const last = at + max >= block.length;
      const flags = (last ? FLAG_END_HEADERS : 0) | (first && endStream ? FLAG_END_STREAM : 0);
      parts.push(frame(first ? FRAME_HEADERS : FRAME_CONTINUATION, flags, stream, piece));
    }
    return Buffer.concat(parts);
  }

  /** Response headers; `endStream` for a headers-only (trailers-only) response. */
  respond(stream: H2Stream, block: Buffer, endStream: boolean): void {
    if (stream.closed || stream.headersSent || this.dead) return;
    stream.headersSent = true;
    this.emit(this.headersFrames(stream.id, block, endStream));
    if (endStream) this.endLocal(stream);
  }

  /** A DATA payload (split to the peer's frame size and the windows; queued when they are exhausted). */
  write(stream: H2Stream, data: Buffer): void {
    if (stream.closed || stream.localEnded || this.dead) return;
    if (stream.pending !== undefined) {
      stream.pending.push({ data, end: false });
      return;
    }
    const rest = this.sendData(stream, data);
    if (rest !== undefined) {
      stream.pending = [{ data: rest, end: false }];
      this.blocked.add(stream);
    }
  }

  /** Trailers end the response; sent after all queued DATA. */
  finish(stream: H2Stream, trailers: Buffer): void {
    if (stream.closed || stream.localEnded || this.dead) return;
    stream.localEnded = true;
    if (stream.pending !== undefined) {
      stream.pendingTrailers = trailers;
      return;
    }
    this.emit(this.headersFrames(stream.id, trailers, true));
    this.afterLocalEnd(stream);
  }

  /**
   * A whole gRPC unary response: headers, one DATA frame of the 5-byte message prefix and `message`,
   * trailers — built in one buffer and written at once when the frame size and windows allow it (the
   * usual case), else sent frame by frame as the windows open.
   */
  respondUnary(stream: H2Stream, headers: Buffer, message: Uint8Array, trailers: Buffer): void {
    if (stream.closed || stream.headersSent || this.dead) return;
    const dataLength = 5 + message.length;
    const max = this.peerMaxFrame;
    if (
      dataLength > max ||
      dataLength > this.connSendWindow ||
      dataLength > stream.sendWindow ||
      headers.length > max ||
      trailers.length > max
    ) {
      const data = Buffer.allocUnsafe(dataLength);
      data[0] = 0;
      data.writeUInt32BE(message.length, 1);
      data.set(message, 5);
      this.batch(() => {
        this.respond(stream, headers, false);
        this.write(stream, data);
        this.finish(stream, trailers);
      });
      return;
    }
    const out = Buffer.allocUnsafe(27 + headers.length + dataLength + trailers.length);
    frameHeader(out, 0, headers.length, FRAME_HEADERS, FLAG_END_HEADERS, stream.id);
    headers.copy(out, 9);
    let at = 9 + headers.length;
    frameHeader(out, at, dataLength, FRAME_DATA, 0, stream.id);
    out[at + 9] = 0;
    out.writeUInt32BE(message.length, at + 10);
    out.set(message, at + 14);
    at += 9 + dataLength;
    frameHeader(out, at, trailers.length, FRAME_HEADERS, FLAG_END_HEADERS | FLAG_END_STREAM, stream.id);
    trailers.copy(out, at + 9);
    this.connSendWindow -= dataLength;
    stream.sendWindow -= dataLength;
    stream.headersSent = true;
    stream.localEnded = true;
    this.emit(out);
    this.afterLocalEnd(stream);
  }

  /** Runs `fn` and writes the frames it produced in one socket write. */
  batch(fn: () => void): void {
    const wasProcessing = this.processing;
    this.processing = true;
    try {
      fn();
    } finally {
      this.processing = wasProcessing;
    }
    if (!wasProcessing) this.flush();
  }

  /** Sends what the windows allow of `data`; returns the rest (undefined when all went). */
  private sendData(stream: H2Stream, data: Buffer): Buffer | undefined {
    let at = 0;
    while (at < data.length) {
      const room = Math.min(this.connSendWindow, stream.sendWindow, this.peerMaxFrame, data.length - at);
      if (room <= 0) return data.subarray(at);
      const out = Buffer.allocUnsafe(9 + room);
      frameHeader(out, 0, room, FRAME_DATA, 0, stream.id);
      data.copy(out, 9, at, at + room);
      this.emit(out);
      at += room;
      this.connSendWindow -= room;
      stream.sendWindow -= room;
    }
    return undefined;
  }

  /** After a WINDOW_UPDATE or a SETTINGS change: sends queued output of blocked streams, in order. */
  private drainBlocked(): void {
    for (const stream of this.blocked) {
      if (this.connSendWindow <= 0) return;
      const pending = stream.pending as { data: Buffer; end: boolean }[];
      while (pending.length > 0) {
        const head = pending[0] as { data: Buffer; end: boolean };
        const rest = this.sendData(stream, head.data);
        if (rest !== undefined) {
          head.data = rest;
          break;
        }
        pending.shift();
      }
      if (pending.length > 0) continue;
      stream.pending = undefined;
      this.blocked.delete(stream);
      if (stream.pendingTrailers !== undefined) {
        const t = stream.pendingTrailers;
        stream.pendingTrailers = undefined;
        this.emit(this.headersFrames(stream.id, t, true));
        this.afterLocalEnd(stream);
      }
    }
  }

  private endLocal(stream: H2Stream): void {
    stream.localEnded = true;
    this.afterLocalEnd(stream);
  }

  /**
   * Our side ended: the stream closes once the client's side has ended too (as node:http2 does: what the
   * client still sends is read and dropped until its END_STREAM or RST_STREAM).
   */
  private afterLocalEnd(stream: H2Stream): void {
    if (stream.remoteEnded) this.closeStream(stream);
  }

  /** Resets a stream (our side) with an error code. */
  reset(stream: H2Stream, code: number): void {
    if (stream.closed || this.dead) return;
    this.emit(frame(FRAME_RST_STREAM, 0, stream.id, u32(code)));
    this.closeStream(stream);
  }

  private closeStream(stream: H2Stream): void {
    if (stream.closed) return;
    stream.closed = true;
    stream.localEnded = true;
    stream.pending = undefined;
    stream.pendingTrailers = undefined;
    this.blocked.delete(stream);
    this.streams.delete(stream.id);
    const onClose = stream.onClose;
    stream.onClose = undefined;
    stream.onData = undefined;
    stream.onEnd = undefined;
    onClose?.();
    if (this.goingAway && this.streams.size === 0) this.endSocket();
  }

  /**
   * Graceful close: GOAWAY (no new streams), the socket ends once the open streams are done.
   */
  close(): void {
    if (this.dead || this.goingAway) return;
    this.goingAway = true;
    const payload = Buffer.allocUnsafe(8);
    payload.writeUInt32BE(this.lastStreamId, 0);
    payload.writeUInt32BE(H2_ERROR.NO_ERROR, 4);
    this.emit(frame(FRAME_GOAWAY, 0, 0, payload));
    if (this.streams.size === 0) this.endSocket();
  }

  private endSocket(): void {
    this.flush();
    this.socket.end();
  }

  /** Drops the connection: every open stream closes (its onClose runs). */
  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    this.out.length = 0;
    for (const stream of [...this.streams.values()]) this.closeStream(stream);
    this.socket.destroy();
    this.options.onClose?.(this);
  }

  private connectionError(code: number, message: string): void {
    if (this.dead) return;
    const text = Buffer.from(message, 'utf8');
    const payload = Buffer.allocUnsafe(8 + text.length);
    payload.writeUInt32BE(this.lastStreamId, 0);
    payload.writeUInt32BE(code, 4);
    text.copy(payload, 8);
    this.out.push(frame(FRAME_GOAWAY, 0, 0, payload));
    const wasProcessing = this.processing;
    this.processing = false;
    this.flush();
    this.processing = wasProcessing;
    this.goingAway = true;
    this.socket.end();
    this.dead = true;
    for (const stream of [...this.streams.values()]) this.closeStream(stream);
    this.options.onClose?.(this);
    // The socket goes when the peer closes, or shortly after.
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  // ---- input ----

  private onSocketData(chunk: Buffer): void {
    if (this.dead) return;
    let buf = this.buffered === undefined ? chunk : Buffer.concat([this.buffered, chunk]);
    this.buffered = undefined;
    this.processing = true;
    try {
      let at = 0;
      if (!this.prefaceSeen) {
        if (buf.length < PREFACE.length) {
          if (!PREFACE.subarray(0, buf.length).equals(buf)) throw new ConnectionError(1, 'bad client preface');
          this.buffered = buf;
          return;
        }
        if (!buf.subarray(0, PREFACE.length).equals(PREFACE)) throw new ConnectionError(1, 'bad client preface');
        this.prefaceSeen = true;
        at = PREFACE.length;
      }
      while (buf.length - at >= 9) {
        const length = (buf[at] as number) * 65536 + (buf[at + 1] as number) * 256 + (buf[at + 2] as number);
        if (length > OUR_MAX_FRAME) {
          throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, `frame of ${length} bytes`);
        }
        if (buf.length - at - 9 < length) break;
        const type = buf[at + 3] as number;
        const flags = buf[at + 4] as number;
        const streamId = buf.readUInt32BE(at + 5) & 0x7fffffff;
        const payload = buf.subarray(at + 9, at + 9 + length);
        at += 9 + length;
        this.onFrame(type, flags, streamId, payload);
        if (this.dead) return;
      }
      if (at < buf.length) {
        // Keep an unfinished frame (copied: the socket's chunk may be reused... it is not, but a slice
        // would pin the whole chunk).
        buf = buf.subarray(at);
        this.buffered = Buffer.from(buf);
      }
    } catch (err) {
      if (err instanceof ConnectionError) this.connectionError(err.code, err.message);
      else if (err instanceof HpackError) this.connectionError(H2_ERROR.COMPRESSION_ERROR, err.message);
      else this.connectionError(H2_ERROR.INTERNAL_ERROR, 'internal error');
      return;
    } finally {
      this.processing = false;
    }
    this.flush();
  }

  private onFrame(type: number, flags: number, id: number, payload: Buffer): void {
    if (!this.settingsSeen && type !== FRAME_SETTINGS) {
      throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'the first frame must be SETTINGS');
    }
    if (this.continuing !== undefined && type !== FRAME_CONTINUATION) {
      throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'expected CONTINUATION');
    }
    switch (type) {
      case FRAME_DATA:
        this.onDataFrame(flags, id, payload);
        return;
      case FRAME_HEADERS:
        this.onHeadersFrame(flags, id, payload);
        return;
      case FRAME_CONTINUATION:
        this.onContinuation(flags, id, payload);
        return;
      case FRAME_PRIORITY:
        if (id === 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'PRIORITY on stream 0');
        if (payload.length !== 5) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'PRIORITY size');
        return;
      case FRAME_RST_STREAM:
        this.onRstStream(id, payload);
        return;
      case FRAME_SETTINGS:
        this.onSettings(flags, id, payload);
        return;
      case FRAME_PUSH_PROMISE:
        throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'PUSH_PROMISE from a client');
      case FRAME_PING:
        if (id !== 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'PING on a stream');
        if (payload.length !== 8) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'PING size');
        if ((flags & FLAG_ACK) === 0) this.emit(frame(FRAME_PING, FLAG_ACK, 0, payload));
        return;
      case FRAME_GOAWAY:
        if (id !== 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'GOAWAY on a stream');
        if (payload.length < 8) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'GOAWAY size');
        // The client will open no more streams; the open ones finish.
        this.goingAway = true;
        if (this.streams.size === 0) this.endSocket();
        return;
      case FRAME_WINDOW_UPDATE:
        this.onWindowUpdate(id, payload);
        return;
      default:
        return; // unknown frame types are ignored
    }
  }

  /** Strips padding (PADDED flag): the frame's payload without pad length byte and padding. */
  private unpad(flags: number, payload: Buffer, extra: number): Buffer {
    if ((flags & FLAG_PADDED) === 0) {
      if (payload.length < extra) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'frame too short');
      return payload.subarray(extra);
    }
    if (payload.length < 1) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'padded frame too short');
    const pad = payload[0] as number;
    if (pad + 1 + extra > payload.length) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'padding too long');
    return payload.subarray(1 + extra, payload.length - pad);
  }

  private onDataFrame(flags: number, id: number, payload: Buffer): void {
    if (id === 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'DATA on stream 0');
    // Flow control counts the whole payload, padding included.
    this.connUnacked += payload.length;
    if (this.connUnacked > OUR_CONNECTION_WINDOW) {
      throw new ConnectionError(H2_ERROR.FLOW_CONTROL_ERROR, 'connection window exceeded');
    }
    if (this.connUnacked >= OUR_CONNECTION_WINDOW / 2) {
      this.emit(frame(FRAME_WINDOW_UPDATE, 0, 0, u32(this.connUnacked)));
      this.connUnacked = 0;
    }
    const data = this.unpad(flags, payload, 0);
    const stream = this.streams.get(id);
    if (stream === undefined) {
      if (id > this.lastStreamId) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'DATA on an idle stream');
      // A stream we closed (answered or reset): the client may not have seen it yet.
      return;
    }
    if (stream.remoteEnded) {
      this.reset(stream, H2_ERROR.STREAM_CLOSED);
      return;
    }
    stream.unacked += payload.length;
    if (stream.unacked > OUR_STREAM_WINDOW) {
      this.reset(stream, H2_ERROR.FLOW_CONTROL_ERROR);
      return;
    }
    const end = (flags & FLAG_END_STREAM) !== 0;
    if (!end && stream.unacked >= OUR_STREAM_WINDOW / 2) {
      this.emit(frame(FRAME_WINDOW_UPDATE, 0, id, u32(stream.unacked)));
      stream.unacked = 0;
    }
    if (data.length > 0) stream.onData?.(data);
    if (end) this.remoteEnd(stream);
  }

  private remoteEnd(stream: H2Stream): void {
    if (stream.closed || stream.remoteEnded) return;
    stream.remoteEnded = true;
    stream.onEnd?.();
    if (!stream.closed && stream.localEnded && stream.pending === undefined) this.closeStream(stream);
  }

  private onHeadersFrame(flags: number, id: number, payload: Buffer): void {
    if (id === 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'HEADERS on stream 0');
    const fragment = this.unpad(flags, payload, (flags & FLAG_PRIORITY) !== 0 ? 5 : 0);
    const endStream = (flags & FLAG_END_STREAM) !== 0;
    if ((flags & FLAG_END_HEADERS) === 0) {
      this.continuing = { id, endStream, parts: [Buffer.from(fragment)], bytes: fragment.length };
      return;
    }
    this.onHeaderBlock(id, endStream, fragment);
  }

  private onContinuation(flags: number, id: number, payload: Buffer): void {
    const c = this.continuing;
    if (c === undefined || c.id !== id) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'unexpected CONTINUATION');
    c.bytes += payload.length;
    if (c.bytes > MAX_HEADER_BLOCK) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'header block too large');
    c.parts.push(Buffer.from(payload));
    if ((flags & FLAG_END_HEADERS) === 0) return;
    this.continuing = undefined;
    this.onHeaderBlock(id, c.endStream, Buffer.concat(c.parts, c.bytes));
  }

  private onHeaderBlock(id: number, endStream: boolean, block: Buffer): void {
    // Decoded in every case: the decoder's table must follow the client's encoder.
    const headers = this.decoder.decode(block);
    const existing = this.streams.get(id);
    if (existing !== undefined) {
      // Request trailers: only an ending block is accepted (gRPC clients send none).
      if (!endStream || existing.remoteEnded) {
        this.reset(existing, H2_ERROR.PROTOCOL_ERROR);
        return;
      }
      this.remoteEnd(existing);
      return;
    }
    if (id % 2 === 0 || id <= this.lastStreamId) {
      if (id % 2 === 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'even stream id from a client');
      // HEADERS on a stream we already closed.
      throw new ConnectionError(H2_ERROR.STREAM_CLOSED, 'HEADERS on a closed stream');
    }
    this.lastStreamId = id;
    const stream = new H2Stream(id, headers, this.peerInitialWindow);
    if (this.goingAway) {
      this.emit(frame(FRAME_RST_STREAM, 0, id, u32(H2_ERROR.REFUSED_STREAM)));
      return;
    }
    let pseudoDone = false;
    let bad = false;
    for (const [name] of headers) {
      if (name.startsWith(':')) {
        if (pseudoDone || (name !== ':method' && name !== ':path' && name !== ':scheme' && name !== ':authority')) {
          bad = true;
        }
      } else {
        pseudoDone = true;
        if (name !== name.toLowerCase() || name === 'connection') bad = true;
      }
    }
    if (bad || stream.header(':method') === undefined || stream.header(':path') === undefined) {
      this.emit(frame(FRAME_RST_STREAM, 0, id, u32(H2_ERROR.PROTOCOL_ERROR)));
      return;
    }
    this.streams.set(id, stream);
    this.options.onStream(stream, this);
    if (endStream) this.remoteEnd(stream);
  }

  private onRstStream(id: number, payload: Buffer): void {
    if (id === 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'RST_STREAM on stream 0');
    if (payload.length !== 4) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'RST_STREAM size');
    if (id > this.lastStreamId) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'RST_STREAM on an idle stream');
    const stream = this.streams.get(id);
    if (stream !== undefined) this.closeStream(stream);
  }

  private onSettings(flags: number, id: number, payload: Buffer): void {
    if (id !== 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'SETTINGS on a stream');
    if ((flags & FLAG_ACK) !== 0) {
      if (payload.length !== 0) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'SETTINGS ACK with a payload');
      return;
    }
    if (payload.length % 6 !== 0) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'SETTINGS size');
    this.settingsSeen = true;
    for (let at = 0; at < payload.length; at += 6) {
      const key = payload.readUInt16BE(at);
      const value = payload.readUInt32BE(at + 2);
      if (key === SETTINGS_ENABLE_PUSH && value > 1) {
        throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'ENABLE_PUSH not 0 or 1');
      } else if (key === SETTINGS_INITIAL_WINDOW_SIZE) {
        if (value > MAX_WINDOW) throw new ConnectionError(H2_ERROR.FLOW_CONTROL_ERROR, 'INITIAL_WINDOW_SIZE too large');
        const delta = value - this.peerInitialWindow;
        this.peerInitialWindow = value;
        for (const s of this.streams.values()) {
          s.sendWindow += delta;
          if (s.sendWindow > MAX_WINDOW)
            throw new ConnectionError(H2_ERROR.FLOW_CONTROL_ERROR, 'stream window overflow');
        }
      } else if (key === SETTINGS_MAX_FRAME_SIZE) {
        if (value < 16384 || value > 16777215) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'MAX_FRAME_SIZE');
        this.peerMaxFrame = value;
      } else if (key === SETTINGS_HEADER_TABLE_SIZE) {
        // Our encoder never uses the dynamic table: nothing to do.
      }
    }
    this.emit(frame(FRAME_SETTINGS, FLAG_ACK, 0));
    this.drainBlocked();
  }

  private onWindowUpdate(id: number, payload: Buffer): void {
    if (payload.length !== 4) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'WINDOW_UPDATE size');
    const increment = payload.readUInt32BE(0) & 0x7fffffff;
    if (id === 0) {
      if (increment === 0) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'WINDOW_UPDATE of 0');
      this.connSendWindow += increment;
      if (this.connSendWindow > MAX_WINDOW) throw new ConnectionError(H2_ERROR.FLOW_CONTROL_ERROR, 'window overflow');
    } else {
      const stream = this.streams.get(id);
      if (stream === undefined) {
        if (id > this.lastStreamId)
          throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'WINDOW_UPDATE on an idle stream');
        return;
      }
      if (increment === 0) {
        this.reset(stream, H2_ERROR.PROTOCOL_ERROR);
        return;
      }
      stream.sendWindow += increment;
      if (stream.sendWindow > MAX_WINDOW) {
        this.reset(stream, H2_ERROR.FLOW_CONTROL_ERROR);
        return;
      }
    }
    this.drainBlocked();
  }
}
