// Access to the official NetSapiens OpenAPI v45.0 document for contract checks: the emulator's
// strictRequests mode, the emulator's response tests, and the platform client's request-body tests.
//
// What the document gets wrong (and how this module compensates), checked 2025 against v45.0:
// * Paths carry `#1`, `#2` … suffixes for documentation duplicates; they are stripped and the first
//   variant of a method wins.
// * Schemas are Apidog exports: `x-apidog-refs` duplicates the inlined `properties` and is ignored.
// * `email-address` is declared `format: email` but holds a `;`-separated list and is "" when unset,
//   so `email` accepts "" and lists.
// * Several formats are typos or inventions (`pas`, `ema`, `i`, `phonenumber`, …): accepted as-is.
// * PUT operations mark fields `required` that real clients omit on partial updates (n8n changelog
//   0.2.6: "omit unchanged fields"), so request schemas for PUT drop the top-level `required`.

import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema> } & Record<string, unknown>;
  [key: string]: unknown;
}

export interface ValidationResult {
  readonly valid: boolean;
  /** Human-readable, `; `-joined ajv errors ('' when valid). */
  readonly errors: string;
}

export interface OpenApiOperation {
  /** Path template as written in the document, without the `#n` suffix. */
  readonly pathTemplate: string;
  readonly method: string;
  readonly operation: Record<string, unknown>;
}

const DOC_ID = 'https://pbxctl.invalid/netsapiens-openapi-v45.0.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

let cachedDoc: OpenApiDocument | undefined;
let cachedAjv: Ajv2020 | undefined;
let cachedOps: OpenApiOperation[] | undefined;
const validators = new WeakMap<object, ValidateFunction>();
const relaxedSchemas = new Map<string, JsonSchema>();

/** Directory holding package.json, walking up from this file (works from src and from dist/). */
function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

/** Location of the OpenAPI document: env PBXCTL_OPENAPI, else the vendored copy (vendor/README.md). */
export function openApiPath(): string {
  const fromEnv = process.env.PBXCTL_OPENAPI;
  if (fromEnv) return path.resolve(fromEnv);
  return path.resolve(findRepoRoot(__dirname), 'vendor', 'netsapiens', 'openapi-v45.0.json');
}

/** The parsed document, loaded once per process. */
export function loadOpenApi(): OpenApiDocument {
  if (!cachedDoc) {
    const file = openApiPath();
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
    if (!doc.paths || !doc.components?.schemas) throw new Error(`${file} is not an OpenAPI document`);
    cachedDoc = doc;
  }
  return cachedDoc;
}

function ajvInstance(): Ajv2020 {
  if (cachedAjv) return cachedAjv;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addFormat('email', {
    type: 'string',
    validate: (value: string) =>
      value === '' || value.split(/[;,]/).every((part) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(part.trim())),
  });
  for (const name of [
    'jwt',
    'pas',
    'pass',
    'phonenumber',
    'i',
    'mac',
    'binary',
    'json',
    'hos',
    'csv',
    'ema',
    'int',
    'da',
    'rfc3339',
  ]) {
    ajv.addFormat(name, true);
  }
  ajv.addSchema({ $id: DOC_ID, components: loadOpenApi().components });
  cachedAjv = ajv;
  return ajv;
}

/** Operation templates with `{param}` placeholders normalised for comparison. */
function shape(template: string): string {
  return template.replace(/\{[^}]*\}/g, '{}');
}

function operations(): OpenApiOperation[] {
  if (cachedOps) return cachedOps;
  const ops: OpenApiOperation[] = [];
  const seen = new Set<string>();
  for (const [rawPath, item] of Object.entries(loadOpenApi().paths)) {
    const pathTemplate = rawPath.replace(/#\d+$/, '');
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation || typeof operation !== 'object') continue;
      const key = `${method} ${pathTemplate}`;
      // The un-suffixed entry comes first in the document and is the canonical one.
      if (seen.has(key)) continue;
      seen.add(key);
      ops.push({ pathTemplate, method: method.toUpperCase(), operation: operation as Record<string, unknown> });
    }
  }
  cachedOps = ops;
  return ops;
}

