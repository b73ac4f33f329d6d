import {
  constants,
  createSecureServer,
  createServer,
  type Http2Server,
  type Http2Session,
  type IncomingHttpHeaders,
  type ServerHttp2Stream,
} from 'node:http2';
import {
  type CallError,
  type Codec,
  encodeGrpcMessage,
  FrameError,
  frameMessage,
  type Method,
  MessageReader,
  Status,
  type StreamCall,
  type UnaryCallback,
} from './grpc-protocol';

/**
 * A lean gRPC server on node:http2 (gRPC over HTTP/2, as the gRPC project's protocol description
 * describes it): just what a go-plugin provider serves — unary calls, a server-streaming and a bidi
 * stream that are kept open — with identity encoding only. It replaces @grpc/grpc-js in the provider
 * process: grpc-js's per-call machinery (interceptors, metadata, call objects, stream wrappers) was
 * about a quarter of the provider's CPU in a 1,000-resource `terraform plan`, and loading it ~70 ms of
 * each of the three provider starts per plan.
 */

export interface TlsOptions {
  /** PEM server certificate and key. */
  readonly cert: string;
  readonly key: string;
  /** PEM certificate the client must present (Terraform's PLUGIN_CLIENT_CERT). */
  readonly clientCa: string;
}

export interface GrpcServerOptions {
  /** Methods by path, `/package.Service/Method`. */
  readonly methods: ReadonlyMap<string, Method>;
  /** Mutual TLS; plaintext when absent. */
  readonly tls?: TlsOptions;
  /** Largest request message accepted, bytes (grpc-js's default receive limit: 4 MiB). */
  readonly maxMessageBytes?: number;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

const {
  HTTP2_HEADER_STATUS,
  HTTP2_HEADER_CONTENT_TYPE,
  HTTP2_HEADER_PATH,
  HTTP2_HEADER_METHOD,
  HTTP_STATUS_OK,
  HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE,
  HTTP_STATUS_METHOD_NOT_ALLOWED,
} = constants;

const RESPONSE_HEADERS = Object.freeze({
  [HTTP2_HEADER_STATUS]: HTTP_STATUS_OK,
  [HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
});
const OK_TRAILERS = Object.freeze({ 'grpc-status': '0' });

export interface RunningGrpcServer {
  readonly server: Http2Server;
  /**
   * Ends the open streams with status OK, stops listening, and lets in-flight calls finish (GOAWAY);
   * connections still open after `graceMs` are destroyed.
   */
  shutdown(graceMs?: number): Promise<void>;
}

/** Starts serving on a unix socket path (or anything `server.listen` takes). */
export async function listenGrpc(options: GrpcServerOptions, path: string): Promise<RunningGrpcServer> {
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  // No per-session memory cap (node's default, 10 MB, refuses new streams while big responses are queued;
  // grpc-js lifts it the same way): the only client is Terraform, on a local socket.
  const http2Options = { maxSessionMemory: Number.MAX_SAFE_INTEGER };
  const server: Http2Server = options.tls
    ? createSecureServer({
        ...http2Options,
        cert: options.tls.cert,
        key: options.tls.key,
        ca: options.tls.clientCa,
        // Only a client with Terraform's certificate gets through the TLS handshake.
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
      })
    : createServer(http2Options);
  const sessions = new Set<Http2Session>();
  const openCalls = new Set<StreamCallImpl>();
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    // A connection-level error (peer reset, TLS failure) concerns that connection only.
    session.on('error', () => {});
  });
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) =>
    onStream(stream, headers, options.methods, maxMessageBytes, openCalls),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const shutdown = (graceMs = 2000): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      for (const call of openCalls) call.end();
      openCalls.clear();
      const force = setTimeout(() => {
        for (const s of sessions) s.destroy();
      }, graceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      for (const s of sessions) s.close();
    });
    return stopping;
  };
  return { server, shutdown };
}

