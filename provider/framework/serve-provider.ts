import type { UnaryCallback, UnaryHandler } from '../plugin/grpc-protocol';
import { type ProviderHandlers, type RunningPlugin, servePlugin } from '../plugin/serve';
import { diagnosticFromError, diagnosticToProto, errorDiagnostic } from './diagnostics';
import { type ProviderOptions, ProviderService, SERVER_CAPABILITIES } from './provider-service';
import { providerSchemaDocument } from './schema-document';
import { schemaResponseFromDocument } from './schema-from-document';

/**
 * Serves resources and data sources as a Terraform provider over the
 * go-plugin protocol. The entry script checks the magic cookie first.
 */
export async function serveProvider<Client>(options: ProviderOptions<Client>): Promise<RunningPlugin> {
  const service = new ProviderService(options);
  return servePlugin({ provider: service.handlers(), onStop: () => service.stop() });
}

/** The tfplugin6.Provider RPCs ProviderService.handlers() implements (serve-provider.test.ts keeps them equal). */
export const PROVIDER_RPCS = [
  'GetMetadata',
  'GetProviderSchema',
  'ValidateProviderConfig',
  'ValidateResourceConfig',
  'ValidateDataResourceConfig',
  'UpgradeResourceState',
  'ConfigureProvider',
  'ReadResource',
  'PlanResourceChange',
  'ApplyResourceChange',
  'ImportResourceState',
  'ReadDataSource',
  'StopProvider',
] as const;

/**
 * The provider's RPC handlers with the resources loaded on first need. GetProviderSchema, as long as nothing
 * else was asked, is answered from `schemaDocument` (the committed `terraform providers schema -json`
 * document): Terraform's first start of a plan asks only that, so it never loads the resources (every kind
 * of the reconciler). When the resources load, their schema is compared with the document; a difference
 * (the document not regenerated after a schema change: `npm run gen`) fails ValidateProviderConfig, which
 * Terraform calls first in every later start, instead of letting Terraform plan with the wrong schema.
 */
export function lazyProviderHandlers<Client>(
  load: () => ProviderOptions<Client>,
  schemaDocument: object,
  /** The same answer already encoded (GetProviderSchemaResponse bytes of `schemaDocument`), if there is one. */
  encodedSchema?: Uint8Array,
): { handlers: ProviderHandlers; stop: () => void } {
  let service: ProviderService<Client> | undefined;
  let loaded: ProviderHandlers | undefined;
  let stale = false;
  let schema: Record<string, unknown> | Uint8Array | undefined = encodedSchema;
  const ensure = (): ProviderHandlers => {
    if (loaded) return loaded;
    const options = load();
    service = new ProviderService(options);
    loaded = service.handlers();
    stale = JSON.stringify(providerSchemaDocument(options)) !== JSON.stringify(schemaDocument);
    return loaded;
  };
  const handlers: Record<string, UnaryHandler> = {};
  for (const name of PROVIDER_RPCS) {
    handlers[name] = (call: { readonly request: unknown }, callback: UnaryCallback) => {
      try {
        if (name === 'GetProviderSchema' && !loaded) {
          schema ??= schemaResponseFromDocument(schemaDocument, SERVER_CAPABILITIES);
          callback(null, schema);
          return;
        }
        if (name === 'StopProvider' && !loaded) {
          callback(null, { Error: '' });
          return;
        }
        const h = ensure()[name] as UnaryHandler;
        if (name === 'ValidateProviderConfig' && stale) callback(null, { diagnostics: [staleDiagnostic()] });
        else h(call, callback);
      } catch (err) {
        callback(null, { diagnostics: [diagnosticToProto(diagnosticFromError(err, name))] });
      }
    };
  }
  return { handlers, stop: () => service?.stop() };
}

function staleDiagnostic() {
  return diagnosticToProto(
    errorDiagnostic(
      'Provider schema document is stale',
      'provider/schema/netsapiens.schema.json differs from the resource definitions of this build: run `npm run gen` and rebuild.',
    ),
  );
}

/** serveProvider with the resources loaded on first need (lazyProviderHandlers). */
export async function serveLazyProvider<Client>(
  load: () => ProviderOptions<Client>,
  schemaDocument: object,
  encodedSchema?: Uint8Array,
): Promise<RunningPlugin> {
  const lazy = lazyProviderHandlers(load, schemaDocument, encodedSchema);
  return servePlugin({ provider: lazy.handlers, onStop: lazy.stop });
}
