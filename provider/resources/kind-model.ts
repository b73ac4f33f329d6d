/**
 * Terraform values ↔ a kind's spec, and the state Terraform keeps: a configured value stays in the
 * spelling the user wrote while the kind's comparison says it equals the live value; otherwise the
 * state takes the canonical form from `kind.export(live)`.
 */
import { type CtyValue, isObjectValue, Unknown } from '../cty/values';
import { ProviderError } from '../framework/diagnostics';
import {
  SecretValue as ReconcilerSecretValue,
  type SecretRef,
  type SecretResolver,
  diffFields as reconcilerDiffFields,
  type AnyKind,
  type DesiredObject,
  type FieldSpec,
  type LiveObject,
} from '../../reconciler/provider-api';

/*
 * Bound once: a name imported from an index that re-exports it is a getter, read again on every call (a
 * measurable share of every RPC, and megamorphic: one getter code for all of the index's names).
 */
const SecretValue = ReconcilerSecretValue;
const diffFields = reconcilerDiffFields;

export type Model = Record<string, CtyValue>;

// ------------------------------------------------------------------------------------------ model ↔ spec

const isPresent = (v: CtyValue | undefined): boolean => v !== undefined && v !== null && !(v instanceof Unknown);

/** Terraform model → kind spec (YAML shape): nulls and unknowns dropped; secrets become references. */
export function modelToSpec(
  fields: readonly FieldSpec[],
  model: Model,
  secrets: Map<string, string>,
  prefix = '',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = model[f.name];
    if (!isPresent(v)) continue;
    // The path (a secret's reference, a nested object's prefix) is spelled only where it is used.
    switch (f.type) {
      case 'secret': {
        const env = `__tf:${prefix}${f.name}`;
        secrets.set(env, String(v));
        out[f.name] = { env } satisfies SecretRef;
        break;
      }
      case 'object':
        if (isObjectValue(v)) out[f.name] = modelToSpec(f.fields, v as Model, secrets, `${prefix}${f.name}.`);
        break;
      case 'object-list':
        if (Array.isArray(v))
          out[f.name] = v
            .filter(isObjectValue)
            .map((e) => modelToSpec(f.fields, e as Model, secrets, `${prefix}${f.name}.`));
        break;
      case 'list':
        if (Array.isArray(v)) out[f.name] = v.filter((x) => isPresent(x)).map(String);
        break;
      case 'integer':
        out[f.name] = Number(v);
        break;
      case 'boolean':
        out[f.name] = v === true;
        break;
      case 'string':
        out[f.name] = String(v);
        break;
    }
  }
  return out;
}

/** Kind spec (canonical YAML form from `export`) → Terraform model; shorthands expanded. */
export function specToModel(fields: readonly FieldSpec[], spec: Record<string, unknown> | undefined): Model {
  const out: Model = {};
  for (const f of fields) {
    const v = spec?.[f.name];
    if (v === undefined || v === null || f.type === 'secret') {
      out[f.name] = null;
      continue;
    }
    switch (f.type) {
      case 'object':
        // YAML shorthands: `phone: true` = the object with nothing else set, `false` = none.
        out[f.name] =
          v === true
            ? specToModel(f.fields, {})
            : typeof v === 'object'
              ? specToModel(f.fields, v as Record<string, unknown>)
              : null;
        break;
      case 'object-list':
        out[f.name] = Array.isArray(v)
          ? v.map((e) =>
              // A bare scalar is the shorthand for the element's first (key) field: `"1002"`.
              specToModel(
                f.fields,
                e && typeof e === 'object' ? (e as Record<string, unknown>) : { [f.fields[0]?.name ?? '']: String(e) },
              ),
            )
          : null;
        break;
      case 'list':
        out[f.name] = Array.isArray(v) ? v.map(String) : null;
        break;
      case 'integer':
        out[f.name] = Number(v);
        break;
      case 'boolean':
        out[f.name] = v === true;
        break;
      case 'string':
        out[f.name] = String(v);
        break;
    }
  }
  return out;
}

function resolverFor(secrets: Map<string, string>): SecretResolver {
  return (ref) => {
    const v = secrets.get(ref.env);
    return v === undefined ? undefined : new SecretValue(v, 'terraform');
  };
}

export function desiredFrom(kind: AnyKind, domain: string, model: Model): DesiredObject {
  const secrets = new Map<string, string>();
  const spec = modelToSpec(kind.fields, model, secrets);
  const key = kind.shape === 'set' ? domain : kind.key(spec);
  return { kind: kind.name, domain, key, spec, comparable: kind.toComparable(spec, resolverFor(secrets)) };
}

