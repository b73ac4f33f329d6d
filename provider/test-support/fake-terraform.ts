import { type ChildProcess, spawn } from 'node:child_process';
import * as grpc from '@grpc/grpc-js';
import {
  type CtyObject,
  type CtyType,
  type CtyValue,
  decodeDynamicValue,
  encodeDynamicValue,
  isObjectValue,
  parseType,
  types,
} from '../cty';
import { type AttributePath, pathFromProto } from '../framework/diagnostics';
import { generateCert, rawBase64DerToPem } from '../plugin/cert';
import { loadServices } from './grpc-client';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../plugin/serve';

/*
 * A "fake Terraform": the client half of go-plugin + tfplugin6 in Node, so
 * protocol tests run without a Terraform binary. It spawns the provider with
 * the magic cookie and its own client certificate, parses the handshake line,
 * connects over mTLS and offers typed helpers that encode/decode msgpack with
 * the schema the provider itself announced.
 */

export interface HarnessDiagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail: string;
  readonly path: AttributePath;
}

export interface Handshake {
  readonly coreVersion: number;
  readonly appVersion: number;
  readonly network: string;
  readonly address: string;
  readonly protocol: string;
  readonly serverCertPem: string | null;
}

export interface StartOptions {
  /** Compiled JS entry of the provider. */
  readonly entry: string;
  readonly env?: Readonly<Record<string, string>>;
  /** false: set TF_DISABLE_PLUGIN_TLS and connect in plaintext. */
  readonly tls?: boolean;
  readonly startTimeoutMs?: number;
}

type ProtoBlock = {
  attributes: { name: string; type: Uint8Array; nested_type: ProtoObject | null }[];
  block_types: { type_name: string; block: ProtoBlock; nesting: string }[];
};
type ProtoObject = { attributes: ProtoBlock['attributes']; nesting: string };
// biome-ignore lint/suspicious/noExplicitAny: proto-loader messages are untyped
type Msg = any;
// biome-ignore lint/suspicious/noExplicitAny: dynamically generated gRPC client methods
type RpcClient = grpc.Client & Record<string, (...args: any[]) => any>;

export function parseHandshake(line: string): Handshake {
  const parts = line.trim().split('|');
  if (parts.length < 6) throw new Error(`bad handshake line: ${line}`);
  const [core, app, network, address, protocol, cert] = parts;
  return {
    coreVersion: Number(core),
    appVersion: Number(app),
    network,
    address,
    protocol,
    serverCertPem: cert && cert.length > 50 ? rawBase64DerToPem(cert) : null,
  };
}

/** The object type of a tfplugin6 Schema.Block as received on the wire. */
export function impliedTypeFromProto(block: ProtoBlock): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const a of block.attributes ?? []) attributes[a.name] = protoAttributeType(a);
  for (const b of block.block_types ?? []) {
    const inner = impliedTypeFromProto(b.block);
    const n = b.nesting.toLowerCase();
    attributes[b.type_name] =
      n === 'single' || n === 'group' ? inner : { kind: n as 'list' | 'set' | 'map', element: inner };
  }
  return types.object(attributes);
}

function protoAttributeType(a: ProtoBlock['attributes'][number]): CtyType {
  if (a.nested_type) {
    const inner = impliedTypeFromProto({ attributes: a.nested_type.attributes, block_types: [] });
    const n = a.nested_type.nesting.toLowerCase();
    return n === 'single' ? inner : { kind: n as 'list' | 'set' | 'map', element: inner };
  }
  return parseType(JSON.parse(Buffer.from(a.type).toString('utf8')));
}

