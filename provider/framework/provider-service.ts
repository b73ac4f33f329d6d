import { decodeDynamicValue, encodeDynamicValue } from '../cty/codec';
import type { CtyType } from '../cty/types';
import { type CtyObject, type CtyValue, isObjectValue } from '../cty/values';
import {
  type Diagnostic,
  diagnosticFromError,
  diagnosticToProto,
  errorDiagnostic,
  hasErrors,
  type ProtoDiagnostic,
} from './diagnostics';
import { checkConsistency, completeState, planChange, unknownsToNull } from './plan';
import { validateConfig } from './validate';
import { NETSAPIENS_PROVIDER_SCHEMA, type ProviderConfig, resolveProviderConfig } from './provider-config';
import type { AnyDataSource, AnyResource } from './resource';
import { checkSchema, impliedType, type SchemaSpec, schemaToProto } from './schema';
import { ReadAheads } from './read-ahead';
import { upgradeStoredState } from './upgrade-state';
import { withoutWriteOnly } from './write-only';
import type { UnaryCallback, UnaryHandler } from '../plugin/grpc-protocol';

export interface ProviderOptions<Client = unknown> {
  readonly resources: readonly AnyResource<Client>[];
  readonly dataSources?: readonly AnyDataSource<Client>[];
  /** Builds the client the CRUD functions receive. Throw to report a configuration error. */
  readonly configure?: (config: ProviderConfig, ctx: { readonly signal: AbortSignal }) => Promise<Client> | Client;
  /** Defaults to the netsapiens provider block (api_url, api_key). */
  readonly providerSchema?: SchemaSpec;
  /** Environment for config fallbacks (defaults to process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

interface Entry<T> {
  readonly def: T;
  readonly schema: SchemaSpec;
  readonly type: CtyType;
}

type Req = Record<string, unknown> & { type_name?: string };
type Res = Record<string, unknown>;
type Handler = (req: Req) => Promise<Res>;

/**
 * `get_provider_schema_optional`: Terraform keeps the schema of the first instance in its process-wide
 * cache and does not ask each later instance of the run for it again.
 */
export const SERVER_CAPABILITIES = { plan_destroy: true, get_provider_schema_optional: true };

/**
 * The tfplugin6.Provider service over a set of resources. Every handler
 * answers; failures (including exceptions in resource code) become
 * diagnostics, never a crashed process.
 */
export class ProviderService<Client = unknown> {
  private readonly resources = new Map<string, Entry<AnyResource<Client>>>();
  private readonly dataSources = new Map<string, Entry<AnyDataSource<Client>>>();
  private readonly providerSchema: SchemaSpec;
  private readonly providerType: CtyType;
  private readonly abort = new AbortController();
  /** Reads started at UpgradeResourceState for the ReadResource that follows (read-ahead.ts). */
  private readonly readsAhead = new ReadAheads();
  private client: { value: Client } | undefined;

  constructor(private readonly options: ProviderOptions<Client>) {
    this.providerSchema = options.providerSchema ?? NETSAPIENS_PROVIDER_SCHEMA;
    checkSchema(this.providerSchema, 'provider');
    this.providerType = impliedType(this.providerSchema);
    for (const r of options.resources) {
      if (this.resources.has(r.typeName)) throw new Error(`duplicate resource type ${r.typeName}`);
      checkSchema(r.schema, r.typeName);
      this.resources.set(r.typeName, { def: r, schema: r.schema, type: impliedType(r.schema) });
    }
    for (const d of options.dataSources ?? []) {
      if (this.dataSources.has(d.typeName)) throw new Error(`duplicate data source type ${d.typeName}`);
      checkSchema(d.schema, d.typeName);
      this.dataSources.set(d.typeName, { def: d, schema: d.schema, type: impliedType(d.schema) });
    }
  }

  /** Aborts in-flight operations (StopProvider, SIGTERM). */
  stop(): void {
    this.abort.abort();
  }

