/**
 * JSON-Schema validation of a parsed file, turned into messages people can act on (file:line, field path,
 * a "did you mean" hint). The schema is built from the registry the loader was given.
 */
import type { default as Ajv2020, ErrorObject } from 'ajv/dist/2020';
import { lazyAddFormats, lazyAjv2020 } from '../util/lazy-modules';
import { validatorFor } from './precompiled';
import type { DesiredStateIssue } from '../errors';
import type { FieldSpec } from '../kinds/kind';
import type { Registry } from '../kinds/registry';
import { isSecretRef, reservedSecretName } from '../kinds/secret';
import { buildDesiredStateSchema } from './json-schema';
import { escapeControl, quoteValue } from '../util/escape';
import { closest, levenshtein } from '../util/closest';
import { at, dotted } from './positions';
import type { ParsedFile } from './types';

const validators = new WeakMap<Registry, ReturnType<Ajv2020['compile']>>();
function validate(value: unknown, registry: Registry): ErrorObject[] {
  let validator = validators.get(registry);
  if (!validator) {
    // Precompiled by `npm run gen` (precompiled.ts) when the registry's schema is the one it was built
    // from; otherwise compiled here. `validateSchema: false`: the schema is ours, checked against the
    // 2020-12 meta-schema by a test (json-schema.test.ts).
    const schema = buildDesiredStateSchema(registry);
    validator = validatorFor('desiredState', schema, () => {
      const ajv = new (lazyAjv2020())({ allErrors: true, strict: false, verbose: true, validateSchema: false });
      lazyAddFormats()(ajv);
      return ajv.compile(schema);
    });
    validators.set(registry, validator);
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** Secrets given as literals get a specific message (and the generic schema error is dropped). */
function literalSecretIssues(
  p: ParsedFile,
  value: unknown,
  registry: Registry,
): { out: DesiredStateIssue[]; literalSecrets: Set<string> } {
  const out: DesiredStateIssue[] = [];
  const literalSecrets = new Set<string>();
  forEachSecretField(value, registry, (path, v) => {
    const reserved = isSecretRef(v) ? reservedSecretName(v.env) : undefined;
    if (isSecretRef(v) && !reserved) return;
    literalSecrets.add(`/${path.join('/')}`);
    const literal = typeof v === 'string' || typeof v === 'number';
    out.push({
      position: at(p, path),
      path: dotted(path),
      message: reserved
        ? `${quoteValue((v as { env: string }).env)} ${reserved}; a secret reference may not name it`
        : literal
          ? 'a PIN must not be written in the file'
          : 'must be a reference to an environment variable: { env: NAME }',
      hint: reserved
        ? 'use a variable of its own, e.g. `pin: { env: VM_PIN_1001 }`'
        : 'reference an environment variable instead, e.g. `pin: { env: VM_PIN_1001 }`',
    });
  });
  return { out, literalSecrets };
}

export function schemaIssues(p: ParsedFile, value: unknown, registry: Registry): DesiredStateIssue[] {
  const seen = new Set<string>();
  const { out, literalSecrets } = literalSecretIssues(p, value, registry);
  for (const s of literalSecrets) p.invalid.add(s);
  const errors = validate(value, registry).filter(
    (e) => ![...literalSecrets].some((s) => e.instancePath.startsWith(s)),
  );
  // Shorthand alternatives (anyOf) make ajv report "must be string" next to the real problem inside the
  // long form: drop a type error where a more specific error exists at or below the same place, and merge
  // the type errors of alternatives into one ("must be object or boolean").
  const specific = errors.filter((e) => e.keyword !== 'type' && e.keyword !== 'anyOf');
  const typesAt = new Map<string, string[]>();
  for (const e of errors) {
    // An entry of a section missing a required field is skipped by the loader, its other values still checked.
    if (e.keyword === 'required' && e.instancePath.split('/').length === 3) continue;
    p.invalid.add(
      e.keyword === 'additionalProperties'
        ? `${e.instancePath}/${escapePointer((e.params as { additionalProperty: string }).additionalProperty)}`
        : e.instancePath,
    );
    if (e.keyword !== 'type') continue;
    typesAt.set(e.instancePath, [...(typesAt.get(e.instancePath) ?? []), String((e.params as { type: string }).type)]);
  }
  for (const e of errors) {
    if (
      e.keyword === 'anyOf' ||
      (e.keyword === 'type' &&
        specific.some((x) => x.instancePath === e.instancePath || x.instancePath.startsWith(`${e.instancePath}/`)))
    )
      continue;
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const { message, hint, fieldPath } = describe(e, p, path, [...new Set(typesAt.get(e.instancePath) ?? [])]);
    const id = `${dotted(fieldPath)}|${message}`;
    if (seen.has(id) || (e.keyword === 'type' && seen.has(`${dotted(fieldPath)}|type`))) continue;
    seen.add(id);
    if (e.keyword === 'type') seen.add(`${dotted(fieldPath)}|type`);
    out.push({
      position: at(p, fieldPath, e.keyword === 'additionalProperties'),
      path: escapeControl(dotted(fieldPath)),
      message,
      hint,
    });
  }
  return out;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** One ajv error → message, hint and the path to report it at. */
function describe(
  e: ErrorObject,
  p: ParsedFile,
  path: (string | number)[],
  types: string[],
): { message: string; hint?: string; fieldPath: (string | number)[] } {
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      return {
        fieldPath: [...path, extra],
        message: `unknown field ${quoteValue(extra)}`,
        hint: suggest(extra, e.parentSchema),
      };
    }
    case 'required':
      return {
        fieldPath: path,
        message: `missing required field "${(e.params as { missingProperty: string }).missingProperty}"`,
      };
    case 'maxProperties':
      return {
        fieldPath: path,
        message: `set only one of: ${Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}).join(', ')}`,
      };
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      return {
        fieldPath: path,
        message: `must be one of: ${allowed.join(', ')}`,
        hint: typeof e.data === 'string' ? closest(e.data, allowed) : undefined,
      };
    }
    case 'type':
      return typeMessage(e, p, path, types);
    default:
      return { fieldPath: path, message: e.message ?? 'is invalid' };
  }
}

