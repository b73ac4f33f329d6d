import type { HeaderList } from './hpack';

/** HTTP/2 (RFC 9113) frame types, flags, error codes and settings the provider's server uses (h2-connection.ts). */

export const FRAME_DATA = 0x0;
export const FRAME_HEADERS = 0x1;
export const FRAME_PRIORITY = 0x2;
export const FRAME_RST_STREAM = 0x3;
export const FRAME_SETTINGS = 0x4;
export const FRAME_PUSH_PROMISE = 0x5;
export const FRAME_PING = 0x6;
export const FRAME_GOAWAY = 0x7;
export const FRAME_WINDOW_UPDATE = 0x8;
export const FRAME_CONTINUATION = 0x9;

export const FLAG_END_STREAM = 0x1;
export const FLAG_ACK = 0x1;
export const FLAG_END_HEADERS = 0x4;
export const FLAG_PADDED = 0x8;
export const FLAG_PRIORITY = 0x20;

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

export const SETTINGS_HEADER_TABLE_SIZE = 0x1;
export const SETTINGS_ENABLE_PUSH = 0x2;
export const SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
export const SETTINGS_MAX_FRAME_SIZE = 0x5;

export const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
export const DEFAULT_WINDOW = 65535;
export const MAX_WINDOW = 2 ** 31 - 1;
/** Our SETTINGS_MAX_FRAME_SIZE (the protocol's default; not announced). */
export const OUR_MAX_FRAME = 16384;
/** Our receive windows (stream: SETTINGS_INITIAL_WINDOW_SIZE; connection: raised by a WINDOW_UPDATE). */
export const OUR_STREAM_WINDOW = 1 << 20;
export const OUR_CONNECTION_WINDOW = 1 << 24;
/** A header block (HEADERS + CONTINUATION) larger than this ends the connection. */
export const MAX_HEADER_BLOCK = 256 * 1024;

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

export function frameHeader(
  buf: Buffer,
  at: number,
  length: number,
  type: number,
  flags: number,
  stream: number,
): void {
  buf[at] = length >>> 16;
  buf[at + 1] = (length >>> 8) & 0xff;
  buf[at + 2] = length & 0xff;
  buf[at + 3] = type;
  buf[at + 4] = flags;
  buf.writeUInt32BE(stream, at + 5);
}

export function frame(type: number, flags: number, stream: number, payload?: Buffer): Buffer {
  const length = payload ? payload.length : 0;
  const out = Buffer.allocUnsafe(9 + length);
  frameHeader(out, 0, length, type, flags, stream);
  if (payload) payload.copy(out, 9);
  return out;
}

export function u32(value: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(value, 0);
  return b;
}

export class ConnectionError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Strips padding (PADDED flag): the frame's payload without pad length byte and padding. */
export function unpad(flags: number, payload: Buffer, extra: number): Buffer {
  if ((flags & FLAG_PADDED) === 0) {
    if (payload.length < extra) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'frame too short');
    return payload.subarray(extra);
  }
  if (payload.length < 1) throw new ConnectionError(H2_ERROR.FRAME_SIZE_ERROR, 'padded frame too short');
  const pad = payload[0] as number;
  if (pad + 1 + extra > payload.length) throw new ConnectionError(H2_ERROR.PROTOCOL_ERROR, 'padding too long');
  return payload.subarray(1 + extra, payload.length - pad);
}

/**
 * Request header rules (RFC 9113 8.2, 8.3): only request pseudo-headers, all before the regular fields;
 * lower-case names; no connection-specific field; :method and :path present.
 */
export function validRequestHeaders(headers: HeaderList): boolean {
  let pseudoDone = false;
  let method = false;
  let path = false;
  for (const [name] of headers) {
    if (name.startsWith(':')) {
      if (pseudoDone) return false;
      if (name === ':method') method = true;
      else if (name === ':path') path = true;
      else if (name !== ':scheme' && name !== ':authority') return false;
    } else {
      pseudoDone = true;
      if (name !== name.toLowerCase() || name === 'connection') return false;
    }
  }
  return method && path;
}