  /** gRPC handler map of tfplugin6.Provider, by method name (plugin/serve.ts serves it). */
  handlers(): Record<string, UnaryHandler> {
    const table: Record<string, Handler> = {
      GetMetadata: () => this.getMetadata(),
      GetProviderSchema: () => this.getProviderSchema(),
      ValidateProviderConfig: (r) => this.validateProviderConfig(r),
      ValidateResourceConfig: (r) => this.validateResourceConfig(r),
      ValidateDataResourceConfig: (r) => this.validateDataResourceConfig(r),
      UpgradeResourceState: (r) => this.upgradeResourceState(r),
      ConfigureProvider: (r) => this.configureProvider(r),
      ReadResource: (r) => this.readResource(r),
      PlanResourceChange: (r) => this.planResourceChange(r),
      ApplyResourceChange: (r) => this.applyResourceChange(r),
      ImportResourceState: (r) => this.importResourceState(r),
      ReadDataSource: (r) => this.readDataSource(r),
      StopProvider: async () => {
        this.stop();
        return { Error: '' };
      },
    };
    const out: Record<string, UnaryHandler> = {};
    for (const [name, fn] of Object.entries(table)) {
      out[name] = (call: { readonly request: unknown }, callback: UnaryCallback) => {
        fn(call.request as Req).then(
          (res) => callback(null, res),
          (err: unknown) => callback(null, { diagnostics: [diagnosticToProto(diagnosticFromError(err, name))] }),
        );
      };
    }
    return out;
  }

  // ------------------------------------------------------------ RPCs (exposed for in-process tests)

  async getMetadata(): Promise<Res> {
    return {
      server_capabilities: SERVER_CAPABILITIES,
      diagnostics: [],
      resources: [...this.resources.keys()].sort().map((type_name) => ({ type_name })),
      data_sources: [...this.dataSources.keys()].sort().map((type_name) => ({ type_name })),
    };
  }

  async getProviderSchema(): Promise<Res> {
    const map = <T>(m: Map<string, Entry<T>>) =>
      Object.fromEntries([...m].map(([name, e]) => [name, schemaToProto(e.schema)]));
    return {
      provider: schemaToProto(this.providerSchema),
      resource_schemas: map(this.resources),
      data_source_schemas: map(this.dataSources),
      diagnostics: [],
      server_capabilities: SERVER_CAPABILITIES,
    };
  }

  async validateProviderConfig(req: Req): Promise<Res> {
    const config = this.decodeObject(req.config, this.providerType);
    return { diagnostics: this.protoDiags(validateConfig(this.providerSchema, config)) };
  }

  async configureProvider(req: Req): Promise<Res> {
    const raw = this.decodeObject(req.config, this.providerType) ?? {};
    const cfg = resolveProviderConfig(
      unknownsToNull(raw) as CtyObject,
      this.options.env ?? process.env,
      String(req.terraform_version ?? ''),
    );
    try {
      const value = this.options.configure
        ? await this.options.configure(cfg, { signal: this.abort.signal })
        : (cfg as unknown as Client);
      this.client = { value };
      return { diagnostics: [] };
    } catch (err) {
      return { diagnostics: this.protoDiags([diagnosticFromError(err, 'Provider configuration failed')]) };
    }
  }

  async validateResourceConfig(req: Req): Promise<Res> {
    const e = this.resources.get(String(req.type_name));
    if (!e) return this.unknownType('resource', req.type_name);
    const config = this.decodeObject(req.config, e.type);
    const diags = validateConfig(e.schema, config);
    if (config && e.def.validate) diags.push(...(e.def.validate(config, { path: [] }) ?? []));
    return { diagnostics: this.protoDiags(diags) };
  }

  async validateDataResourceConfig(req: Req): Promise<Res> {
    const e = this.dataSources.get(String(req.type_name));
    if (!e) return this.unknownType('data source', req.type_name);
    const config = this.decodeObject(req.config, e.type);
    const diags = validateConfig(e.schema, config);
    if (config && e.def.validate) diags.push(...(e.def.validate(config, { path: [] }) ?? []));
    return { diagnostics: this.protoDiags(diags) };
  }

  async upgradeResourceState(req: Req): Promise<Res> {
    const e = this.resources.get(String(req.type_name));
    if (!e) return this.unknownType('resource', req.type_name);
    const client = this.client;
    if (client === undefined || !this.readsAhead.active(e.def.typeName)) return upgradeStoredState(e.def, e.type, req);
    return upgradeStoredState(e.def, e.type, req, (state, bytes) =>
      this.readsAhead.start(e.def.typeName, state, bytes, () =>
        e.def.read({ client: client.value, signal: this.abort.signal, state }),
      ),
    );
  }