/** "must be string" — and, for a YAML number where a string belongs, the quoted spelling to write. */
function typeMessage(
  e: ErrorObject,
  p: ParsedFile,
  path: (string | number)[],
  types: string[],
): { message: string; hint?: string; fieldPath: (string | number)[] } {
  const message = `must be ${(types.length ? types : [String((e.params as { type: string }).type)]).join(' or ')}`;
  if (typeof e.data !== 'number' || !types.includes('string'))
    return { fieldPath: path, message: `${message}${got(e.data)}` };
  const node = p.doc.getIn(path, true) as { range?: [number, number] } | undefined;
  const written = node?.range ? p.text.slice(node.range[0], node.range[1]).trim() : String(e.data);
  const lost = written !== String(e.data) ? ` (YAML reads ${written} as the number ${String(e.data)})` : '';
  const name = path.filter((s) => typeof s === 'string').pop() ?? 'value';
  return {
    fieldPath: path,
    message: `is written as a number, not a string${lost}`,
    hint: `quote it: ${name}: ${quoteValue(written)}`,
  };
}

/** ", got null" / ", got a list": what was there instead. */
function got(data: unknown): string {
  if (data === null) return ', got nothing (null)';
  if (Array.isArray(data)) return ', got a list';
  if (typeof data === 'object') return ', got a mapping';
  return `, got ${typeof data}`;
}

function suggest(name: string, parentSchema: unknown): string | undefined {
  const props = Object.keys((parentSchema as { properties?: object })?.properties ?? {});
  const close = props.find((p) => levenshtein(p, name) <= 2);
  return close ? `did you mean "${close}"?` : props.length ? `known fields: ${props.join(', ')}` : undefined;
}

/** Visits every value of a `secret` field in the document. */
function forEachSecretField(
  value: unknown,
  registry: Registry,
  visit: (path: (string | number)[], v: unknown) => void,
): void {
  if (!value || typeof value !== 'object') return;
  const doc = value as Record<string, unknown>;
  for (const kind of registry.kinds) {
    const section = doc[kind.section];
    if (!Array.isArray(section)) continue;
    section.forEach((entry, i) => {
      walkFields(kind.fields, entry, [kind.section, i], visit);
    });
  }
}

function walkFields(
  fields: readonly FieldSpec[],
  value: unknown,
  path: (string | number)[],
  visit: (path: (string | number)[], v: unknown) => void,
): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  for (const f of fields) {
    if (obj[f.name] === undefined) continue;
    if (f.type === 'secret') visit([...path, f.name], obj[f.name]);
    else if (f.type === 'object') walkFields(f.fields, obj[f.name], [...path, f.name], visit);
  }
}
