import type { AnyDataSource, AnyResource, ProviderConfig, ProviderOptions } from '../framework';
import { ProviderError } from '../framework';
import { DEFAULT_REGISTRY, NetSapiensClient, type Registry } from '../../reconciler';
import { dataSourceFromKind, resourceFromKind } from './from-kind';

/** The Terraform resources of a registry: one per kind, all built by the one generic adapter (from-kind.ts). */
export function resourcesOf(registry: Registry): AnyResource<NetSapiensClient>[] {
  return registry.kinds.map((kind) => resourceFromKind(kind, { typeName: registry.terraformType(kind) }));
}

/** The data sources of a registry: the kinds that declare `terraform.dataSource`. */
export function dataSourcesOf(registry: Registry): AnyDataSource<NetSapiensClient>[] {
  return registry.kinds.flatMap((kind) =>
    kind.terraform?.dataSource
      ? [
          dataSourceFromKind(kind, {
            typeName: registry.terraformType(kind),
            keyField: kind.terraform.dataSource.keyField,
          }),
        ]
      : [],
  );
}

export const resources: readonly AnyResource<NetSapiensClient>[] = resourcesOf(DEFAULT_REGISTRY);
export const dataSources: readonly AnyDataSource<NetSapiensClient>[] = dataSourcesOf(DEFAULT_REGISTRY);

/** Everything `serveProvider` needs; also the source of the committed schema JSON. */
export const providerOptions: ProviderOptions<NetSapiensClient> = providerOptionsFor(DEFAULT_REGISTRY);

/** The provider of a registry (a test registers an extra kind and gets its resource). */
export function providerOptionsFor(registry: Registry): ProviderOptions<NetSapiensClient> {
  return {
    resources: registry === DEFAULT_REGISTRY ? resources : resourcesOf(registry),
    dataSources: registry === DEFAULT_REGISTRY ? dataSources : dataSourcesOf(registry),
    configure,
  };
}

function configure(config: ProviderConfig): NetSapiensClient {
  if (!config.apiUrl)
    throw new ProviderError('Missing API URL', 'Set api_url in the provider block, or NS_API_URL in the environment.', [
      { attribute: 'api_url' },
    ]);
  if (!config.apiKey)
    throw new ProviderError('Missing API key', 'Set api_key in the provider block, or NS_API_KEY in the environment.', [
      { attribute: 'api_key' },
    ]);
  return new NetSapiensClient({ baseUrl: config.apiUrl, apiKey: config.apiKey });
}