  async planResourceChange(req: Req): Promise<Res> {
    const e = this.resources.get(String(req.type_name));
    if (!e) return this.unknownType('resource', req.type_name);
    const prior = this.decodeObject(req.prior_state, e.type);
    const proposed = this.decodeObject(req.proposed_new_state, e.type);
    const config = this.decodeObject(req.config, e.type);
    const result = planChange(e.schema, prior, proposed, config);
    let planned = result.planned;
    if (planned && e.def.modifyPlan) {
      try {
        planned =
          (e.def.modifyPlan({
            prior,
            planned,
            config: config ?? {},
            requiresReplace: result.requiresReplace.length > 0,
          }) as CtyObject | undefined) ?? planned;
      } catch (err) {
        return { diagnostics: this.protoDiags([diagnosticFromError(err, `Planning ${e.def.typeName} failed`)]) };
      }
    }
    planned = withoutWriteOnly(e.schema, planned);
    const diagnostics = await this.checkPlan(e, prior, planned, config, result.requiresReplace.length > 0);
    if (hasErrors(diagnostics)) return { diagnostics: this.protoDiags(diagnostics) };
    return {
      planned_state: encodeDynamicValue(planned, e.type),
      requires_replace: result.requiresReplace.map((p) => ({
        steps: p.map((s) =>
          'attribute' in s
            ? { attribute_name: s.attribute }
            : 'key' in s
              ? { element_key_string: s.key }
              : { element_key_int: s.index },
        ),
      })),
      planned_private: req.prior_private ?? Buffer.alloc(0),
      diagnostics: this.protoDiags(diagnostics),
    };
  }

  /** The resource's plan-time checks (data-loss warnings, refusals); needs a configured provider. */
  private async checkPlan(
    e: Entry<AnyResource<Client>>,
    prior: CtyObject | null,
    planned: CtyObject | null,
    config: CtyObject | null,
    requiresReplace: boolean,
  ): Promise<Diagnostic[]> {
    const client = this.requireClient();
    if (!e.def.checkPlan || !client) return [];
    try {
      const ctx = { client: client.value, signal: this.abort.signal };
      return [...(await e.def.checkPlan({ ...ctx, prior, planned, config, requiresReplace }))];
    } catch (err) {
      return [diagnosticFromError(err, `Planning ${e.def.typeName} failed`)];
    }
  }

  async applyResourceChange(req: Req): Promise<Res> {
    this.readsAhead.clear(); // reads started before a write or an import are not served after it
    const e = this.resources.get(String(req.type_name));
    if (!e) return this.unknownType('resource', req.type_name);
    const client = this.requireClient();
    if (!client) return { diagnostics: this.protoDiags([notConfigured()]) };
    const prior = this.decodeObject(req.prior_state, e.type);
    const planned = this.decodeObject(req.planned_state, e.type);
    const config = this.decodeObject(req.config, e.type);
    const ctx = { client: client.value, signal: this.abort.signal };
    const r = e.def;
    try {
      if (planned === null) {
        if (prior !== null) await r.delete({ ...ctx, state: prior });
        return { new_state: encodeDynamicValue(null, e.type), private: Buffer.alloc(0), diagnostics: [] };
      }
      const plannedKnown = unknownsToNull(planned) as CtyObject;
      const configKnown = unknownsToNull(config ?? {}) as CtyObject;
      const result =
        prior === null
          ? await r.create({ ...ctx, planned: plannedKnown, config: configKnown })
          : await r.update({ ...ctx, prior, planned: plannedKnown, config: configKnown });
      const state = withoutWriteOnly(e.schema, completeState(e.schema, result ?? {}, planned)) as CtyObject;
      return {
        new_state: encodeDynamicValue(state, e.type),
        private: req.planned_private ?? Buffer.alloc(0),
        diagnostics: this.protoDiags(checkConsistency(e.schema, planned, state)),
      };
    } catch (err) {
      const verb = planned === null ? 'Deleting' : prior === null ? 'Creating' : 'Updating';
      // On a failed create nothing is stored; on a failed update/delete the prior state stays.
      return {
        new_state: encodeDynamicValue(prior, e.type),
        diagnostics: this.protoDiags([diagnosticFromError(err, `${verb} ${r.typeName} failed`)]),
      };
    }
  }

