import './stdout-guard';
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCert, pemToRawBase64Der } from './cert';
import { listenGrpc, type TlsOptions } from './grpc-server';
import { type Method, Status, type StreamCall, type UnaryHandler } from './grpc-protocol';
import { codec, loadRoot, SERVICE_NAMES, serviceMethods } from './load-protos';
import { guardStdout, writeHandshakeLine } from './stdout-guard';

/** go-plugin handshake constants of Terraform (internal/plugin6/serve.go); never change. */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

type Env = Readonly<Record<string, string | undefined>>;

/** True when Terraform started us (the entry script checks this before serving). */
export function hasMagicCookie(env: Env = process.env): boolean {
  return env[MAGIC_COOKIE_KEY] === MAGIC_COOKIE_VALUE;
}

/** One line for humans who run the provider binary by hand. */
export const NOT_A_PLUGIN_MESSAGE =
  'This binary is a Terraform provider plugin (registry.terraform.io/pbxctl/netsapiens). ' +
  'It is started by Terraform, not run directly.';

export class HandshakeError extends Error {
  override readonly name = 'HandshakeError';
}

/** tfplugin6.Provider unary handlers by method name. */
export type ProviderHandlers = Readonly<Record<string, UnaryHandler>>;

export interface ServeOptions {
  /** tfplugin6.Provider handlers by method name, grpc-js's unary shape: `(call: { request }, callback)`. */
  readonly provider: ProviderHandlers;
  /** Called on StopProvider-like shutdown paths (SIGTERM, Shutdown) before the server stops. */
  readonly onStop?: () => void;
  readonly env?: Env;
  /** Exit the process after GRPCController.Shutdown / SIGTERM / parent death (default true). */
  readonly exitProcess?: boolean;
}

export interface RunningPlugin {
  readonly handshakeLine: string;
  readonly socketPath: string;
  readonly tls: boolean;
  shutdown(): Promise<void>;
}

/**
 * Serves a Terraform provider the go-plugin way: unix socket, AutoMTLS with
 * the client certificate Terraform passes in PLUGIN_CLIENT_CERT, handshake
 * line on stdout, plus the GRPCStdio / GRPCController / GRPCBroker / health
 * services go-plugin clients expect.
 */
export async function servePlugin(options: ServeOptions): Promise<RunningPlugin> {
  guardStdout();
  const env = options.env ?? process.env;
  const exitProcess = options.exitProcess ?? true;

  checkProtocolVersions(env);
  const { tls, certField } = await serverTls(env);

  let shuttingDown: Promise<void> | undefined;
  const socketDir = env.PLUGIN_UNIX_SOCKET_DIR || tmpdir();
  const socketPath = join(socketDir, `pbxctl-plugin-${process.pid}-${randomBytes(4).toString('hex')}.sock`);

  const removeSocket = (): void => {
    try {
      unlinkSync(socketPath);
    } catch {
      // already gone
    }
  };

  let stopServer: () => Promise<void> = async () => {};
  const shutdown = (): Promise<void> => {
    shuttingDown ??= (async () => {
      options.onStop?.();
      // Open streams end with status OK, in-flight calls finish (2 s at most), then the socket goes.
      await stopServer();
      removeSocket();
    })();
    return shuttingDown;
  };

  const shutdownAndExit = (code: number): void => {
    void shutdown().then(() => {
      if (exitProcess) process.exit(code);
    });
  };

  const running = await listenGrpc({ methods: pluginMethods(options.provider, shutdownAndExit), tls }, socketPath);
  stopServer = () => running.shutdown(2000);

  // Lifecycle: Terraform may SIGKILL us, or die itself; SIGINT (Ctrl-C) goes
  // to the whole process group and is ignored like go-plugin does - Terraform
  // stops us with StopProvider and Shutdown instead.
  if (exitProcess) {
    process.on('SIGINT', () => {});
    process.on('SIGTERM', () => shutdownAndExit(0));
    process.on('exit', removeSocket);
    const parent = process.ppid;
    const watchdog = setInterval(() => {
      if (process.ppid !== parent) shutdownAndExit(0);
    }, 1000);
    watchdog.unref();
  }

  const handshakeLine = [CORE_PROTOCOL_VERSION, APP_PROTOCOL_VERSION, 'unix', socketPath, 'grpc', certField].join('|');
  writeHandshakeLine(handshakeLine);
  return { handshakeLine, socketPath, tls: tls !== undefined, shutdown };
}

