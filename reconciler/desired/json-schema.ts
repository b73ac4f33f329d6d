/**
 * JSON Schema of the desired-state file, built from the kind registry (docs/design.md §2, §6.6). The committed
 * copy in `schemas/desired-state.schema.json` is checked fresh by a test; editors use it for completion.
 */
import type { AnyKind, FieldSpec } from '../kinds/kind';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import { PLATFORM_SECTION_SCHEMA } from './platform-section';

export const SCHEMA_ID = 'https://pbxctl.dev/schemas/desired-state.schema.json';

type Schema = Record<string, unknown>;

const PATTERNS = {
  extension: '^[0-9]{2,16}$',
  mac: '^([0-9A-Fa-f]{2}[:-]?){5}[0-9A-Fa-f]{2}$',
} as const;

function fieldSchema(field: FieldSpec): Schema {
  const base: Schema = { description: field.description };
  if (field.default !== undefined) base.default = field.default;
  let own: Schema;
  switch (field.type) {
    case 'string':
      own = { type: 'string' };
      if (field.enum) own.enum = [...field.enum];
      if (field.pattern) own.pattern = field.pattern;
      if (field.format === 'extension') own.pattern = PATTERNS.extension;
      if (field.format === 'mac') own.pattern = PATTERNS.mac;
      if (field.maxLength) own.maxLength = field.maxLength;
      break;
    case 'integer':
      own = { type: 'integer' };
      if (field.minimum !== undefined) own.minimum = field.minimum;
      if (field.maximum !== undefined) own.maximum = field.maximum;
      break;
    case 'boolean':
      own = { type: 'boolean' };
      break;
    case 'list':
      own = {
        type: 'array',
        items: field.items === 'extension' ? { type: 'string', pattern: PATTERNS.extension } : { type: 'string' },
      };
      break;
    case 'object':
      own = objectSchema(field.fields);
      if (field.maxProperties !== undefined) own.maxProperties = field.maxProperties;
      break;
    case 'object-list':
      own = { type: 'array', items: objectSchema(field.fields) };
      break;
    case 'secret':
      own = {
        type: 'object',
        properties: {
          env: {
            type: 'string',
            pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
            description: 'Environment variable holding the secret.',
          },
        },
        required: ['env'],
        additionalProperties: false,
      };
      break;
  }
  if (field.yamlAlternatives?.length) return { ...base, anyOf: [own, ...field.yamlAlternatives] };
  return { ...base, ...own };
}

/** Field paths of the kinds that own an extension (users, ring groups) that may be declared user-owned. */
export function userOwnablePaths(registry: Registry = DEFAULT_REGISTRY): string[] {
  const paths = new Set<string>();
  const walk = (fields: readonly FieldSpec[], prefix: string) => {
    for (const f of fields) {
      if (f.required || f.notCompared) continue;
      const path = prefix ? `${prefix}.${f.name}` : f.name;
      if (f.type === 'object') walk(f.fields, path);
      paths.add(path);
    }
  };
  for (const k of registry.kinds) if (k.identity.ownsExtension) walk(k.fields, '');
  return [...paths].sort();
}

function objectSchema(fields: readonly FieldSpec[]): Schema {
  const properties: Record<string, Schema> = {};
  for (const f of fields) properties[f.name] = fieldSchema(f);
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

function sectionSchema(kind: AnyKind): Schema {
  if (kind.shape === 'set') {
    const only = kind.fields[0];
    if (!only) throw new Error(`kind ${kind.name} has no fields`);
    return { ...fieldSchema(only), description: kind.description };
  }
  return { type: 'array', description: kind.description, items: objectSchema(kind.fields) };
}

function policySchema(registry: Registry): Schema {
  return {
    type: 'object',
    description: 'How pbxctl may change this domain.',
    additionalProperties: false,
    properties: {
      prune: {
        type: 'boolean',
        default: false,
        description: 'Remove platform objects that are not in the file (default: report them as unmanaged).',
      },
      max_deletes: {
        type: 'integer',
        minimum: 0,
        description: 'Refuse a plan with more deletes than this unless --allow-deletes.',
      },
      protect: {
        type: 'array',
        items: { type: 'string' },
        description: 'Extensions that are never deleted or recycled (quoted: "1000").',
      },
      allow_dead_ends: {
        type: 'array',
        items: { type: 'string' },
        description:
          'Phone numbers or extensions ("*": any) a plan may leave reaching nobody or caught in a forwarding loop; otherwise such a plan is blocked (exit 3) with the path shown.',
      },
      change_window: {
        type: 'object',
        description:
          'When apply may change routing or destroy data (cosmetic changes may go any time); outside it apply exits 3 unless --ignore-change-window.',
        additionalProperties: false,
        required: ['days', 'start', 'end', 'time_zone'],
        properties: {
          days: {
            type: 'array',
            minItems: 1,
            items: { enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
            description: 'Days on which the window opens.',
          },
          start: {
            type: 'string',
            pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
            description: 'Opens at HH:MM (local).',
          },
          end: {
            type: 'string',
            pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
            description: 'Closes at HH:MM (local); earlier than start = the next day.',
          },
          time_zone: { type: 'string', description: 'IANA time zone, e.g. America/New_York.' },
        },
      },
      user_owned: {
        type: 'array',
        items: { enum: userOwnablePaths(registry) },
        default: ['voicemail.pin'],
        description:
          'Settings people change themselves (portal, handset): set when a user or ring group is created, then never reverted. Default: voicemail.pin. Use [] to enforce every field.',
      },
    },
  };
}

export function buildDesiredStateSchema(registry: Registry = DEFAULT_REGISTRY): Schema {
  const properties: Record<string, Schema> = {
    version: { const: 1, description: 'File format version.' },
    domain: {
      type: 'string',
      pattern: '^[A-Za-z0-9._-]{1,64}$',
      description: 'The NetSapiens domain this file describes.',
    },
    policy: policySchema(registry),
    platform: PLATFORM_SECTION_SCHEMA,
    extensions: {
      type: 'object',
      description: 'Extension numbering rules of this domain (default 100–8999, the platform reserved list).',
      additionalProperties: false,
      properties: {
        min: { type: 'integer', minimum: 0, default: 100 },
        max: { type: 'integer', minimum: 0, default: 8999 },
        reserved: {
          type: 'array',
          items: { type: 'string', pattern: '^[0-9]+(-[0-9]+)?$' },
          description: 'Extra reserved numbers or ranges (e.g. "8888", "600-699").',
        },
      },
    },
  };
  for (const kind of registry.kinds) properties[kind.section] = sectionSchema(kind);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'pbxctl desired state',
    description: 'One NetSapiens domain as code. Generated from the kind registry; do not edit by hand.',
    type: 'object',
    required: ['version', 'domain'],
    additionalProperties: false,
    properties,
  };
}
