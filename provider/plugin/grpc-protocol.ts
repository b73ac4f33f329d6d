/**
 * gRPC message framing over HTTP/2 (the gRPC project's "gRPC over HTTP2" protocol description): the
 * 5-byte prefix of every message (compressed flag, big-endian length), status codes, the percent-encoding
 * of grpc-message, and the handler shapes plugin/grpc-server.ts serves.
 */

/** What a handler passes to its callback (or throws) to fail a call; like grpc-js's ServiceError. */
export interface CallError {
  readonly code?: number;
  readonly details?: string;
  readonly message?: string;
}

/** A message codec: wire bytes <-> the objects handlers see and return. */
export interface Codec {
  decode(bytes: Uint8Array): unknown;
  encode(value: unknown): Uint8Array;
}

export type UnaryCallback = (err: CallError | null, response?: unknown) => void;
/** The handler shape of grpc-js unary calls: `(call, callback)`; only `call.request` is given. */
export type UnaryHandler = (call: { readonly request: unknown }, callback: UnaryCallback) => void;

/** A server-streaming or bidi call kept by its handler. */
export interface StreamCall {
  /** The single request of a server-streaming call (undefined for bidi). */
  readonly request: unknown;
  /** True once the client went away or the call ended. */
  readonly closed: boolean;
  write(message: unknown): void;
  /** Ends the call with status OK. */
  end(): void;
  /** Client messages (bidi). */
  onMessage(listener: (message: unknown) => void): void;
  /** The client half-closed (bidi). */
  onEnd(listener: () => void): void;
  /** The client cancelled or the connection dropped. */
  onCancel(listener: () => void): void;
}
export type StreamHandler = (call: StreamCall) => void;

export type Method =
  | { readonly kind: 'unary'; readonly request: Codec; readonly response: Codec; readonly handler: UnaryHandler }
  | {
      readonly kind: 'server-stream' | 'bidi';
      readonly request: Codec;
      readonly response: Codec;
      readonly handler: StreamHandler;
    };

/** gRPC status codes used here (the numbers are the protocol's). */
export const Status = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
} as const;

/** grpc-message is percent-encoded: every byte outside 0x20–0x7e, and '%' itself (the protocol description). */
export function encodeGrpcMessage(message: string): string {
  if (!/[^\x20-\x24\x26-\x7e]/.test(message)) return message;
  let out = '';
  for (const byte of Buffer.from(message, 'utf8')) {
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The 5-byte gRPC message prefix (compressed flag 0, big-endian length) followed by the message. */
export function frameMessage(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(5 + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  out.set(message, 5);
  return out;
}

export class FrameError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Splits a byte stream into gRPC messages: a prefix or a message may span chunks (HTTP/2 DATA frames),
 * and one chunk may hold several messages.
 */
export class MessageReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxMessageBytes: number) {}

  /** The complete messages `chunk` finishes; throws FrameError on a compressed or oversized message. */
  push(chunk: Buffer): Buffer[] {
    let buf: Buffer;
    if (this.pendingBytes === 0) buf = chunk;
    else {
      this.pending.push(chunk);
      buf = Buffer.concat(this.pending, this.pendingBytes + chunk.length);
      this.pending = [];
      this.pendingBytes = 0;
    }
    const out: Buffer[] = [];
    let at = 0;
    while (buf.length - at >= 5) {
      const flag = buf[at] as number;
      const length = buf.readUInt32BE(at + 1);
      if (flag !== 0) {
        throw new FrameError(
          flag === 1 ? Status.UNIMPLEMENTED : Status.INTERNAL,
          flag === 1 ? 'compressed messages are not supported (identity encoding only)' : `bad message flag ${flag}`,
        );
      }
      if (length > this.maxMessageBytes) {
        throw new FrameError(
          Status.RESOURCE_EXHAUSTED,
          `Received message larger than max (${length} vs. ${this.maxMessageBytes})`,
        );
      }
      if (buf.length - at - 5 < length) break;
      out.push(buf.subarray(at + 5, at + 5 + length));
      at += 5 + length;
    }
    if (at < buf.length) {
      this.pending.push(buf.subarray(at));
      this.pendingBytes = buf.length - at;
    }
    return out;
  }

  /** Bytes of an unfinished message left at the end of the stream. */
  get leftover(): number {
    return this.pendingBytes;
  }
}
