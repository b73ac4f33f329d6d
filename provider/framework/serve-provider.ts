import { type RunningPlugin, servePlugin } from '../plugin/serve';
import { type ProviderOptions, ProviderService, SERVER_CAPABILITIES } from './provider-service';
import { providerSchemaDocument } from './schema-document';
import { schemaResponseFromDocument } from './schema-from-document';
import { type LoadedProvider, lazyHandlers } from './serve-lazy';

export { PROVIDER_RPCS } from './serve-lazy';

/**
 * Serves resources and data sources as a Terraform provider over the
 * go-plugin protocol. The entry script checks the magic cookie first.
 */
export async function serveProvider<Client>(options: ProviderOptions<Client>): Promise<RunningPlugin> {
  const service = new ProviderService(options);
  return servePlugin({ provider: service.handlers(), onStop: () => service.stop() });
}

/**
 * The service over `options`, and whether their schema differs from `schemaDocument` (the committed
 * `terraform providers schema -json` document GetProviderSchema answered from before they loaded: not
 * regenerated after a schema change, `npm run gen`).
 */
export function loadProvider<Client>(options: ProviderOptions<Client>, schemaDocument: object): LoadedProvider {
  const service = new ProviderService(options);
  return {
    handlers: service.handlers(),
    stop: () => service.stop(),
    stale: JSON.stringify(providerSchemaDocument(options)) !== JSON.stringify(schemaDocument),
  };
}

/**
 * The provider's RPC handlers with the resources loaded on first need (serve-lazy.ts). GetProviderSchema, as
 * long as nothing else was asked, is answered from `schemaDocument` (the committed `terraform providers schema
 * -json` document), or from `encodedSchema` (the same answer already encoded: GetProviderSchemaResponse bytes)
 * when given: Terraform's first start of a plan asks only that, so it never loads the resources (every kind of
 * the reconciler). When the resources load, their schema is compared with the document; a difference fails
 * ValidateProviderConfig, which Terraform calls first in every later start.
 */
export function lazyProviderHandlers<Client>(
  load: () => ProviderOptions<Client>,
  schemaDocument: object,
  encodedSchema?: Uint8Array,
): ReturnType<typeof lazyHandlers> {
  return lazyHandlers(
    () => loadProvider(load(), schemaDocument),
    () => encodedSchema ?? schemaResponseFromDocument(schemaDocument, SERVER_CAPABILITIES),
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
