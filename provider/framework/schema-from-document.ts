/**
 * The GetProviderSchema answer rebuilt from a `terraform providers schema -json` document (the committed
 * provider/schema/netsapiens.schema.json that `npm run gen` writes from the resource definitions).
 *
 * Why: Terraform starts the provider three times per plan, and the first start only asks for the schema.
 * Answering it from the document spares that start loading every kind of the reconciler (about a third of a
 * start's CPU). schema-from-document.test.ts holds the answer equal to ProviderService.getProviderSchema()
 * of the same resources, and the staleness test of the document keeps it equal to the code.
 */
import { PROVIDER_ADDRESS } from './schema-document';
import { type JsonProvider, type JsonSchema, jsonSchemaToProto, sortedEntries } from './schema-proto';

/** The GetProviderSchema response of the document's provider (`address`), with the given capabilities. */
export function schemaResponseFromDocument(
  document: object,
  serverCapabilities: Readonly<Record<string, boolean>>,
  address = PROVIDER_ADDRESS,
): Record<string, unknown> {
  const p = (document as { provider_schemas?: Record<string, JsonProvider> }).provider_schemas?.[address];
  if (!p?.provider) throw new Error(`the schema document has no provider ${address}`);
  const map = (m: Readonly<Record<string, JsonSchema>> | undefined) =>
    Object.fromEntries(sortedEntries(m).map(([name, s]) => [name, jsonSchemaToProto(s)]));
  return {
    provider: jsonSchemaToProto(p.provider),
    resource_schemas: map(p.resource_schemas),
    data_source_schemas: map(p.data_source_schemas),
    diagnostics: [],
    server_capabilities: serverCapabilities,
  };
}
