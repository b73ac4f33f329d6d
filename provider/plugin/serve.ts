import './stdout-guard';
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { generateCert, pemToRawBase64Der } from './cert';
import { loadServices } from './load-protos';
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

export interface ServeOptions {
  /** tfplugin6.Provider handlers. */
  readonly provider: grpc.UntypedServiceImplementation;
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
  const { credentials, certField, tls } = await serverCredentials(env);

  const services = loadServices();
  // No channelz: its per-call bookkeeping (call counters, timestamps) was ~5 % of the provider's CPU in a
  // 1,000-resource `terraform plan`, and nothing here reads it.
  const server = new grpc.Server({ 'grpc.enable_channelz': 0 });
  const openStreams = new Set<OpenStream>();
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

  const shutdown = (): Promise<void> => {
    if (shuttingDown) return shuttingDown;
    shuttingDown = new Promise<void>((resolve) => {
      options.onStop?.();
      for (const s of openStreams) s.end();
      openStreams.clear();
      const force = setTimeout(() => server.forceShutdown(), 2000);
      force.unref();
      server.tryShutdown(() => {
        clearTimeout(force);
        removeSocket();
        resolve();
      });
    });
    return shuttingDown;
  };

  const shutdownAndExit = (code: number): void => {
    void shutdown().then(() => {
      if (exitProcess) process.exit(code);
    });
  };

  addServices(server, services, options.provider, openStreams, shutdownAndExit);

  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix://${socketPath}`, credentials, (err) => (err ? reject(err) : resolve()));
  });

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
  return { handshakeLine, socketPath, tls, shutdown };
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
async function serverCredentials(
  env: NodeJS.ProcessEnv,
): Promise<{ credentials: grpc.ServerCredentials; certField: string; tls: boolean }> {
  const clientCert = env.PLUGIN_CLIENT_CERT;
  const tls = clientCert !== undefined && clientCert.trim() !== '' && !env.TF_DISABLE_PLUGIN_TLS;
  let certField = '';
  let credentials: grpc.ServerCredentials;
  if (tls) {
    const pair = await generateCert();
    certField = pemToRawBase64Der(pair.cert);
    // true: verify Terraform's client certificate against the one it gave us.
    credentials = grpc.ServerCredentials.createSsl(
      Buffer.from(clientCert),
      [{ cert_chain: Buffer.from(pair.cert), private_key: Buffer.from(pair.key) }],
      true,
    );
  } else {
    credentials = grpc.ServerCredentials.createInsecure();
  }
  return { credentials, certField, tls };
}

type OpenStream = grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

/** The provider service plus go-plugin's controller, stdio, broker and health services. */
function addServices(
  server: grpc.Server,
  services: ReturnType<typeof loadServices>,
  provider: ServeOptions['provider'],
  openStreams: Set<OpenStream>,
  shutdownAndExit: (code: number) => void,
): void {
  server.addService(services.provider.service, provider);
  server.addService(services.controller.service, {
    Shutdown: (_call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      // Reply first, then stop: go-plugin waits for the answer before killing us.
      callback(null, {});
      setImmediate(() => shutdownAndExit(0));
    },
  });
  server.addService(services.stdio.service, {
    StreamStdio: (call: grpc.ServerWritableStream<unknown, unknown>) => {
      // Kept open and silent: our stderr already reaches Terraform's log.
      openStreams.add(call);
      call.on('cancelled', () => openStreams.delete(call));
    },
  });
  server.addService(services.broker.service, {
    StartStream: (call: grpc.ServerDuplexStream<unknown, unknown>) => {
      openStreams.add(call);
      call.on('data', () => {});
      call.on('end', () => {
        openStreams.delete(call);
        call.end();
      });
      call.on('cancelled', () => openStreams.delete(call));
    },
  });
  const healthStatus = (service: string): string | undefined =>
    service === '' || service === 'plugin' ? 'SERVING' : undefined;
  server.addService(services.health.service, {
    Check: (call: grpc.ServerUnaryCall<{ service: string }, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      const status = healthStatus(call.request.service);
      if (status) callback(null, { status });
      else callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${call.request.service}` });
    },
    Watch: (call: grpc.ServerWritableStream<{ service: string }, unknown>) => {
      openStreams.add(call);
      call.write({ status: healthStatus(call.request.service) ?? 'SERVICE_UNKNOWN' });
      call.on('cancelled', () => openStreams.delete(call));
    },
  });
}
