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

interface JsonAttribute {
  readonly type?: unknown;
  readonly nested_type?: {
    readonly attributes: Readonly<Record<string, JsonAttribute>>;
    readonly nesting_mode: string;
  };
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly write_only?: boolean;
}

interface JsonBlockType {
  readonly nesting_mode: string;
  readonly block: JsonBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

interface JsonBlock {
  readonly attributes?: Readonly<Record<string, JsonAttribute>>;
  readonly block_types?: Readonly<Record<string, JsonBlockType>>;
  readonly description?: string;
  readonly deprecated?: boolean;
}

interface JsonSchema {
  readonly version?: number;
  readonly block: JsonBlock;
}

interface JsonProvider {
  readonly provider: JsonSchema;
  readonly resource_schemas?: Readonly<Record<string, JsonSchema>>;
  readonly data_source_schemas?: Readonly<Record<string, JsonSchema>>;
}

function sortedEntries<T>(rec: Readonly<Record<string, T>> | undefined): [string, T][] {
  return Object.entries(rec ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function attributeToProto(name: string, a: JsonAttribute): Record<string, unknown> {
  return {
    name,
    type: a.type !== undefined ? Buffer.from(JSON.stringify(a.type)) : Buffer.alloc(0),
    nested_type: a.nested_type
      ? {
          attributes: sortedEntries(a.nested_type.attributes).map(([n, x]) => attributeToProto(n, x)),
          nesting: a.nested_type.nesting_mode.toUpperCase(),
        }
      : null,
    description: a.description ?? '',
    required: a.required === true,
    optional: a.optional === true,
    computed: a.computed === true,
    sensitive: a.sensitive === true,
    description_kind: 'PLAIN',
    deprecated: a.deprecated === true,
    write_only: a.write_only === true,
  };
}

function blockToProto(b: JsonBlock, version: number): Record<string, unknown> {
  return {
    version,
    attributes: sortedEntries(b.attributes).map(([n, a]) => attributeToProto(n, a)),
    block_types: sortedEntries(b.block_types).map(([n, t]) => ({
      type_name: n,
      block: blockToProto(t.block, 0),
      nesting: t.nesting_mode.toUpperCase(),
      min_items: t.min_items ?? 0,
      max_items: t.max_items ?? 0,
    })),
    description: b.description ?? '',
    description_kind: 'PLAIN',
    deprecated: b.deprecated === true,
  };
}

function schemaToProto(s: JsonSchema): Record<string, unknown> {
  return { version: s.version ?? 0, block: blockToProto(s.block, s.version ?? 0) };
}

/** The GetProviderSchema response of the document's provider (`address`), with the given capabilities. */
export function schemaResponseFromDocument(
  document: object,
  serverCapabilities: Readonly<Record<string, boolean>>,
  address = PROVIDER_ADDRESS,
): Record<string, unknown> {
  const p = (document as { provider_schemas?: Record<string, JsonProvider> }).provider_schemas?.[address];
  if (!p?.provider) throw new Error(`the schema document has no provider ${address}`);
  const map = (m: Readonly<Record<string, JsonSchema>> | undefined) =>
    Object.fromEntries(sortedEntries(m).map(([name, s]) => [name, schemaToProto(s)]));
  return {
    provider: schemaToProto(p.provider),
    resource_schemas: map(p.resource_schemas),
    data_source_schemas: map(p.data_source_schemas),
    diagnostics: [],
    server_capabilities: serverCapabilities,
  };
}
