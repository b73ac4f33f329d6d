/**
 * The provider's own gRPC server (grpc-server.ts) against real clients: grpc-js (what the protocol tests and
 * benchmarks use, written by others than us) and a raw node:http2 client for framing the clients never send
 * on their own (split prefixes, two messages in one DATA frame, compressed flag, oversized messages).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type ClientHttp2Session, constants } from 'node:http2';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadServices } from '../test-support/grpc-client';
import { generateCert } from './cert';
import { frameMessage, type UnaryHandler } from './grpc-protocol';
import { listenGrpc, type RunningGrpcServer, type TlsOptions } from './grpc-server';
import { loadRoot } from './load-protos';
import { pluginMethods } from './serve';

type Msg = Record<string, unknown>;
type Client = Record<string, (...args: unknown[]) => unknown> & grpc.Client;

let dir: string;
let n = 0;
const servers: RunningGrpcServer[] = [];
const clients: grpc.Client[] = [];
const sessions: ClientHttp2Session[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pbxctl-grpc-server-'));
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of sessions.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => s.shutdown(100)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const services = loadServices();
const root = loadRoot();
const ValidateRequest = root.lookupType('tfplugin6.ValidateResourceConfig.Request');

/** A provider whose handlers echo, fail, throw or never answer, as a test asks. */
const provider: Record<string, UnaryHandler> = {
  ValidateResourceConfig: (call, callback) => {
    const req = call.request as { type_name: string; config: { msgpack: Buffer } | null };
    if (req.type_name === 'fail') callback({ code: grpc.status.INVALID_ARGUMENT, details: 'bad ünïcode 100%\nline' });
    else if (req.type_name === 'throw') throw new Error('handler threw');
    else
      callback(null, {
        diagnostics: [
          {
            severity: 'WARNING',
            summary: req.type_name,
            detail: String(req.config?.msgpack.length ?? -1),
            attribute: { steps: [{ attribute_name: 'a' }, { element_key_int: 3 }] },
          },
        ],
      });
  },
};

async function start(
  opts: { tls?: TlsOptions; maxMessageBytes?: number; onShutdown?: () => void } = {},
): Promise<{ path: string; server: RunningGrpcServer }> {
  const path = join(dir, `s${n++}.sock`);
  const methods = pluginMethods(provider, () => opts.onShutdown?.());
  const server = await listenGrpc({ methods, tls: opts.tls, maxMessageBytes: opts.maxMessageBytes }, path);
  servers.push(server);
  return { path, server };
}

function client(ctor: grpc.ServiceClientConstructor, path: string, creds = grpc.credentials.createInsecure()): Client {
  const c = new ctor(`unix://${path}`, creds, {
    'grpc.ssl_target_name_override': 'localhost',
    'grpc.default_authority': 'localhost',
  }) as unknown as Client;
  clients.push(c);
  return c;
}

function unary(c: Client, method: string, request: Msg): Promise<Msg> {
  return new Promise((resolve, reject) => {
    c[method]?.(request, (err: grpc.ServiceError | null, res: Msg) => (err ? reject(err) : resolve(res)));
  });
}

interface RawResult {
  headers: Record<string, unknown>;
  trailers: Record<string, unknown>;
  data: Buffer;
}

/** One raw HTTP/2 request: the body written in the given chunks, each in its own DATA frame. */
async function raw(path: string, method: string, chunks: Buffer[], headers: Record<string, string> = {}) {
  const session = connect('http://localhost', { createConnection: () => netConnect(path) });
  sessions.push(session);
  session.on('error', () => {});
  const req = session.request({
    ':method': 'POST',
    ':path': method,
    'content-type': 'application/grpc',
    te: 'trailers',
    ...headers,
  });
  req.on('error', () => {});
  const result: RawResult = { headers: {}, trailers: {}, data: Buffer.alloc(0) };
  req.on('response', (h) => Object.assign(result.headers, h));
  req.on('trailers', (t) => Object.assign(result.trailers, t));
  const parts: Buffer[] = [];
  req.on('data', (d: Buffer) => parts.push(d));
  for (const c of chunks) {
    await new Promise<void>((resolve) => req.write(c, () => resolve()));
    await new Promise((r) => setTimeout(r, 5));
  }
  req.end();
  await new Promise<void>((resolve) => req.on('close', () => resolve()));
  result.data = Buffer.concat(parts);
  return result;
}

