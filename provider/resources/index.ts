import type { AnyDataSource, AnyResource, ProviderConfig, ProviderOptions } from '../framework';
import { DEFAULT_REGISTRY, type Registry } from '../../reconciler/provider-api';
import { configureNetsapiens, type NetsapiensContext } from './context';
import { dataSourceFromKind, resourceFromKind } from './from-kind';

/** The Terraform resources of a registry: one per kind, all built by the one generic adapter (from-kind.ts). */
export function resourcesOf(registry: Registry): AnyResource<NetsapiensContext>[] {
  return registry.kinds.map((kind) => resourceFromKind(kind, { typeName: registry.terraformType(kind) }));
}

/** The data sources of a registry: the kinds that declare `terraform.dataSource`. */
export function dataSourcesOf(registry: Registry): AnyDataSource<NetsapiensContext>[] {
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

export const resources: readonly AnyResource<NetsapiensContext>[] = resourcesOf(DEFAULT_REGISTRY);
export const dataSources: readonly AnyDataSource<NetsapiensContext>[] = dataSourcesOf(DEFAULT_REGISTRY);

/** Everything `serveProvider` needs; also the source of the committed schema JSON. */
export const providerOptions: ProviderOptions<NetsapiensContext> = providerOptionsFor(DEFAULT_REGISTRY);

/** The provider of a registry (a test registers an extra kind and gets its resource). */
export function providerOptionsFor(registry: Registry): ProviderOptions<NetsapiensContext> {
  return {
    resources: registry === DEFAULT_REGISTRY ? resources : resourcesOf(registry),
    dataSources: registry === DEFAULT_REGISTRY ? dataSources : dataSourcesOf(registry),
    configure: (config: ProviderConfig): NetsapiensContext => configureNetsapiens(config),
  };
}
