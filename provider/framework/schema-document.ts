import { NETSAPIENS_PROVIDER_SCHEMA } from './provider-config';
import type { ProviderOptions } from './provider-service';
import { type SchemaSpec, schemaToJson } from './schema';

export const PROVIDER_ADDRESS = 'registry.terraform.io/pbxctl/netsapiens';

/** The `terraform providers schema -json` document, emitted without Terraform. */
export function providerSchemaDocument<Client>(options: ProviderOptions<Client>, address = PROVIDER_ADDRESS): object {
  const byName = <T extends { typeName: string; schema: SchemaSpec }>(list: readonly T[]) =>
    Object.fromEntries(
      [...list].sort((a, b) => (a.typeName < b.typeName ? -1 : 1)).map((x) => [x.typeName, schemaToJson(x.schema)]),
    );
  const doc: Record<string, unknown> = {
    provider: schemaToJson(options.providerSchema ?? NETSAPIENS_PROVIDER_SCHEMA),
  };
  if (options.resources.length > 0) doc.resource_schemas = byName(options.resources);
  if ((options.dataSources ?? []).length > 0) doc.data_source_schemas = byName(options.dataSources ?? []);
  return { format_version: '1.0', provider_schemas: { [address]: doc } };
}
