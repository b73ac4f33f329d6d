import { type CtyType, types, typeToJson } from '../cty/types';
import type { CtyValue } from '../cty/values';
import type { AttributePath } from './diagnostics';
import { type JsonSchema, jsonSchemaToProto, sortedEntries } from './schema-proto';

/** What a validator reports: a detail message, or a full summary/detail pair. */
export type ValidationProblem = string | { readonly summary: string; readonly detail?: string };

/** Runs on known, non-null values only (config may still contain unknowns elsewhere). */
export type Validator = (value: CtyValue, path: AttributePath) => ValidationProblem | undefined;

export interface AttributeOptions {
  readonly description?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly writeOnly?: boolean;
  readonly deprecated?: boolean;
  /** A change of this attribute replaces the object (requires_replace). */
  readonly forceNew?: boolean;
  /** Value planned when the config leaves the attribute null; implies optional + computed. */
  readonly default?: CtyValue;
  readonly validators?: readonly Validator[];
}

export type NestingMode = 'single' | 'list' | 'set' | 'map';
export type BlockNestingMode = NestingMode | 'group';

export interface NestedAttributes {
  readonly nesting: NestingMode;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
}

export interface AttributeSpec extends AttributeOptions {
  /** A plain attribute has a type... */
  readonly type?: CtyType;
  /** ...or (protocol 6) nested attributes. */
  readonly nested?: NestedAttributes;
}

export interface BlockSpec {
  readonly attributes?: Readonly<Record<string, AttributeSpec>>;
  readonly blocks?: Readonly<Record<string, NestedBlockSpec>>;
  readonly description?: string;
  readonly deprecated?: boolean;
}

export interface NestedBlockSpec {
  readonly nesting: BlockNestingMode;
  readonly block: BlockSpec;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** Any change inside this block replaces the object. */
  readonly forceNew?: boolean;
}

export interface SchemaSpec extends BlockSpec {
  /** Schema version recorded in state; bump it and implement upgradeState to migrate. */
  readonly version?: number;
}

// ---------------------------------------------------------------- DSL

const plain =
  (t: CtyType) =>
  (options: AttributeOptions = {}): AttributeSpec => ({ type: t, ...options });

/** Attribute constructors: `attr.string({ required: true })`, `attr.list(types.string, { optional: true })`. */
export const attr = {
  string: plain(types.string),
  number: plain(types.number),
  bool: plain(types.bool),
  dynamic: plain(types.dynamic),
  list: (element: CtyType, options: AttributeOptions = {}): AttributeSpec => ({
    type: types.list(element),
    ...options,
  }),
  set: (element: CtyType, options: AttributeOptions = {}): AttributeSpec => ({ type: types.set(element), ...options }),
  map: (element: CtyType, options: AttributeOptions = {}): AttributeSpec => ({ type: types.map(element), ...options }),
  object: (attributes: Record<string, CtyType>, options: AttributeOptions = {}): AttributeSpec => ({
    type: types.object(attributes),
    ...options,
  }),
  nested: (
    nesting: NestingMode,
    attributes: Record<string, AttributeSpec>,
    options: AttributeOptions = {},
  ): AttributeSpec => ({ nested: { nesting, attributes }, ...options }),
} as const;

/** Nested block constructors: `block.list({ attributes: {...} }, { maxItems: 3 })`. */
export const block = {
  single: (b: BlockSpec, o: Omit<NestedBlockSpec, 'nesting' | 'block'> = {}): NestedBlockSpec => ({
    nesting: 'single',
    block: b,
    ...o,
  }),
  group: (b: BlockSpec, o: Omit<NestedBlockSpec, 'nesting' | 'block'> = {}): NestedBlockSpec => ({
    nesting: 'group',
    block: b,
    ...o,
  }),
  list: (b: BlockSpec, o: Omit<NestedBlockSpec, 'nesting' | 'block'> = {}): NestedBlockSpec => ({
    nesting: 'list',
    block: b,
    ...o,
  }),
  set: (b: BlockSpec, o: Omit<NestedBlockSpec, 'nesting' | 'block'> = {}): NestedBlockSpec => ({
    nesting: 'set',
    block: b,
    ...o,
  }),
  map: (b: BlockSpec, o: Omit<NestedBlockSpec, 'nesting' | 'block'> = {}): NestedBlockSpec => ({
    nesting: 'map',
    block: b,
    ...o,
  }),
} as const;

// ---------------------------------------------------------------- flags and types

export interface AttributeFlags {
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
}

/** Effective protocol flags: `default` implies optional + computed. */
export function attributeFlags(a: AttributeSpec): AttributeFlags {
  const hasDefault = a.default !== undefined;
  return {
    required: a.required === true,
    optional: a.optional === true || hasDefault,
    computed: a.computed === true || hasDefault,
  };
}