// ------------------------------------------------------------------------------------------ state merge

const NONE: readonly string[] = [];

/**
 * The new state of the fields: the state/planned value where the kind says it equals what the
 * platform has, the exported live value where it does not (or where it was not known).
 */
function mergeFields(
  fields: readonly FieldSpec[],
  state: Model,
  exported: Model,
  diffs: readonly string[],
  live: LiveObject,
  prefix: string,
): Model {
  const out: Model = {};
  for (const f of fields) {
    const path = prefix + f.name;
    const s = state[f.name] ?? null;
    const e = exported[f.name] ?? null;
    // Most refreshes find no difference at all: no per-field scan then.
    const under = diffs.length === 0 ? NONE : diffs.filter((p) => p === path || p.startsWith(`${path}.`));
    if (f.type === 'secret') {
      // Write-only: never in state (Terraform requires null). Its companion `<name>_version` is kept.
      out[f.name] = null;
      out[versionAttribute(f.name)] = state[versionAttribute(f.name)] ?? null;
      continue;
    }
    if (f.notCompared) {
      out[f.name] = s;
      continue;
    }
    if (s === null) {
      out[f.name] = e;
      continue;
    }
    if (f.type === 'object' && isObjectValue(s)) {
      // "Exactly one of" objects are compared as one value (the kind collapses them); others per field.
      const granular = under.every((p) =>
        f.fields.some((x) => p === `${path}.${x.name}` || p.startsWith(`${path}.${x.name}.`)),
      );
      if (f.maxProperties !== undefined || !granular) {
        out[f.name] = under.length === 0 ? s : withVersions(f.fields, e, s as Model);
        continue;
      }
      out[f.name] = mergeFields(f.fields, s as Model, isObjectValue(e) ? (e as Model) : {}, diffs, live, `${path}.`);
      continue;
    }
    out[f.name] = under.length === 0 ? s : e;
  }
  return out;
}

/**
 * The state Terraform gets for a live object, given the state (or planned) values it had. `desired` is
 * `desiredFrom(kind, domain, model)`, passed by a caller that already built it for the read (not built twice).
 */
export function stateFor(
  kind: AnyKind,
  domain: string,
  model: Model,
  live: LiveObject,
  desired: DesiredObject = desiredFrom(kind, domain, model),
): Model {
  const diffs = diffFields(kind.name, desired.comparable, live.comparable).map((d) => d.path);
  const exported = specToModel(kind.fields, kind.export(live) as Record<string, unknown>);
  const out: Model = { id: idOf(kind, domain, live.key), domain };
  // Assigned one by one: the same object as `{ id, domain, ...merged }`, without the spread's slow copy.
  const merged = mergeFields(kind.fields, model, exported, diffs, live, '');
  for (const k in merged) out[k] = merged[k] as CtyValue;
  return out;
}

/** The companion attribute of a write-only secret: `pin` → `pin_version` (see README "PINs"). */
export function versionAttribute(name: string): string {
  return `${name}_version`;
}

/** An object taken from the platform keeps the configured `<secret>_version` values. */
function withVersions(fields: readonly FieldSpec[], e: CtyValue, s: Model): CtyValue {
  if (!isObjectValue(e)) return e;
  const out: Model = { ...(e as Model) };
  for (const f of fields) if (f.type === 'secret') out[versionAttribute(f.name)] = s[versionAttribute(f.name)] ?? null;
  return out;
}

/**
 * The planned model with the write-only secrets of the configuration (planned state holds them as null;
 * Terraform sends their values only in the configuration of PlanResourceChange and ApplyResourceChange).
 */
export function withConfigSecrets(fields: readonly FieldSpec[], planned: Model, config: Model | null): Model {
  if (!config) return planned;
  const out: Model = { ...planned };
  for (const f of fields) {
    if (f.type === 'secret') out[f.name] = config[f.name] ?? null;
    else if (f.type === 'object' && isObjectValue(out[f.name]) && isObjectValue(config[f.name]))
      out[f.name] = withConfigSecrets(f.fields, out[f.name] as Model, config[f.name] as Model);
  }
  return out;
}

export function idOf(kind: AnyKind, domain: string, key: string): string {
  return kind.shape === 'set' ? domain : `${domain}/${key}`;
}

export function parseId(kind: AnyKind, id: string): { domain: string; key: string } {
  if (kind.shape === 'set') return { domain: id, key: id };
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1)
    throw new ProviderError('Invalid id', `"${id}" is not of the form <domain>/<key>, e.g. acme.example.com/1001.`);
  return { domain: id.slice(0, slash), key: id.slice(slash + 1) };
}
