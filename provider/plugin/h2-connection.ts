import type { Duplex } from 'node:stream';
import {
  ConnectionError,
  DEFAULT_WINDOW,
  FLAG_ACK,
  FLAG_END_HEADERS,
  FLAG_END_STREAM,
  FLAG_PRIORITY,
  FRAME_CONTINUATION,
  FRAME_DATA,
  FRAME_GOAWAY,
  FRAME_HEADERS,
  FRAME_PING,
  FRAME_PRIORITY,
  FRAME_PUSH_PROMISE,
  FRAME_RST_STREAM,
  FRAME_SETTINGS,
  FRAME_WINDOW_UPDATE,
  frame,
  H2_ERROR,
  H2Stream,
  MAX_HEADER_BLOCK,
  OUR_CONNECTION_WINDOW,
  OUR_MAX_FRAME,
  OUR_STREAM_WINDOW,
  PREFACE,
  SETTINGS_ENABLE_PUSH,
  SETTINGS_INITIAL_WINDOW_SIZE,
  u32,
  unpad,
  validRequestHeaders,
} from './h2-frames';
import { H2Output } from './h2-output';
import { HpackDecoder, HpackError } from './hpack';

export { H2_ERROR, H2Stream } from './h2-frames';

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

export interface H2ConnectionOptions {
  /** A new request stream (HEADERS received); set its callbacks synchronously. */
  readonly onStream: (stream: H2Stream, conn: H2Connection) => void;
  /** The connection is gone (socket closed). */
  readonly onClose?: (conn: H2Connection) => void;
}

export class H2Connection extends H2Output {
  private buffered: Buffer | undefined;
  private prefaceSeen = false;
  private readonly decoder = new HpackDecoder();
  /** A header block being continued: stream id, END_STREAM of its HEADERS, fragments. */
  private continuing: { id: number; endStream: boolean; parts: Buffer[]; bytes: number } | undefined;

  private connUnacked = 0;

  private goingAway = false;

  constructor(
    socket: Duplex,
    private readonly options: H2ConnectionOptions,
  ) {
    super(socket);
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

  /**
   * Our side ended: the stream closes once the client's side has ended too (as node:http2 does: what the
   * client still sends is read and dropped until its END_STREAM or RST_STREAM).
   */
  protected afterLocalEnd(stream: H2Stream): void {
    if (stream.remoteEnded) this.closeStream(stream);
  }

  /** Resets a stream (our side) with an error code. */
  override reset(stream: H2Stream, code: number): void {
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
    const data = unpad(flags, payload, 0);
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
    const fragment = unpad(flags, payload, (flags & FLAG_PRIORITY) !== 0 ? 5 : 0);
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
    if (!validRequestHeaders(headers)) {
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
}
