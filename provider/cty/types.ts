/**
 * cty type constraints as they travel in the plugin protocol: compact JSON such
 * as "string", ["list","string"], ["object",{"a":"number"}] or
 * ["object",{"a":"number"},["a"]] (optional attributes).
 */
export type CtyType =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'dynamic' }
  | { readonly kind: 'list'; readonly element: CtyType }
  | { readonly kind: 'set'; readonly element: CtyType }
  | { readonly kind: 'map'; readonly element: CtyType }
  | {
      readonly kind: 'object';
      readonly attributes: Readonly<Record<string, CtyType>>;
      readonly optional?: readonly string[];
    }
  | { readonly kind: 'tuple'; readonly elements: readonly CtyType[] };

export type CtyTypeJson = string | readonly unknown[];

export const types = {
  string: { kind: 'string' } as CtyType,
  number: { kind: 'number' } as CtyType,
  bool: { kind: 'bool' } as CtyType,
  dynamic: { kind: 'dynamic' } as CtyType,
  list: (element: CtyType): CtyType => ({ kind: 'list', element }),
  set: (element: CtyType): CtyType => ({ kind: 'set', element }),
  map: (element: CtyType): CtyType => ({ kind: 'map', element }),
  object: (attributes: Record<string, CtyType>, optional?: readonly string[]): CtyType =>
    optional && optional.length > 0 ? { kind: 'object', attributes, optional } : { kind: 'object', attributes },
  tuple: (elements: readonly CtyType[]): CtyType => ({ kind: 'tuple', elements }),
} as const;

export class CtyTypeError extends Error {
  override readonly name = 'CtyTypeError';
}

/** Parses a JSON type constraint (already JSON.parse'd, or as a string of JSON when `raw` is true). */
export function parseType(json: unknown): CtyType {
  if (typeof json === 'string') {
    switch (json) {
      case 'string':
        return types.string;
      case 'number':
        return types.number;
      case 'bool':
        return types.bool;
      case 'dynamic':
        return types.dynamic;
      default:
        throw new CtyTypeError(`unknown primitive type ${JSON.stringify(json)}`);
    }
  }
  if (!Array.isArray(json) || json.length < 2 || typeof json[0] !== 'string') {
    throw new CtyTypeError(`invalid type constraint ${JSON.stringify(json)}`);
  }
  const [kind, arg, extra] = json as [string, unknown, unknown];
  switch (kind) {
    case 'list':
    case 'set':
    case 'map':
      return { kind, element: parseType(arg) };
    case 'object': {
      if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) {
        throw new CtyTypeError(`object type needs an attribute map: ${JSON.stringify(json)}`);
      }
      const attributes: Record<string, CtyType> = {};
      for (const [name, t] of Object.entries(arg)) attributes[name] = parseType(t);
      const optional = Array.isArray(extra) ? extra.map(String) : undefined;
      return types.object(attributes, optional);
    }
    case 'tuple':
      if (!Array.isArray(arg)) throw new CtyTypeError(`tuple type needs an element list: ${JSON.stringify(json)}`);
      return types.tuple(arg.map(parseType));
    default:
      throw new CtyTypeError(`unknown type kind ${JSON.stringify(kind)}`);
  }
}

/** The JSON form of a type, with object attributes in sorted order (stable output). */
export function typeToJson(t: CtyType): CtyTypeJson {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return t.kind;
    case 'list':
    case 'set':
    case 'map':
      return [t.kind, typeToJson(t.element)];
    case 'object': {
      const attrs: Record<string, CtyTypeJson> = {};
      for (const name of Object.keys(t.attributes).sort()) attrs[name] = typeToJson(t.attributes[name]);
      return t.optional && t.optional.length > 0 ? ['object', attrs, [...t.optional].sort()] : ['object', attrs];
    }
    case 'tuple':
      return ['tuple', t.elements.map(typeToJson)];
  }
}

export function typeEquals(a: CtyType, b: CtyType): boolean {
  return JSON.stringify(typeToJson(a)) === JSON.stringify(typeToJson(b));
}
