/**
 * HTTP/1.1 message boundaries in a byte stream, for the TCP-level delaying proxy (bench/latency-proxy.ts):
 * it reads only what it needs to find where each message ends — the head (start line and the
 * `content-length` / `transfer-encoding` headers) and the body's framing (a length, chunks, or up to the end
 * of the connection) — and hands every byte on unchanged, piece by piece, each piece tagged with the message
 * it belongs to. Bodies are never copied or decoded.
 */

export interface MessageHead {
  /** The start line: `GET /path HTTP/1.1` or `HTTP/1.1 200 OK`. */
  readonly startLine: string;
  /** Request: the method; response: undefined. */
  readonly method?: string;
  /** Request: the target; response: undefined. */
  readonly target?: string;
  /** Response: the status code; request: undefined. */
  readonly status?: number;
  readonly contentLength?: number;
  readonly chunked: boolean;
  /** `connection: close`: the sender closes the connection after this message. */
  readonly close: boolean;
}

/** How the body after a head is framed: `close` reads up to the end of the connection. */
export type BodyMode = 'none' | 'length' | 'chunked' | 'close';

/** A piece of the stream: all its bytes belong to one message; `end` marks that message's last piece. */
export type PieceSink = (piece: Buffer, head: MessageHead | undefined, end: boolean) => void;

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
/** A head larger than this is not HTTP we can relay (Node's own limit is 16 KiB). */
const MAX_HEAD = 64 * 1024;

export function parseHead(text: string): MessageHead {
  const lines = text.split('\r\n');
  const startLine = lines[0] ?? '';
  let contentLength: number | undefined;
  let chunked = false;
  let close = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`bad content-length: ${value}`);
      contentLength = n;
    } else if (name === 'transfer-encoding') chunked = /(^|,)\s*chunked\s*$/i.test(value);
    else if (name === 'connection') close = /(^|,)\s*close\s*(,|$)/i.test(value);
  }
  const parts = startLine.split(' ');
  if (startLine.startsWith('HTTP/')) {
    const status = Number(parts[1]);
    if (!Number.isInteger(status)) throw new Error(`bad status line: ${startLine}`);
    return { startLine, status, contentLength, chunked, close };
  }
  if (parts.length < 3) throw new Error(`bad request line: ${startLine}`);
  return { startLine, method: parts[0], target: parts[1], contentLength, chunked, close };
}

/** A request's body framing (RFC 9112 §6.3): chunked, else a length, else none. */
export function requestBodyMode(head: MessageHead): BodyMode {
  if (head.chunked) return 'chunked';
  return head.contentLength ? 'length' : 'none';
}

/** A response's, given the method of its request: HEAD, 1xx, 204 and 304 have none. */
export function responseBodyMode(head: MessageHead, requestMethod: string | undefined): BodyMode {
  const status = head.status ?? 0;
  if (requestMethod === 'HEAD' || status < 200 || status === 204 || status === 304) return 'none';
  if (head.chunked) return 'chunked';
  if (head.contentLength !== undefined) return head.contentLength > 0 ? 'length' : 'none';
  return 'close';
}

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'trailer' | 'close';

/**
 * Splits a byte stream into messages. `mode` decides each message's body framing from its head (a response
 * needs its request's method). Throws on what is not HTTP/1.1 framing; the caller closes the connection.
 */
export class MessageFramer {
  private state: State = 'head';
  /** Bytes of an unfinished head (or chunk-size / trailer line), kept until the line is whole. */
  private partial: Buffer = Buffer.alloc(0);
  private head: MessageHead | undefined;
  private remaining = 0;

  constructor(
    private readonly mode: (head: MessageHead) => BodyMode,
    private readonly sink: PieceSink,
  ) {}

  /** True between messages: no message has begun. */
  get idle(): boolean {
    return this.state === 'head' && this.partial.length === 0;
  }

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) at = this.step(chunk, at);
  }

  /** The connection ended: a `close`-framed message ends here. */
  end(): void {
    if (this.state === 'close') this.finish(Buffer.alloc(0));
  }

  private step(chunk: Buffer, at: number): number {
    switch (this.state) {
      case 'head':
        return this.readHead(chunk, at);
      case 'length': {
        const take = Math.min(this.remaining, chunk.length - at);
        this.remaining -= take;
        const piece = chunk.subarray(at, at + take);
        if (this.remaining === 0) this.finish(piece);
        else this.sink(piece, this.head, false);
        return at + take;
      }
      case 'chunk-data': {
        // The chunk's data and its CRLF.
        const take = Math.min(this.remaining, chunk.length - at);
        this.remaining -= take;
        this.sink(chunk.subarray(at, at + take), this.head, false);
        if (this.remaining === 0) this.state = 'chunk-size';
        return at + take;
      }
      case 'chunk-size':
      case 'trailer':
        return this.readLine(chunk, at);
      case 'close':
        this.sink(chunk.subarray(at), this.head, false);
        return chunk.length;
    }
  }

  /** Up to the end of the head; then the body's framing decides the next state. */
  private readHead(chunk: Buffer, at: number): number {
    const rest = chunk.subarray(at);
    const joined = this.partial.length > 0 ? Buffer.concat([this.partial, rest]) : rest;
    const end = joined.indexOf(HEAD_END, Math.max(0, this.partial.length - 3));
    if (end < 0) {
      if (joined.length > MAX_HEAD) throw new Error('HTTP head too large');
      this.partial = Buffer.from(joined);
      return chunk.length;
    }
    const used = end + 4 - this.partial.length;
    this.partial = Buffer.alloc(0);
    const head = parseHead(joined.toString('latin1', 0, end));
    this.head = head;
    const piece = joined.subarray(0, end + 4);
    const mode = this.mode(head);
    if (mode === 'none') this.finish(piece);
    else {
      this.sink(piece, head, false);
      if (mode === 'length') {
        this.state = 'length';
        this.remaining = head.contentLength ?? 0;
      } else this.state = mode === 'chunked' ? 'chunk-size' : 'close';
    }
    return at + used;
  }

  /** A chunk-size line, or a trailer line (an empty one ends the message). */
  private readLine(chunk: Buffer, at: number): number {
    const rest = chunk.subarray(at);
    const joined = this.partial.length > 0 ? Buffer.concat([this.partial, rest]) : rest;
    const end = joined.indexOf(CRLF, Math.max(0, this.partial.length - 1));
    if (end < 0) {
      if (joined.length > MAX_HEAD) throw new Error('HTTP chunk line too large');
      this.partial = Buffer.from(joined);
      return chunk.length;
    }
    const used = end + 2 - this.partial.length;
    this.partial = Buffer.alloc(0);
    const piece = joined.subarray(0, end + 2);
    if (this.state === 'trailer') {
      if (end === 0) this.finish(piece);
      else this.sink(piece, this.head, false);
      return at + used;
    }
    const size = Number.parseInt(joined.toString('latin1', 0, end).split(';')[0]?.trim() ?? '', 16);
    if (!Number.isInteger(size) || size < 0) throw new Error('bad chunk size');
    this.sink(piece, this.head, false);
    if (size === 0) this.state = 'trailer';
    else {
      this.state = 'chunk-data';
      this.remaining = size + 2;
    }
    return at + used;
  }

  private finish(piece: Buffer): void {
    const head = this.head;
    this.state = 'head';
    this.head = undefined;
    this.sink(piece, head, true);
  }
}