export class SchemaDefinitionError extends Error {
  override readonly name = 'SchemaDefinitionError';
}

/** Checks a schema for programming errors (thrown at provider start, never at plan time). */
export function checkSchema(spec: BlockSpec, where: string): void {
  for (const [name, a] of Object.entries(spec.attributes ?? {})) {
    const at = `${where}.${name}`;
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new SchemaDefinitionError(`${at}: attribute names are snake_case`);
    if ((a.type === undefined) === (a.nested === undefined)) {
      throw new SchemaDefinitionError(`${at}: give exactly one of type or nested`);
    }
    const f = attributeFlags(a);
    if (!f.required && !f.optional && !f.computed) {
      throw new SchemaDefinitionError(`${at}: one of required, optional or computed is needed`);
    }
    if (f.required && (f.optional || f.computed)) {
      throw new SchemaDefinitionError(`${at}: required excludes optional, computed and default`);
    }
    if (a.nested) checkSchema({ attributes: a.nested.attributes }, at);
    if (spec.blocks && Object.hasOwn(spec.blocks, name)) {
      throw new SchemaDefinitionError(`${at}: name used by both an attribute and a block`);
    }
  }
  for (const [name, b] of Object.entries(spec.blocks ?? {})) checkSchema(b.block, `${where}.${name}`);
}

/** The cty type of an attribute (nested attributes become object / list(object) / …). */
export function attributeType(a: AttributeSpec): CtyType {
  if (a.type) return a.type;
  const n = a.nested!;
  const attributes: Record<string, CtyType> = {};
  for (const [name, inner] of Object.entries(n.attributes)) attributes[name] = attributeType(inner);
  // Objects always travel with all their attributes, so the optional-attribute
  // marker of the config type constraint plays no part in encoding.
  const obj = types.object(attributes);
  return n.nesting === 'single' ? obj : { kind: n.nesting, element: obj };
}

/** The object type a block (a whole resource, or a nested block) decodes to. */
export function impliedType(spec: BlockSpec): CtyType {
  const attributes: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(spec.attributes ?? {})) attributes[name] = attributeType(a);
  for (const [name, b] of Object.entries(spec.blocks ?? {})) {
    const inner = impliedType(b.block);
    attributes[name] = b.nesting === 'single' || b.nesting === 'group' ? inner : { kind: b.nesting, element: inner };
  }
  return types.object(attributes);
}

// ---------------------------------------------------------------- tfplugin6 Schema (proto-loader object)

/** The GetProviderSchema form of a schema: through its `terraform providers schema -json` form (schema-proto.ts). */
export function schemaToProto(spec: SchemaSpec): Record<string, unknown> {
  return jsonSchemaToProto(schemaToJson(spec) as unknown as JsonSchema);
}

// ---------------------------------------------------------------- `terraform providers schema -json`

function attributeToJson(a: AttributeSpec): Record<string, unknown> {
  const f = attributeFlags(a);
  const out: Record<string, unknown> = {};
  if (a.type) out.type = typeToJson(a.type);
  if (a.nested) {
    out.nested_type = {
      attributes: Object.fromEntries(sortedEntries(a.nested.attributes).map(([n, x]) => [n, attributeToJson(x)])),
      nesting_mode: a.nested.nesting,
    };
  }
  if (a.description) out.description = a.description;
  out.description_kind = 'plain';
  if (a.deprecated) out.deprecated = true;
  if (f.required) out.required = true;
  if (f.optional) out.optional = true;
  if (f.computed) out.computed = true;
  if (a.sensitive) out.sensitive = true;
  if (a.writeOnly) out.write_only = true;
  return out;
}

export function blockToJson(spec: BlockSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attrs = sortedEntries(spec.attributes);
  if (attrs.length > 0) out.attributes = Object.fromEntries(attrs.map(([n, a]) => [n, attributeToJson(a)]));
  const blocks = sortedEntries(spec.blocks);
  if (blocks.length > 0) {
    out.block_types = Object.fromEntries(
      blocks.map(([n, b]) => {
        const bt: Record<string, unknown> = { nesting_mode: b.nesting, block: blockToJson(b.block) };
        if (b.minItems) bt.min_items = b.minItems;
        if (b.maxItems) bt.max_items = b.maxItems;
        return [n, bt];
      }),
    );
  }
  if (spec.description) out.description = spec.description;
  out.description_kind = 'plain';
  if (spec.deprecated) out.deprecated = true;
  return out;
}

export function schemaToJson(spec: SchemaSpec): Record<string, unknown> {
  return { version: spec.version ?? 0, block: blockToJson(spec) };
}
