import type { AnyDataSource, AnyResource, ProviderOptions } from '../framework';
import { ProviderError } from '../framework';
import { blockListKind } from '../../reconciler/kinds/block-list';
import { ringGroupKind } from '../../reconciler/kinds/ring-group';
import { sharedContactKind } from '../../reconciler/kinds/shared-contact';
import { userKind } from '../../reconciler/kinds/user';
import { NetSapiensClient } from '../../reconciler/platform/client';
import { dataSourceFromKind, resourceFromKind } from './from-kind';

/**
 * The production resources: one line per kind, all built by the one generic adapter (from-kind.ts).
 * Terraform type names are `netsapiens_<kind>`, except the block list, which is the domain's.
 */
export const resources: readonly AnyResource<NetSapiensClient>[] = [
  resourceFromKind(userKind, { typeName: 'netsapiens_user' }),
  resourceFromKind(ringGroupKind, { typeName: 'netsapiens_ring_group' }),
  resourceFromKind(sharedContactKind, { typeName: 'netsapiens_shared_contact' }),
  resourceFromKind(blockListKind, { typeName: 'netsapiens_domain_block_list' }),
];

export const dataSources: readonly AnyDataSource<NetSapiensClient>[] = [
  dataSourceFromKind(userKind, { typeName: 'netsapiens_user', keyField: 'extension' }),
];

/** Everything `serveProvider` needs; also the source of the committed schema JSON. */
export const providerOptions: ProviderOptions<NetSapiensClient> = {
  resources,
  dataSources,
  configure(config) {
    if (!config.apiUrl)
      throw new ProviderError(
        'Missing API URL',
        'Set api_url in the provider block, or NS_API_URL in the environment.',
        [{ attribute: 'api_url' }],
      );
    if (!config.apiKey)
      throw new ProviderError(
        'Missing API key',
        'Set api_key in the provider block, or NS_API_KEY in the environment.',
        [{ attribute: 'api_key' }],
      );
    return new NetSapiensClient({ baseUrl: config.apiUrl, apiKey: config.apiKey });
  },
};