/** grpc-status of a raw response: from the trailers, or the headers of a trailers-only response. */
const statusOf = (r: RawResult) => Number(r.trailers['grpc-status'] ?? r.headers['grpc-status']);
const messageOf = (r: RawResult) => String(r.trailers['grpc-message'] ?? r.headers['grpc-message'] ?? '');

const validateBytes = (type_name: string, payload = 3) =>
  Buffer.from(
    ValidateRequest.encode(
      ValidateRequest.fromObject({ type_name, config: { msgpack: Buffer.alloc(payload, 1) } }),
    ).finish(),
  );
const VALIDATE = '/tfplugin6.Provider/ValidateResourceConfig';

describe('grpc-server with a grpc-js client', () => {
  it('answers a unary call: request in the toObject shape, enum names and oneofs in the answer', async () => {
    const { path } = await start();
    const res = await unary(client(services.provider, path), 'ValidateResourceConfig', {
      type_name: 'x',
      config: { msgpack: Buffer.from([1, 2]) },
    });
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        summary: 'x',
        detail: '2',
        attribute: {
          steps: [
            expect.objectContaining({ attribute_name: 'a', selector: 'attribute_name' }),
            expect.objectContaining({ element_key_int: 3, selector: 'element_key_int' }),
          ],
        },
      }),
    ]);
  });

  it('many concurrent calls on one connection', async () => {
    const { path } = await start();
    const c = client(services.provider, path);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        unary(c, 'ValidateResourceConfig', { type_name: `t${i}`, config: { msgpack: Buffer.alloc(i) } }),
      ),
    );
    expect(answers.map((a) => (a.diagnostics as Msg[])[0]?.detail)).toEqual(
      Array.from({ length: 200 }, (_, i) => String(i)),
    );
  });

  it('a handler error becomes its status and (percent-encoded on the wire) message', async () => {
    const { path } = await start();
    const c = client(services.provider, path);
    await expect(unary(c, 'ValidateResourceConfig', { type_name: 'fail' })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: 'bad ünïcode 100%\nline',
    });
    await expect(unary(c, 'ValidateResourceConfig', { type_name: 'throw' })).rejects.toMatchObject({
      code: grpc.status.UNKNOWN,
      details: 'handler threw',
    });
  });

  it('an RPC without a handler and an unknown service are UNIMPLEMENTED', async () => {
    const { path } = await start();
    await expect(unary(client(services.provider, path), 'PlanResourceChange', {})).rejects.toMatchObject({
      code: grpc.status.UNIMPLEMENTED,
    });
    const other = grpc.makeGenericClientConstructor(
      {
        Nope: {
          path: '/no.Such/Nope',
          requestStream: false,
          responseStream: false,
          requestSerialize: (v: Buffer) => v,
          requestDeserialize: (v: Buffer) => v,
          responseSerialize: (v: Buffer) => v,
          responseDeserialize: (v: Buffer) => v,
        },
      },
      'Such',
    );
    await expect(unary(client(other, path), 'Nope', Buffer.alloc(0) as unknown as Msg)).rejects.toMatchObject({
      code: grpc.status.UNIMPLEMENTED,
      details: expect.stringContaining('/no.Such/Nope'),
    });
  });

  it('health Check (plugin SERVING, unknown service NOT_FOUND) and Watch', async () => {
    const { path } = await start();
    const h = client(services.health, path);
    expect(await unary(h, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
    await expect(unary(h, 'Check', { service: 'other' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    const watch = h.Watch?.({ service: '' }) as grpc.ClientReadableStream<Msg>;
    const first = await new Promise((resolve) => watch.once('data', resolve));
    expect(first).toEqual({ status: 'SERVING' });
    watch.on('error', () => {});
    watch.cancel();
  });

  it('StreamStdio and the broker stream stay open until shutdown, then end with status OK', async () => {
    const { path, server } = await start();
    const stdio = client(services.stdio, path).StreamStdio?.({}) as grpc.ClientReadableStream<Msg>;
    const broker = client(services.broker, path).StartStream?.() as grpc.ClientDuplexStream<Msg, Msg>;
    broker.write({ service_id: 1, network: 'unix', address: '/x' });
    const statuses = Promise.all(
      [stdio, broker].map((s) => new Promise<number>((resolve) => s.on('status', (st) => resolve(st.code)))),
    );
    for (const s of [stdio, broker]) s.on('data', () => {});
    const early = await Promise.race([statuses, new Promise((r) => setTimeout(() => r('open'), 200))]);
    expect(early).toBe('open');
    await server.shutdown(1000);
    expect(await statuses).toEqual([grpc.status.OK, grpc.status.OK]);
  });

  it('the broker stream ends when the client ends it', async () => {
    const { path } = await start();
    const broker = client(services.broker, path).StartStream?.() as grpc.ClientDuplexStream<Msg, Msg>;
    broker.on('data', () => {});
    const status = new Promise<number>((resolve) => broker.on('status', (st) => resolve(st.code)));
    broker.write({ service_id: 1 });
    broker.end();
    expect(await status).toBe(grpc.status.OK);
  });

  it('GRPCController.Shutdown answers, then the shutdown runs (and the server stops)', async () => {
    let stopped: Promise<void> | undefined;
    let server: RunningGrpcServer | undefined;
    const { path, server: s } = await start({ onShutdown: () => (stopped = server?.shutdown(1000)) });
    server = s;
    expect(await unary(client(services.controller, path), 'Shutdown', {})).toEqual({});
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBeDefined();
    await stopped;
    await expect(unary(client(services.health, path), 'Check', { service: 'plugin' })).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
  });

  it('an answer after the client gave up (deadline) goes nowhere, and the server keeps serving', async () => {
    const late: Record<string, UnaryHandler> = {
      ValidateResourceConfig: (_call, cb) => {
        setTimeout(() => cb(null, { diagnostics: [] }), 150);
      },
    };
    const path = join(dir, `s${n++}.sock`);
    const server = await listenGrpc({ methods: pluginMethods(late, () => {}) }, path);
    servers.push(server);
    const c = client(services.provider, path);
    const gaveUp = new Promise((resolve) =>
      c.ValidateResourceConfig?.({ type_name: 'x' }, { deadline: Date.now() + 30 }, (err: grpc.ServiceError) =>
        resolve(err?.code),
      ),
    );
    expect(await gaveUp).toBe(grpc.status.DEADLINE_EXCEEDED);
    await new Promise((r) => setTimeout(r, 250));
    expect(await unary(client(services.health, path), 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
  });

  it('shutdown lets an in-flight call finish', async () => {
    let release: () => void = () => {};
    const slow: Record<string, UnaryHandler> = {
      ValidateResourceConfig: (_call, cb) => {
        release = () => cb(null, { diagnostics: [] });
      },
    };
    const path = join(dir, `s${n++}.sock`);
    const server = await listenGrpc({ methods: pluginMethods(slow, () => {}) }, path);
    const pending = unary(client(services.provider, path), 'ValidateResourceConfig', { type_name: 'x' });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = server.shutdown(5000);
    release();
    expect(await pending).toEqual({ diagnostics: [] });
    await stopped;
  });
});

describe('grpc-server mutual TLS', () => {
  it("serves a client with Terraform's certificate and refuses any other", async () => {
    const [serverPair, terraformPair, strangerPair] = await Promise.all([
      generateCert(),
      generateCert(),
      generateCert(),
    ]);
    const { path } = await start({
      tls: { cert: serverPair.cert, key: serverPair.key, clientCert: terraformPair.cert },
    });
    const creds = (pair: { cert: string; key: string }) =>
      grpc.credentials.createSsl(Buffer.from(serverPair.cert), Buffer.from(pair.key), Buffer.from(pair.cert));
    const good = client(services.health, path, creds(terraformPair));
    expect(await unary(good, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
    const bad = client(services.health, path, creds(strangerPair));
    await expect(unary(bad, 'Check', { service: 'plugin' })).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
    const none = client(services.health, path, grpc.credentials.createSsl(Buffer.from(serverPair.cert)));
    await expect(unary(none, 'Check', { service: 'plugin' })).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
  });

  it('refuses to start when the certificate to pin is not a PEM certificate', async () => {
    const pair = await generateCert();
    await expect(
      listenGrpc({ methods: new Map(), tls: { ...pair, clientCert: 'not a certificate' } }, join(dir, 'bad.sock')),
    ).rejects.toThrow(/PLUGIN_CLIENT_CERT\) is not a PEM certificate/);
  });
});

describe('grpc-server framing (raw HTTP/2 client)', () => {
  it('a message split across DATA frames, even inside the 5-byte prefix', async () => {
    const { path } = await start();
    const framed = frameMessage(validateBytes('split', 100));
    const r = await raw(path, VALIDATE, [framed.subarray(0, 2), framed.subarray(2, 7), framed.subarray(7)]);
    expect(r.headers[':status']).toBe(200);
    expect(r.headers['content-type']).toBe('application/grpc');
    expect(statusOf(r)).toBe(0);
    expect(r.data[0]).toBe(0);
    expect(r.data.readUInt32BE(1)).toBe(r.data.length - 5);
    const answer = root.lookupType('tfplugin6.ValidateResourceConfig.Response').decode(r.data.subarray(5));
    expect(JSON.stringify(answer)).toContain('"detail":"100"');
  });

  it('two messages in one DATA frame: the bidi stream gets both; a unary call refuses the second', async () => {
    const { path } = await start();
    const ConnInfo = root.lookupType('plugin.ConnInfo');
    const two = Buffer.concat([
      frameMessage(ConnInfo.encode({ service_id: 1 }).finish()),
      frameMessage(ConnInfo.encode({ service_id: 2 }).finish()),
    ]);
    const bidi = await raw(path, '/plugin.GRPCBroker/StartStream', [two]);
    expect(statusOf(bidi)).toBe(0);
    const unaryTwo = await raw(path, VALIDATE, [
      Buffer.concat([frameMessage(validateBytes('a')), frameMessage(validateBytes('b'))]),
    ]);
    expect(statusOf(unaryTwo)).toBe(13);
    expect(unaryTwo.data.length).toBe(0);
  });

  it('a compressed message is UNIMPLEMENTED', async () => {
    const { path } = await start();
    const framed = frameMessage(validateBytes('zip'));
    framed[0] = 1;
    const r = await raw(path, VALIDATE, [framed], { 'grpc-encoding': 'gzip' });
    expect(statusOf(r)).toBe(12);
    expect(messageOf(r)).toMatch(/compressed/);
  });

  it('a message over the size limit is RESOURCE_EXHAUSTED, read from its prefix alone', async () => {
    const { path } = await start({ maxMessageBytes: 1024 });
    const framed = frameMessage(validateBytes('big', 4096));
    const r = await raw(path, VALIDATE, [framed.subarray(0, 5)]);
    expect(statusOf(r)).toBe(8);
    expect(messageOf(r)).toMatch(/larger than max/);
    const ok = await raw(path, VALIDATE, [frameMessage(validateBytes('small', 500))]);
    expect(statusOf(ok)).toBe(0);
  });

  it('an unknown path is UNIMPLEMENTED (trailers-only); a stream ended mid-message and an empty one fail', async () => {
    const { path } = await start();
    const unknown = await raw(path, '/tfplugin6.Provider/NoSuchMethod', [frameMessage(validateBytes('x'))]);
    expect(unknown.headers[':status']).toBe(200);
    expect(unknown.headers['grpc-status']).toBe('12');
    const framed = frameMessage(validateBytes('cut'));
    expect(statusOf(await raw(path, VALIDATE, [framed.subarray(0, framed.length - 1)]))).toBe(13);
    expect(statusOf(await raw(path, VALIDATE, []))).toBe(12);
  });

  it('not gRPC: a GET is 405, another content type 415', async () => {
    const { path } = await start();
    const session = connect('http://localhost', { createConnection: () => netConnect(path) });
    sessions.push(session);
    const status = (headers: Record<string, string>) =>
      new Promise((resolve) => {
        const req = session.request(headers);
        req.on('response', (h) => resolve(h[constants.HTTP2_HEADER_STATUS]));
        req.on('error', () => {});
        req.end();
      });
    expect(await status({ ':method': 'GET', ':path': VALIDATE })).toBe(405);
    expect(await status({ ':method': 'POST', ':path': VALIDATE, 'content-type': 'application/json' })).toBe(415);
  });
});