export class FakeTerraform {
  readonly stderrChunks: string[] = [];
  readonly calls: string[] = [];
  private readonly typesByName = new Map<string, CtyType>();
  private providerType: CtyType | undefined;
  private exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly handshake: Handshake,
    private readonly client: RpcClient,
    private readonly controller: RpcClient,
    private readonly stdio: RpcClient,
    private readonly health: RpcClient,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
    child.stderr?.on('data', (d: Buffer) => this.stderrChunks.push(d.toString('utf8')));
  }

  get stderr(): string {
    return this.stderrChunks.join('');
  }

  static async start(options: StartOptions): Promise<FakeTerraform> {
    const tls = options.tls ?? true;
    const clientPair = tls ? await generateCert('terraform-client') : null;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      ...options.env,
      [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
    };
    if (clientPair) env.PLUGIN_CLIENT_CERT = clientPair.cert;
    else env.TF_DISABLE_PLUGIN_TLS = '1';
    const child = spawn(process.execPath, [options.entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    child.stderr.on('data', (d: Buffer) => stderr.push(d.toString('utf8')));
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(
        () => reject(new Error(`no handshake within timeout; stderr: ${stderr.join('')}`)),
        options.startTimeoutMs ?? 10_000,
      );
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString('utf8');
        const nl = buf.indexOf('\n');
        if (nl >= 0) {
          clearTimeout(timer);
          resolve(buf.slice(0, nl));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`provider exited (${code}) before the handshake; stderr: ${stderr.join('')}`));
      });
    });
    const hs = parseHandshake(line);
    if (hs.coreVersion !== 1 || hs.appVersion !== 6 || hs.protocol !== 'grpc')
      throw new Error(`unexpected handshake ${line}`);
    const target = hs.network === 'unix' ? `unix://${hs.address}` : hs.address;
    const creds =
      clientPair && hs.serverCertPem
        ? grpc.credentials.createSsl(
            Buffer.from(hs.serverCertPem),
            Buffer.from(clientPair.key),
            Buffer.from(clientPair.cert),
          )
        : grpc.credentials.createInsecure();
    const channelOptions = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
    const s = loadServices();
    const mk = (ctor: grpc.ServiceClientConstructor) => new ctor(target, creds, channelOptions) as unknown as RpcClient;
    const ft = new FakeTerraform(child, hs, mk(s.provider), mk(s.controller), mk(s.stdio), mk(s.health));
    ft.stderrChunks.push(...stderr);
    // Like go-plugin: open the stdio stream right away and keep it.
    const stream = ft.stdio.StreamStdio({}) as grpc.ClientReadableStream<unknown>;
    stream.on('error', () => {});
    return ft;
  }

  /** Raw unary call on the tfplugin6.Provider service. */
  call(method: string, request: Msg): Promise<Msg> {
    this.calls.push(method);
    return new Promise((resolve, reject) => {
      this.client[method](request, (err: grpc.ServiceError | null, res: Msg) => (err ? reject(err) : resolve(res)));
    });
  }

  healthCheck(service = 'plugin'): Promise<string> {
    return new Promise((resolve, reject) => {
      this.health.Check({ service }, (err: grpc.ServiceError | null, res: Msg) =>
        err ? reject(err) : resolve(res.status),
      );
    });
  }

  typeOf(typeName: string): CtyType {
    const t = this.typesByName.get(typeName);
    if (!t) throw new Error(`call getProviderSchema first (or unknown type ${typeName})`);
    return t;
  }

  async getProviderSchema(): Promise<Msg> {
    const res = await this.call('GetProviderSchema', {});
    this.providerType = impliedTypeFromProto(res.provider.block);
    for (const [name, s] of Object.entries<Msg>(res.resource_schemas)) {
      this.typesByName.set(name, impliedTypeFromProto(s.block));
    }
    for (const [name, s] of Object.entries<Msg>(res.data_source_schemas)) {
      this.typesByName.set(`data.${name}`, impliedTypeFromProto(s.block));
    }
    return res;
  }

  async validateProviderConfig(config: CtyObject): Promise<HarnessDiagnostic[]> {
    const res = await this.call('ValidateProviderConfig', { config: encodeDynamicValue(config, this.providerType!) });
    return diags(res);
  }

  async configure(config: CtyObject, terraformVersion = '1.11.4'): Promise<HarnessDiagnostic[]> {
    const res = await this.call('ConfigureProvider', {
      terraform_version: terraformVersion,
      config: encodeDynamicValue(config, this.providerType!),
    });
    return diags(res);
  }

  async validateResourceConfig(typeName: string, config: CtyObject): Promise<HarnessDiagnostic[]> {
    const res = await this.call('ValidateResourceConfig', {
      type_name: typeName,
      config: encodeDynamicValue(config, this.typeOf(typeName)),
    });
    return diags(res);
  }

  async planResourceChange(
    typeName: string,
    args: { prior: CtyObject | null; proposed: CtyObject | null; config: CtyObject | null },
  ): Promise<{ planned: CtyObject | null; requiresReplace: AttributePath[]; diagnostics: HarnessDiagnostic[] }> {
    const t = this.typeOf(typeName);
    const res = await this.call('PlanResourceChange', {
      type_name: typeName,
      prior_state: encodeDynamicValue(args.prior, t),
      proposed_new_state: encodeDynamicValue(args.proposed, t),
      config: encodeDynamicValue(args.config, t),
    });
    return {
      planned: asObject(decodeDynamicValue(res.planned_state, t)),
      requiresReplace: (res.requires_replace ?? []).map(pathFromProto),
      diagnostics: diags(res),
    };
  }

  async applyResourceChange(
    typeName: string,
    args: { prior: CtyObject | null; planned: CtyObject | null; config: CtyObject | null },
  ): Promise<{ newState: CtyObject | null; diagnostics: HarnessDiagnostic[] }> {
    const t = this.typeOf(typeName);
    const res = await this.call('ApplyResourceChange', {
      type_name: typeName,
      prior_state: encodeDynamicValue(args.prior, t),
      planned_state: encodeDynamicValue(args.planned, t),
      config: encodeDynamicValue(args.config, t),
    });
    return { newState: asObject(decodeDynamicValue(res.new_state, t)), diagnostics: diags(res) };
  }

  async readResource(
    typeName: string,
    state: CtyObject,
  ): Promise<{ newState: CtyObject | null; diagnostics: HarnessDiagnostic[] }> {
    const t = this.typeOf(typeName);
    const res = await this.call('ReadResource', { type_name: typeName, current_state: encodeDynamicValue(state, t) });
    return { newState: asObject(decodeDynamicValue(res.new_state, t)), diagnostics: diags(res) };
  }

  async importResourceState(
    typeName: string,
    id: string,
  ): Promise<{ imported: { typeName: string; state: CtyObject | null }[]; diagnostics: HarnessDiagnostic[] }> {
    const res = await this.call('ImportResourceState', { type_name: typeName, id });
    return {
      imported: (res.imported_resources ?? []).map((r: Msg) => ({
        typeName: r.type_name,
        state: asObject(decodeDynamicValue(r.state, this.typeOf(r.type_name))),
      })),
      diagnostics: diags(res),
    };
  }

  async upgradeResourceState(
    typeName: string,
    version: number,
    json: object,
  ): Promise<{ state: CtyObject | null; diagnostics: HarnessDiagnostic[] }> {
    const res = await this.call('UpgradeResourceState', {
      type_name: typeName,
      version,
      raw_state: { json: Buffer.from(JSON.stringify(json)) },
    });
    return { state: asObject(decodeDynamicValue(res.upgraded_state, this.typeOf(typeName))), diagnostics: diags(res) };
  }

  async readDataSource(
    typeName: string,
    config: CtyObject,
  ): Promise<{ state: CtyObject | null; diagnostics: HarnessDiagnostic[] }> {
    const t = this.typeOf(`data.${typeName}`);
    const res = await this.call('ReadDataSource', { type_name: typeName, config: encodeDynamicValue(config, t) });
    return { state: asObject(decodeDynamicValue(res.state, t)), diagnostics: diags(res) };
  }

  /** GRPCController.Shutdown, then waits for the process to exit; resolves with its exit code. */
  async shutdown(timeoutMs = 5000): Promise<number | null> {
    await new Promise<void>((resolve) => {
      this.controller.Shutdown({}, () => resolve());
    });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    for (const c of [this.client, this.controller, this.stdio, this.health]) c.close();
    return code;
  }

  /** Kills the process (test cleanup). */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    for (const c of [this.client, this.controller, this.stdio, this.health]) c.close();
  }
}

/**
 * Terraform's proposed new state, simplified: config values, with computed
 * attributes the config leaves null taken from the prior state.
 */
export function proposeNewState(
  t: CtyType,
  prior: CtyObject | null,
  config: CtyObject,
  computed: readonly string[],
): CtyObject {
  if (t.kind !== 'object') throw new Error('object type required');
  const out: Record<string, CtyValue> = {};
  for (const name of Object.keys(t.attributes)) {
    const c = config[name] ?? null;
    out[name] = c === null && computed.includes(name) ? (prior?.[name] ?? null) : c;
  }
  return out;
}

function asObject(v: CtyValue): CtyObject | null {
  return isObjectValue(v) ? v : null;
}

function diags(res: Msg): HarnessDiagnostic[] {
  return (res.diagnostics ?? []).map((d: Msg) => ({
    severity: d.severity,
    summary: d.summary,
    detail: d.detail,
    path: pathFromProto(d.attribute),
  }));
}
