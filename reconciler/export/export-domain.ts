/**
 * live → YAML that plans to zero changes (docs/design.md §3 export/). Ring groups and other owned system users
 * are exported by their kinds; PINs and other secrets are never exported.
 */
import { lazyYaml } from '../util/lazy-modules';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import { readLiveState } from '../live/read-live-state';
import type { NetSapiensClient } from '../platform/client';
import type { PlatformProfile, RawPlatformSection } from '../platform/profile';

export interface ExportResult {
  readonly yaml: string;
  readonly counts: Readonly<Record<string, number>>;
}

export async function exportDomain(
  client: NetSapiensClient,
  domain: string,
  options: {
    concurrency?: number;
    registry?: Registry;
    /** The domain's platform profile: live values are decoded through it (`spam: drop` when it names the value). */
    platform?: PlatformProfile;
    /** A `platform:` section to write into the file (so the file plans with the profile it was read with). */
    section?: RawPlatformSection;
  } = {},
): Promise<ExportResult> {
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const live = await readLiveState(client, domain, {
    full: true,
    concurrency: options.concurrency,
    registry,
    ...(options.platform ? { platform: options.platform } : {}),
  });
  const body: Record<string, unknown> = { version: 1, domain };
  if (options.section && Object.keys(options.section).length > 0) body.platform = options.section;
  const counts: Record<string, number> = {};
  for (const kind of registry.kinds) {
    const objects = live.objects.get(kind.name) ?? [];
    counts[kind.name] = objects.length;
    if (objects.length === 0) continue;
    if (kind.shape === 'set') {
      const spec = kind.export(objects[0]!) as Record<string, unknown>;
      const value = spec[kind.fields[0]?.name ?? ''];
      if (Array.isArray(value) && value.length > 0) body[kind.section] = value;
    } else {
      body[kind.section] = objects.map((o) => kind.export(o));
    }
  }
  const doc = new (lazyYaml().Document)(body);
  doc.commentBefore = ` yaml-language-server: $schema=https://pbxctl.dev/schemas/desired-state.schema.json\n Exported by pbxctl from ${domain}. PINs are not exported: add voicemail.pin: { env: NAME } to manage them.`;
  return { yaml: doc.toString({ lineWidth: 0 }), counts };
}
