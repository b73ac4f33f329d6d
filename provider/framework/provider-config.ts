import { type CtyObject, isObjectValue } from '../cty/values';
import { attr, block, type SchemaSpec } from './schema';
import { types } from '../cty/types';
import { validators } from './validators';

const VALUE = validators.lengthBetween(1, 255);

/**
 * The `platform` block: the platform profile (docs/platform-profile.md), with the keys of YAML's `platform:`
 * section. `scope_labels` is YAML-only (a Terraform `scope` is always a platform scope).
 */
const PLATFORM_BLOCK = block.single({
  description:
    "Encodings that differ between NetSapiens installations (docs/platform-profile.md): the same keys as the `platform:` section of the desired-state YAML. Omitted keys keep their defaults; `pbxctl doctor` reports your server's values.",
  attributes: {
    ring_group_service_code: attr.string({
      optional: true,
      description: '`service-code` of ring groups the provider creates (default `system-ringgroup`).',
      validators: [VALUE, validators.matches(/^system-/, 'must start with "system-" (ring groups are system users)')],
    }),
    ring_group_scope: attr.string({
      optional: true,
      description: '`user-scope` of ring groups the provider creates (default `No Portal`).',
      validators: [VALUE],
    }),
    spam_drop: attr.string({
      optional: true,
      description:
        'The `forward-on-spam-call` value of the portal\'s "Drop Call" (unknown by default: needed for `spam = "drop"`).',
      validators: [VALUE],
    }),
    spam_screen: attr.string({
      optional: true,
      description:
        'The `forward-on-spam-call` value of the portal\'s "Screen Call" (unknown by default: needed for `spam = "screen"`).',
      validators: [VALUE],
    }),
    welcome_email: attr.nested(
      'single',
      {
        template: attr.string({
          optional: true,
          description: 'Template (default `welcome_email.php`).',
          validators: [VALUE],
        }),
        subject: attr.string({
          optional: true,
          description: 'Subject (default `New Account Setup`).',
          validators: [VALUE],
        }),
      },
      { optional: true, description: 'Template and subject of the welcome e-mail sent to created users.' },
    ),
  },
});

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
  blocks: { platform: PLATFORM_BLOCK },
};

/** The `platform` block as set (snake_case keys, as YAML's `platform:` section); unset keys are absent. */
export interface PlatformSettings {
  readonly ring_group_service_code?: string;
  readonly ring_group_scope?: string;
  readonly spam_drop?: string;
  readonly spam_screen?: string;
  readonly welcome_email?: { readonly template?: string; readonly subject?: string };
}

/** Known, non-empty strings of `o` under `keys` (null and unknown values are left out). */
function strings<K extends string>(o: CtyObject, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out;
}

export function platformSettings(raw: CtyObject): PlatformSettings {
  const p = raw.platform;
  if (!isObjectValue(p)) return {};
  const welcome = isObjectValue(p.welcome_email) ? strings(p.welcome_email, ['template', 'subject'] as const) : {};
  return {
    ...strings(p, ['ring_group_service_code', 'ring_group_scope', 'spam_drop', 'spam_screen'] as const),
    ...(Object.keys(welcome).length > 0 ? { welcome_email: welcome } : {}),
  };
}

export interface ProviderConfig {
  readonly apiUrl?: string;
  readonly apiKey?: string;
  readonly terraformVersion: string;
  /** The `platform` block (the platform profile's keys that are set). */
  readonly platform: PlatformSettings;
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
    platform: platformSettings(raw),
    raw,
  };
}