/** Ends a call that never got response headers with a status (a "trailers-only" response). */
function trailersOnly(stream: ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.closed) return;
  if (stream.headersSent) {
    finish(stream, code, message);
    return;
  }
  guarded(() =>
    stream.respond(
      { ...RESPONSE_HEADERS, 'grpc-status': String(code), 'grpc-message': encodeGrpcMessage(message) },
      { endStream: true },
    ),
  );
}

/** Trailers of a call whose headers went out: status and message. */
function finish(stream: ServerHttp2Stream, code: number, message: string, last?: Uint8Array): void {
  if (stream.destroyed || stream.closed) return;
  const trailers =
    code === 0 ? OK_TRAILERS : { 'grpc-status': String(code), 'grpc-message': encodeGrpcMessage(message) };
  guarded(() => {
    if (!stream.headersSent) stream.respond(RESPONSE_HEADERS, { waitForTrailers: true });
    stream.once('wantTrailers', () => guarded(() => stream.sendTrailers(trailers)));
    if (last) stream.end(last);
    else stream.end();
  });
}

/**
 * A write to a stream the client reset or a connection that dropped between the check and the write (an
 * answer that comes late, after a cancel) concerns that call only: it must not end the provider process.
 */
function guarded(write: () => void): void {
  try {
    write();
  } catch {
    // the call is gone
  }
}

function errorStatus(err: unknown): { code: number; message: string } {
  const e = (err ?? {}) as CallError;
  const code = typeof e.code === 'number' && Number.isInteger(e.code) && e.code > 0 && e.code <= 16 ? e.code : 2;
  const message = typeof e.details === 'string' ? e.details : typeof e.message === 'string' ? e.message : String(err);
  return { code, message };
}

function onStream(
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  methods: ReadonlyMap<string, Method>,
  maxMessageBytes: number,
  openCalls: Set<StreamCallImpl>,
): void {
  // A stream reset by the client (cancel) must not become an uncaught error.
  stream.on('error', () => {});
  if (headers[HTTP2_HEADER_METHOD] !== 'POST') {
    stream.respond({ [HTTP2_HEADER_STATUS]: HTTP_STATUS_METHOD_NOT_ALLOWED }, { endStream: true });
    return;
  }
  const contentType = headers[HTTP2_HEADER_CONTENT_TYPE];
  if (typeof contentType !== 'string' || !contentType.startsWith('application/grpc')) {
    stream.respond({ [HTTP2_HEADER_STATUS]: HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE }, { endStream: true });
    return;
  }
  const path = headers[HTTP2_HEADER_PATH] as string;
  const method = methods.get(path);
  if (!method) {
    stream.resume();
    trailersOnly(stream, Status.UNIMPLEMENTED, `The server does not implement the method ${path}`);
    return;
  }
  const reader = new MessageReader(maxMessageBytes);
  if (method.kind === 'unary') serveUnary(stream, method, reader);
  else serveStream(stream, method, reader, openCalls);
}

function serveUnary(stream: ServerHttp2Stream, method: Method & { kind: 'unary' }, reader: MessageReader): void {
  let message: Buffer | undefined;
  let count = 0;
  let failed = false;
  const fail = (code: number, text: string): void => {
    if (failed) return;
    failed = true;
    stream.resume();
    trailersOnly(stream, code, text);
  };
  stream.on('data', (chunk: Buffer) => {
    if (failed) return;
    let messages: Buffer[];
    try {
      messages = reader.push(chunk);
    } catch (err) {
      const e = err as FrameError;
      fail(e.code, e.message);
      return;
    }
    for (const m of messages) {
      count++;
      message = m;
    }
  });
  stream.on('end', () => {
    if (failed) return;
    if (count !== 1 || reader.leftover !== 0) {
      if (reader.leftover !== 0) fail(Status.INTERNAL, 'Incomplete message at the end of the stream');
      else if (count === 0) fail(Status.UNIMPLEMENTED, 'No message received');
      else fail(Status.INTERNAL, 'Received a second request message for a unary method');
      return;
    }
    let request: unknown;
    try {
      request = method.request.decode(message as Buffer);
    } catch (err) {
      fail(Status.INTERNAL, `Error parsing request: ${(err as Error).message}`);
      return;
    }
    let answered = false;
    const callback: UnaryCallback = (err, response) => {
      if (answered) return;
      answered = true;
      if (err) {
        const s = errorStatus(err);
        fail(s.code, s.message);
        return;
      }
      let bytes: Uint8Array;
      try {
        bytes = method.response.encode(response);
      } catch (e) {
        fail(Status.INTERNAL, `Error serializing response: ${(e as Error).message}`);
        return;
      }
      finish(stream, Status.OK, '', frameMessage(bytes));
    };
    try {
      method.handler({ request }, callback);
    } catch (err) {
      const s = errorStatus(err);
      callback({ code: s.code === 2 ? Status.UNKNOWN : s.code, details: s.message });
    }
  });
}

