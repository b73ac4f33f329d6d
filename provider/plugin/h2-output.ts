import type { Duplex } from 'node:stream';
import {
  ConnectionError,
  DEFAULT_WINDOW,
  FLAG_ACK,
  FRAME_SETTINGS,
  H2_ERROR,
  MAX_WINDOW,
  SETTINGS_ENABLE_PUSH,
  SETTINGS_HEADER_TABLE_SIZE,
  SETTINGS_INITIAL_WINDOW_SIZE,
  SETTINGS_MAX_FRAME_SIZE,
  FLAG_END_HEADERS,
  FLAG_END_STREAM,
  FRAME_CONTINUATION,
  FRAME_DATA,
  FRAME_HEADERS,
  frame,
  frameHeader,
  type H2Stream,
} from './h2-frames';

/**
 * The sending half of an HTTP/2 server connection (h2-connection.ts): response HEADERS (+ CONTINUATION),
 * DATA split to the peer's frame size and paced by the connection and stream send windows (queued per
 * stream while a window is spent), trailers after the queued DATA; and what the peer says about it
 * (SETTINGS: initial stream window, frame size; WINDOW_UPDATE). Frames produced while input is being
 * processed, or inside `batch`, go out in one socket write.
 */
export abstract class H2Output {
  protected out: Buffer[] = [];
  protected processing = false;
  protected dead = false;
  protected peerMaxFrame = 16384;
  protected connSendWindow = DEFAULT_WINDOW;
  /** Streams with output waiting for window, in arrival order. */
  protected readonly blocked = new Set<H2Stream>();

  /** Open streams by id; the highest stream id the client opened. */
  protected readonly streams = new Map<number, H2Stream>();
  protected lastStreamId = 0;
  protected settingsSeen = false;
  protected peerInitialWindow = DEFAULT_WINDOW;

  constructor(protected readonly socket: Duplex) {}

  /** Resets a stream (our side) with an error code. */
  abstract reset(stream: H2Stream, code: number): void;

  /** Our side of `stream` ended (END_STREAM sent). */
  protected abstract afterLocalEnd(stream: H2Stream): void;

  protected flush(): void {
    if (this.out.length === 0 || this.dead) {
      this.out.length = 0;
      return;
    }
    const chunk = this.out.length === 1 ? (this.out[0] as Buffer) : Buffer.concat(this.out);
    this.out = [];
    this.socket.write(chunk);
  }

  /** Queues frames; written at the end of the current input chunk, or now outside input processing. */
  protected emit(buf: Buffer): void {
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
  protected drainBlocked(): void {
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

  protected endLocal(stream: H2Stream): void {
    stream.localEnded = true;
    this.afterLocalEnd(stream);
  }

  // ---- what the peer says about our sending: SETTINGS, WINDOW_UPDATE ----

  protected onSettings(flags: number, id: number, payload: Buffer): void {
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

  protected onWindowUpdate(id: number, payload: Buffer): void {
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
