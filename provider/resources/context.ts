import { DEFAULT_PLATFORM_PROFILE, mergeProfile, type PlatformProfile } from '../../reconciler/provider-api';
import { ProviderError, type ProviderConfig } from '../framework';
import { ReadOnceClient } from './read-once';

/** What the netsapiens resources receive from ConfigureProvider. */
export interface NetsapiensContext {
  /** The platform client with the per-process read cache (read-once.ts); paced by PBXCTL_RATE / _CONCURRENCY. */
  readonly client: ReadOnceClient;
  /** Extensions the provider refuses to destroy or replace (provider setting `protect`). */
  readonly protect: ReadonlySet<string>;
  /** The platform profile (provider block `platform`), for every read and write as in YAML. */
  readonly platform: PlatformProfile;
}

export function configureNetsapiens(config: ProviderConfig): NetsapiensContext {
  if (!config.apiUrl)
    throw new ProviderError('Missing API URL', 'Set api_url in the provider block, or NS_API_URL in the environment.', [
      { attribute: 'api_url' },
    ]);
  if (!config.apiKey)
    throw new ProviderError('Missing API key', 'Set api_key in the provider block, or NS_API_KEY in the environment.', [
      { attribute: 'api_key' },
    ]);
  const protect = Array.isArray(config.raw.protect) ? config.raw.protect.filter((x) => typeof x === 'string') : [];
  return {
    client: new ReadOnceClient({ baseUrl: config.apiUrl, apiKey: config.apiKey }),
    protect: new Set(protect as string[]),
    platform: mergeProfile(DEFAULT_PLATFORM_PROFILE, config.platform),
  };
}
