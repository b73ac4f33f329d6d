// What the emulator accepts in a request body, derived from the OpenAPI document: the schema that
// strict mode checks, and the fields the platform keeps (the rest are dropped, as the platform
// silently ignores fields it does not know — docs/reference/platform-evidence.md §9 "Silent field drops").

import { type RecordKind, is44, recordKindOf, schemaForVersion, wireName } from './api-version';
import { type JsonSchema, loadOpenApi, requestSchemaFor, responseSchemaFor } from './openapi';

export interface RequestContract {
  /** Schema strict mode validates the body against (undefined: the operation declares none). */
  readonly schema?: JsonSchema;
  /** Top-level fields the operation defines, in this version's spelling (undefined: keep everything). */
  readonly fields?: ReadonlySet<string>;
  readonly kind: RecordKind;
}

const cache = new Map<string, RequestContract>();

function resolveRef(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) return schema;
  const target = loadOpenApi().components.schemas[ref.slice('#/components/schemas/'.length)];
  return target ? { ...target } : schema;
}

/**
 * The document's own faults that no client can satisfy, corrected here (listed in README):
 * `/phones` POST, PUT and DELETE reuse the NdpPhone record schema, whose `required` names 29 fields, including
 * read-only ones; the MAC is the only field the operation cannot do without.
 */
function correct(method: string, template: string, schema: JsonSchema): JsonSchema {
  if (template.endsWith('/phones') && method !== 'GET') {
    return { ...schema, required: ['device-provisioning-mac-address'] };
  }
  if (template.endsWith('/timeframes/{id}') && (method === 'PUT' || method === 'DELETE')) {
    // Eight PUT and three DELETE variants (`#n`) share this path; only the first is canonical. A body
    // may be any of them: their properties are merged, and `child_id` is optional (the whole-time-frame
    // DELETE has no body).
    const { required: _required, ...rest } = schema;
    return { ...rest, properties: variantProperties(method, template) };
  }
  return schema;
}

/** The properties of every documented variant (`#n`) of one operation, merged. */
function variantProperties(method: string, template: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [raw, item] of Object.entries(loadOpenApi().paths)) {
    if (raw.replace(/#\d+$/, '') !== template) continue;
    const op = (item as Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>)[
      method.toLowerCase()
    ];
    const body = op?.requestBody?.content?.['application/json']?.schema;
    Object.assign(out, (body?.properties as Record<string, unknown> | undefined) ?? {});
  }
  return out;
}

/**
 * Fields of the record an operation writes, from what GET returns on the same path or its collection
 * (`tags` of a contact is such a field: in the Contact record, not in the request schema).
 */
function recordFields(template: string): string[] {
  for (const t of [template, template.replace(/\/\{[^}]+\}$/, '')]) {
    let schema = responseSchemaFor('GET', t, 200);
    if (!schema) continue;
    schema = resolveRef(schema);
    if (schema.type === 'array' && schema.items) schema = resolveRef(schema.items as JsonSchema);
    const props = schema.properties as Record<string, unknown> | undefined;
    if (props && Object.keys(props).length > 0) return Object.keys(props);
  }
  return [];
}

export function requestContract(method: string, template: string, apiVersion: string): RequestContract {
  const key = `${method} ${template} ${is44(apiVersion) ? '44' : '45'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const kind = recordKindOf(template);
  const declared = requestSchemaFor(method, template);
  let contract: RequestContract = { kind };
  if (declared) {
    const schema = schemaForVersion(correct(method, template, resolveRef(declared)), kind, apiVersion);
    const props = schema.properties as Record<string, unknown> | undefined;
    const fields =
      props && schema.type !== 'array'
        ? new Set([...Object.keys(props), ...recordFields(template).map((f) => wireName(kind, f, apiVersion))])
        : undefined;
    contract = { kind, schema, fields };
  }
  cache.set(key, contract);
  return contract;
}

/** The body without the top-level fields the operation does not define (arrays and scalars unchanged). */
export function dropUnknownFields(body: unknown, fields: ReadonlySet<string> | undefined): unknown {
  if (!fields || !body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (fields.has(key)) out[key] = value;
  return out;
}
