import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { H2Connection, type H2Stream } from './h2-connection';
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
import { encodeHeaderBlock } from './hpack';

/**
 * A lean gRPC server (gRPC over HTTP/2, as the gRPC project's protocol description describes it): just
 * what a go-plugin provider serves — unary calls, a server-streaming and a bidi stream that are kept open —
 * with identity encoding only, on our own HTTP/2 connection layer (h2-connection.ts) over a TLS or plain
 * socket. It replaced @grpc/grpc-js in the provider process (grpc-js's per-call machinery was about a
 * quarter of the provider's CPU in a 1,000-resource `terraform plan`), then node:http2 (its per-stream
 * machinery was most of the remaining per-call transport CPU). A unary answer is one socket write.
 */

export interface TlsOptions {
  /** PEM server certificate and key. */
  readonly cert: string;
  readonly key: string;
  /** PEM certificate the client must present (Terraform's PLUGIN_CLIENT_CERT). */
  readonly clientCert: string;
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

const GRPC_CONTENT_TYPE: [string, string] = ['content-type', 'application/grpc'];
const RESPONSE_HEADERS = encodeHeaderBlock([[':status', '200'], GRPC_CONTENT_TYPE]);
const OK_TRAILERS = encodeHeaderBlock([['grpc-status', '0']]);
const METHOD_NOT_ALLOWED = encodeHeaderBlock([[':status', '405']]);
const UNSUPPORTED_MEDIA_TYPE = encodeHeaderBlock([[':status', '415']]);

function statusFields(code: number, message: string): [string, string][] {
  return [
    ['grpc-status', String(code)],
    ['grpc-message', encodeGrpcMessage(message)],
  ];
}

export interface RunningGrpcServer {
  readonly server: Server;
  /**
   * Ends the open streams with status OK, stops listening, and lets in-flight calls finish (GOAWAY);
   * connections still open after `graceMs` are destroyed.
   */
  shutdown(graceMs?: number): Promise<void>;
}

/** The DER bytes of the one certificate a client may present. */
function pinnedCertificate(pem: string): Buffer {
  try {
    return new X509Certificate(pem).raw;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`the client certificate Terraform gave (PLUGIN_CLIENT_CERT) is not a PEM certificate: ${reason}`);
  }
}

/** Starts serving on a unix socket path (or anything `server.listen` takes). */
export async function listenGrpc(options: GrpcServerOptions, path: string): Promise<RunningGrpcServer> {
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const connections = new Set<H2Connection>();
  const openCalls = new Set<StreamCallImpl>();
  const onSocket = (socket: Socket): void => {
    socket.setNoDelay?.(true);
    const conn = new H2Connection(socket, {
      onStream: (stream, c) => onStream(c, stream, options.methods, maxMessageBytes, openCalls),
      onClose: (c) => connections.delete(c),
    });
    if (!conn.closed) connections.add(conn);
  };
  let server: Server;
  if (options.tls) {
    const expected = pinnedCertificate(options.tls.clientCert);
    const tlsServer = createTlsServer(
      {
        cert: options.tls.cert,
        key: options.tls.key,
        // No certificate store: the client certificate is pinned below instead. Any `ca` (or none) makes Node
        // parse its ~140 bundled root certificates into a store, ~20 ms of every provider start (issue 15).
        ca: [],
        // The client must send a certificate and prove it holds its key (the TLS CertificateVerify message,
        // checked by the handshake itself); that it is exactly Terraform's is checked before any byte is read.
        requestCert: true,
        rejectUnauthorized: false,
        minVersion: 'TLSv1.2',
        ALPNProtocols: ['h2'],
      },
      (socket: TLSSocket) => {
        const presented = socket.getPeerX509Certificate();
        if (!presented?.raw.equals(expected)) {
          socket.destroy();
          return;
        }
        onSocket(socket);
      },
    );
    // A failed handshake concerns that connection only.
    tlsServer.on('tlsClientError', () => {});
    server = tlsServer;
  } else {
    server = createNetServer(onSocket);
  }

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
        for (const c of connections) c.destroy();
      }, graceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      for (const c of connections) c.close();
    });
    return stopping;
  };
  return { server, shutdown };
}

/** Ends a call that never got response headers with a status (a "trailers-only" response). */
function trailersOnly(conn: H2Connection, stream: H2Stream, code: number, message: string): void {
  if (stream.closed) return;
  if (stream.headersSent) {
    finish(conn, stream, code, message);
    return;
  }
  conn.respond(
    stream,
    encodeHeaderBlock([[':status', '200'], GRPC_CONTENT_TYPE, ...statusFields(code, message)]),
    true,
  );
}