  async readResource(req: Req): Promise<Res> {
    const e = this.resources.get(String(req.type_name));
    if (!e) return this.unknownType('resource', req.type_name);
    const client = this.requireClient();
    if (!client) return { diagnostics: this.protoDiags([notConfigured()]) };
    this.readsAhead.noteRead(e.def.typeName);
    const state = this.decodeObject(req.current_state, e.type);
    if (state === null) return { new_state: encodeDynamicValue(null, e.type), diagnostics: [] };
    try {
      const ahead = this.readsAhead.take(e.def.typeName, state, req.current_state) as ReturnType<typeof e.def.read>;
      const result = await (ahead ?? e.def.read({ client: client.value, signal: this.abort.signal, state }));
      const next = result === null ? null : withoutWriteOnly(e.schema, completeState(e.schema, result, state));
      return { new_state: encodeDynamicValue(next, e.type), private: req.private ?? Buffer.alloc(0), diagnostics: [] };
    } catch (err) {
      return {
        new_state: encodeDynamicValue(state, e.type),
        diagnostics: this.protoDiags([diagnosticFromError(err, `Reading ${e.def.typeName} failed`)]),
      };
    }
  }

  async importResourceState(req: Req): Promise<Res> {
    this.readsAhead.clear(); // reads started before a write or an import are not served after it
    const e = this.resources.get(String(req.type_name));
    if (!e) return this.unknownType('resource', req.type_name);
    const client = this.requireClient();
    if (!client) return { diagnostics: this.protoDiags([notConfigured()]) };
    const id = String(req.id ?? '');
    try {
      let result: object | null;
      if (e.def.importState) {
        result = await e.def.importState({ client: client.value, signal: this.abort.signal, id });
      } else if (e.schema.attributes?.id) {
        result = { id };
      } else {
        return {
          diagnostics: this.protoDiags([errorDiagnostic(`${e.def.typeName} does not support import`)]),
        };
      }
      if (result === null) {
        return {
          diagnostics: this.protoDiags([
            errorDiagnostic('Cannot import non-existent remote object', `No ${e.def.typeName} with id "${id}".`),
          ]),
        };
      }
      const state = withoutWriteOnly(e.schema, completeState(e.schema, result, null));
      return {
        imported_resources: [
          { type_name: e.def.typeName, state: encodeDynamicValue(state, e.type), private: Buffer.alloc(0) },
        ],
        diagnostics: [],
      };
    } catch (err) {
      return { diagnostics: this.protoDiags([diagnosticFromError(err, `Importing ${e.def.typeName} failed`)]) };
    }
  }

  async readDataSource(req: Req): Promise<Res> {
    const e = this.dataSources.get(String(req.type_name));
    if (!e) return this.unknownType('data source', req.type_name);
    const client = this.requireClient();
    if (!client) return { diagnostics: this.protoDiags([notConfigured()]) };
    const config = this.decodeObject(req.config, e.type) ?? {};
    try {
      const configKnown = unknownsToNull(config) as CtyObject;
      const result = await e.def.read({ client: client.value, signal: this.abort.signal, config: configKnown });
      return { state: encodeDynamicValue(completeState(e.schema, result ?? {}, configKnown), e.type), diagnostics: [] };
    } catch (err) {
      return {
        diagnostics: this.protoDiags([diagnosticFromError(err, `Reading data source ${e.def.typeName} failed`)]),
      };
    }
  }

  // ------------------------------------------------------------ helpers

  private requireClient(): { value: Client } | undefined {
    return this.client;
  }

  private decodeObject(dv: unknown, t: CtyType): CtyObject | null {
    const v: CtyValue = decodeDynamicValue(dv as { msgpack?: Uint8Array; json?: Uint8Array } | null, t);
    return isObjectValue(v) ? v : null;
  }

  private protoDiags(diags: readonly Diagnostic[]): ProtoDiagnostic[] {
    return diags.map(diagnosticToProto);
  }

  private unknownType(kind: string, name: unknown): Res {
    return {
      diagnostics: [
        diagnosticToProto(
          errorDiagnostic(`Unknown ${kind} type`, `"${String(name)}" is not provided by this provider.`),
        ),
      ],
    };
  }
}

function notConfigured(): Diagnostic {
  return errorDiagnostic('Provider not configured', 'ConfigureProvider must be called before this operation.');
}

export { hasErrors };