function checkProtocolVersions(env: NodeJS.ProcessEnv): void {
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  if (offered !== undefined && offered.trim() !== '') {
    const versions = offered.split(',').map((v) => v.trim());
    if (!versions.includes(String(APP_PROTOCOL_VERSION))) {
      throw new HandshakeError(
        `Terraform offered plugin protocol versions ${offered}; this provider speaks only ${APP_PROTOCOL_VERSION} (Terraform >= 1.0).`,
      );
    }
  }
}

/** mTLS with Terraform's client certificate when it gives one (and TLS is not disabled). */
async function serverTls(env: NodeJS.ProcessEnv): Promise<{ tls: TlsOptions | undefined; certField: string }> {
  const clientCert = env.PLUGIN_CLIENT_CERT;
  if (clientCert === undefined || clientCert.trim() === '' || env.TF_DISABLE_PLUGIN_TLS) {
    return { tls: undefined, certField: '' };
  }
  const pair = await generateCert();
  // The client must present exactly the certificate Terraform gave us (pinned by listenGrpc).
  return { tls: { cert: pair.cert, key: pair.key, clientCert }, certField: pemToRawBase64Der(pair.cert) };
}

/**
 * The provider service plus go-plugin's controller, stdio, broker and health services, by HTTP/2 path. A
 * provider method without a handler answers UNIMPLEMENTED, as any unknown path does.
 */
export function pluginMethods(
  provider: ProviderHandlers,
  shutdownAndExit: (code: number) => void,
): Map<string, Method> {
  const root = loadRoot();
  const methods = new Map<string, Method>();
  const add = (service: string, handlers: Record<string, UnaryHandler | ((call: StreamCall) => void)>): void => {
    for (const m of serviceMethods(root, service)) {
      const handler = handlers[m.name];
      if (!handler) continue;
      const request = codec(m.requestType);
      const response = codec(m.responseType);
      if (!m.requestStream && !m.responseStream) {
        methods.set(m.path, { kind: 'unary', request, response, handler: handler as UnaryHandler });
      } else {
        const kind = m.requestStream ? 'bidi' : 'server-stream';
        methods.set(m.path, { kind, request, response, handler: handler as (call: StreamCall) => void });
      }
    }
  };
  add(SERVICE_NAMES.provider, provider);
  add(SERVICE_NAMES.controller, {
    Shutdown: (_call, callback) => {
      // Reply first, then stop: go-plugin waits for the answer before killing us.
      callback(null, {});
      setImmediate(() => shutdownAndExit(0));
    },
  } satisfies Record<string, UnaryHandler>);
  add(SERVICE_NAMES.stdio, {
    // Kept open and silent: our stderr already reaches Terraform's log.
    StreamStdio: (_call: StreamCall) => {},
  });
  add(SERVICE_NAMES.broker, {
    // Sub-plugin connections are not used by Terraform providers: read and ignored; ended when the client ends.
    StartStream: (call: StreamCall) => call.onEnd(() => call.end()),
  });
  const healthStatus = (service: string): string | undefined =>
    service === '' || service === 'plugin' ? 'SERVING' : undefined;
  add(SERVICE_NAMES.health, {
    Check: (call, callback) => {
      const service = (call.request as { service: string }).service;
      const status = healthStatus(service);
      if (status) callback(null, { status });
      else callback({ code: Status.NOT_FOUND, details: `unknown service ${service}` });
    },
    Watch: (call: StreamCall) => {
      call.write({ status: healthStatus((call.request as { service: string }).service) ?? 'SERVICE_UNKNOWN' });
    },
  } as Record<string, UnaryHandler | ((call: StreamCall) => void)>);
  return methods;
}