/** Trailers of a call (its headers first when none went out): status and message. */
function finish(conn: H2Connection, stream: H2Stream, code: number, message: string): void {
  if (stream.closed) return;
  const trailers = code === 0 ? OK_TRAILERS : encodeHeaderBlock(statusFields(code, message));
  conn.batch(() => {
    if (!stream.headersSent) conn.respond(stream, RESPONSE_HEADERS, false);
    conn.finish(stream, trailers);
  });
}

function errorStatus(err: unknown): { code: number; message: string } {
  const e = (err ?? {}) as CallError;
  const code = typeof e.code === 'number' && Number.isInteger(e.code) && e.code > 0 && e.code <= 16 ? e.code : 2;
  const message = typeof e.details === 'string' ? e.details : typeof e.message === 'string' ? e.message : String(err);
  return { code, message };
}

function onStream(
  conn: H2Connection,
  stream: H2Stream,
  methods: ReadonlyMap<string, Method>,
  maxMessageBytes: number,
  openCalls: Set<StreamCallImpl>,
): void {
  if (stream.header(':method') !== 'POST') {
    conn.respond(stream, METHOD_NOT_ALLOWED, true);
    return;
  }
  const contentType = stream.header('content-type');
  if (contentType === undefined || !contentType.startsWith('application/grpc')) {
    conn.respond(stream, UNSUPPORTED_MEDIA_TYPE, true);
    return;
  }
  const path = stream.header(':path') as string;
  const method = methods.get(path);
  if (!method) {
    trailersOnly(conn, stream, Status.UNIMPLEMENTED, `The server does not implement the method ${path}`);
    return;
  }
  const reader = new MessageReader(maxMessageBytes);
  if (method.kind === 'unary') serveUnary(conn, stream, method, reader);
  else serveStream(conn, stream, method, reader, openCalls);
}

function serveUnary(
  conn: H2Connection,
  stream: H2Stream,
  method: Method & { kind: 'unary' },
  reader: MessageReader,
): void {
  let message: Buffer | undefined;
  let count = 0;
  let failed = false;
  const fail = (code: number, text: string): void => {
    if (failed) return;
    failed = true;
    stream.onData = undefined;
    trailersOnly(conn, stream, code, text);
  };
  stream.onData = (chunk: Buffer) => {
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
  };
  stream.onEnd = () => {
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
      conn.respondUnary(stream, RESPONSE_HEADERS, bytes, OK_TRAILERS);
    };
    try {
      method.handler({ request }, callback);
    } catch (err) {
      const s = errorStatus(err);
      callback({ code: s.code === 2 ? Status.UNKNOWN : s.code, details: s.message });
    }
  };
}

class StreamCallImpl implements StreamCall {
  request: unknown;
  private done = false;
  private readonly cancelListeners: (() => void)[] = [];
  private readonly messageListeners: ((m: unknown) => void)[] = [];
  private readonly endListeners: (() => void)[] = [];

  constructor(
    private readonly conn: H2Connection,
    private readonly stream: H2Stream,
    private readonly response: Codec,
    private readonly openCalls: Set<StreamCallImpl>,
  ) {
    stream.onClose = () => {
      openCalls.delete(this);
      if (this.done) return;
      this.done = true;
      for (const l of this.cancelListeners) l();
    };
  }

  get closed(): boolean {
    return this.done;
  }

  write(message: unknown): void {
    if (this.done) return;
    const frame = frameMessage(this.response.encode(message));
    this.conn.batch(() => {
      if (!this.stream.headersSent) this.conn.respond(this.stream, RESPONSE_HEADERS, false);
      this.conn.write(this.stream, frame);
    });
  }

  end(): void {
    this.close(Status.OK, '');
  }

  close(code: number, message: string): void {
    if (this.done) return;
    this.done = true;
    this.openCalls.delete(this);
    if (this.stream.headersSent || code === Status.OK) finish(this.conn, this.stream, code, message);
    else trailersOnly(this.conn, this.stream, code, message);
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
  conn: H2Connection,
  stream: H2Stream,
  method: Method & { kind: 'server-stream' | 'bidi' },
  reader: MessageReader,
  openCalls: Set<StreamCallImpl>,
): void {
  const call = new StreamCallImpl(conn, stream, method.response, openCalls);
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
  stream.onData = (chunk: Buffer) => {
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
      call.close(typeof e.code === 'number' ? e.code : Status.INTERNAL, e.message);
    }
  };
  stream.onEnd = () => {
    if (call.closed) return;
    if (!started) call.close(Status.UNIMPLEMENTED, 'No message received');
    else call.emitEnd();
  };
}
