/**
 * A tfplugin6 Schema (the proto-loader object of GetProviderSchema) from a schema in the form of
 * `terraform providers schema -json`. The one conversion: the provider's own schemas go through
 * `schemaToJson` first (schema.ts), and the first start answers from the committed document
 * (schema-from-document.ts), so the two answers cannot drift apart.
 */
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

export interface JsonSchema {
  readonly version?: number;
  readonly block: JsonBlock;
}

export interface JsonProvider {
  readonly provider: JsonSchema;
  readonly resource_schemas?: Readonly<Record<string, JsonSchema>>;
  readonly data_source_schemas?: Readonly<Record<string, JsonSchema>>;
}

export function sortedEntries<T>(rec: Readonly<Record<string, T>> | undefined): [string, T][] {
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

export function jsonSchemaToProto(s: JsonSchema): Record<string, unknown> {
  return { version: s.version ?? 0, block: blockToProto(s.block, s.version ?? 0) };
}
