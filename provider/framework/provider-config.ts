import type { CtyObject } from '../cty';
import { attr, type SchemaSpec } from './schema';
import { types } from '../cty';

/** The provider block of `netsapiens`: api_url / api_key, each falling back to the environment. */
export const NETSAPIENS_PROVIDER_SCHEMA: SchemaSpec = {
  description: 'NetSapiens phone-system domains managed by pbxctl.',
  attributes: {
    api_url: attr.string({
      optional: true,
      description:
        'Base URL of the NetSapiens API (or the pbxctl emulator). Defaults to the NS_API_URL environment variable.',
      validators: [
        (v) => {
          try {
            new URL(String(v));
            return undefined;
          } catch {
            return `"${String(v)}" is not an absolute URL`;
          }
        },
      ],
    }),
    api_key: attr.string({
      optional: true,
      sensitive: true,
      description: 'API key (nsd_…). Defaults to the NS_API_KEY environment variable. Never logged.',
    }),
    protect: attr.set(types.string, {
      optional: true,
      description:
        'Protected extensions (as `policy.protect` in YAML): the provider refuses to destroy or replace the user or ring group at any of them, with an error that names it.',
    }),
  },
};

export interface ProviderConfig {
  readonly apiUrl?: string;
  readonly apiKey?: string;
  readonly terraformVersion: string;
  /** The decoded provider block (all attributes of the provider schema). */
  readonly raw: CtyObject;
}

/** Config values win; null or unknown ones fall back to NS_API_URL / NS_API_KEY. */
export function resolveProviderConfig(
  raw: CtyObject,
  env: Readonly<Record<string, string | undefined>>,
  terraformVersion: string,
): ProviderConfig {
  const pick = (name: string, envName: string): string | undefined => {
    const v = raw[name];
    if (typeof v === 'string' && v !== '') return v;
    const e = env[envName];
    return e !== undefined && e !== '' ? e : undefined;
  };
  const apiUrl = pick('api_url', 'NS_API_URL');
  const apiKey = pick('api_key', 'NS_API_KEY');
  return {
    ...(apiUrl !== undefined ? { apiUrl } : {}),
    ...(apiKey !== undefined ? { apiKey } : {}),
    terraformVersion,
    raw,
  };
}