/**
 * The operation for a method and a path. `pathOrTemplate` may be a template (any placeholder names)
 * or a concrete path such as `/domains/acme/users/count`; literal segments beat placeholders, so
 * `/users/count` is not taken for `/users/{user}`.
 */
export function findOperation(method: string, pathOrTemplate: string): OpenApiOperation | undefined {
  const m = method.toUpperCase();
  const wanted = pathOrTemplate.split('?')[0].replace(/\/+$/, '');
  const candidates = operations().filter((op) => op.method === m);
  const exact = candidates.find((op) => shape(op.pathTemplate) === shape(wanted));
  if (exact) return exact;
  const segments = wanted.split('/');
  let best: OpenApiOperation | undefined;
  let bestLiterals = -1;
  for (const op of candidates) {
    const tpl = op.pathTemplate.split('/');
    if (tpl.length !== segments.length) continue;
    let literals = 0;
    let ok = true;
    for (let i = 0; i < tpl.length; i++) {
      if (/^\{[^}]*\}$/.test(tpl[i])) continue;
      if (tpl[i] !== segments[i]) {
        ok = false;
        break;
      }
      literals++;
    }
    if (ok && literals > bestLiterals) {
      best = op;
      bestLiterals = literals;
    }
  }
  return best;
}

function jsonSchemaOf(content: unknown): JsonSchema | undefined {
  if (!content || typeof content !== 'object') return undefined;
  const json = (content as Record<string, { schema?: JsonSchema }>)['application/json'];
  return json?.schema;
}

function resolveComponentRef(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/') && Object.keys(schema).length <= 2) {
    const target = loadOpenApi().components.schemas[ref.slice('#/components/schemas/'.length)];
    if (target) return { ...target };
  }
  return schema;
}

/** Response body schema for an operation and status, or undefined when the document gives none. */
export function responseSchemaFor(
  method: string,
  pathTemplate: string,
  status: number | string,
): JsonSchema | undefined {
  const op = findOperation(method, pathTemplate);
  const responses = op?.operation.responses as Record<string, { content?: unknown; $ref?: string }> | undefined;
  const response = responses?.[String(status)];
  return response ? jsonSchemaOf(response.content) : undefined;
}

/**
 * JSON request body schema for an operation, or undefined when it takes none. For PUT the top-level
 * `required` list is dropped (partial updates; see the header comment) unless `relaxRequired` is false.
 */
export function requestSchemaFor(
  method: string,
  pathTemplate: string,
  options: { relaxRequired?: boolean } = {},
): JsonSchema | undefined {
  const op = findOperation(method, pathTemplate);
  const body = op?.operation.requestBody as { content?: unknown } | undefined;
  const schema = body ? jsonSchemaOf(body.content) : undefined;
  if (!op || !schema) return undefined;
  const relax = options.relaxRequired ?? op.method === 'PUT';
  if (!relax) return schema;
  // Memoised so that the compiled validator (cached per schema object) is reused.
  const key = `${op.method} ${op.pathTemplate}`;
  let relaxed = relaxedSchemas.get(key);
  if (!relaxed) {
    relaxed = resolveComponentRef(schema);
    if (relaxed === schema) relaxed = { ...schema };
    delete relaxed.required;
    relaxedSchemas.set(key, relaxed);
  }
  return relaxed;
}

/** Local refs (`#/components/…`) rewritten to point into the registered document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = DOC_ID + value;
    else if (key.startsWith('x-apidog')) continue;
    else out[key] = rebase(value);
  }
  return out;
}

/** Validate a value against a schema taken from the document (refs into `#/components` resolve). */
export function validateAgainst(schema: JsonSchema, value: unknown): ValidationResult {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajvInstance().compile(rebase(schema) as JsonSchema);
    validators.set(schema, validate);
  }
  if (validate(value)) return { valid: true, errors: '' };
  const errors = (validate.errors ?? [])
    .map((e) => {
      const allowed = (e.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
      const hint = allowed && allowed.length <= 12 ? ` (${allowed.join(', ')})` : '';
      return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${hint}`;
    })
    .join('; ');
  return { valid: false, errors };
}