class StreamCallImpl implements StreamCall {
  request: unknown;
  private done = false;
  private readonly cancelListeners: (() => void)[] = [];
  private readonly messageListeners: ((m: unknown) => void)[] = [];
  private readonly endListeners: (() => void)[] = [];

  constructor(
    private readonly stream: ServerHttp2Stream,
    private readonly response: Codec,
    private readonly openCalls: Set<StreamCallImpl>,
  ) {
    stream.on('close', () => {
      openCalls.delete(this);
      if (this.done) return;
      this.done = true;
      for (const l of this.cancelListeners) l();
    });
  }

  get closed(): boolean {
    return this.done;
  }

  write(message: unknown): void {
    if (this.done) return;
    const frame = frameMessage(this.response.encode(message));
    guarded(() => {
      if (!this.stream.headersSent) this.stream.respond(RESPONSE_HEADERS, { waitForTrailers: true });
      this.stream.write(frame);
    });
  }

  end(): void {
    this.close(Status.OK, '');
  }

  close(code: number, message: string): void {
    if (this.done) return;
    this.done = true;
    this.openCalls.delete(this);
    if (this.stream.headersSent) finish(this.stream, code, message);
    else if (code === Status.OK) finish(this.stream, code, message);
    else trailersOnly(this.stream, code, message);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onEnd(listener: () => void): void {
    this.endListeners.push(listener);
  }
  onCancel(listener: () => void): void {
    this.cancelListeners.push(listener);
  }

  emitMessage(m: unknown): void {
    for (const l of this.messageListeners) l(m);
  }
  emitEnd(): void {
    for (const l of this.endListeners) l();
  }
}

function serveStream(
  stream: ServerHttp2Stream,
  method: Method & { kind: 'server-stream' | 'bidi' },
  reader: MessageReader,
  openCalls: Set<StreamCallImpl>,
): void {
  const call = new StreamCallImpl(stream, method.response, openCalls);
  openCalls.add(call);
  let started = method.kind === 'bidi';
  const start = (): void => {
    try {
      method.handler(call);
    } catch (err) {
      const s = errorStatus(err);
      call.close(s.code, s.message);
    }
  };
  if (started) start();
  stream.on('data', (chunk: Buffer) => {
    if (call.closed) return;
    let messages: Buffer[];
    try {
      messages = reader.push(chunk);
      for (const m of messages) {
        const decoded = method.request.decode(m);
        if (!started) {
          started = true;
          call.request = decoded;
          start();
        } else if (method.kind === 'bidi') call.emitMessage(decoded);
        else throw new FrameError(Status.INTERNAL, 'Received a second request message for a server-streaming method');
      }
    } catch (err) {
      const e = err as FrameError;
      stream.resume();
      call.close(typeof e.code === 'number' ? e.code : Status.INTERNAL, e.message);
    }
  });
  stream.on('end', () => {
    if (call.closed) return;
    if (!started) call.close(Status.UNIMPLEMENTED, 'No message received');
    else call.emitEnd();
  });
}
