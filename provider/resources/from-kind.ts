/**
 * ONE generic adapter: a pbxctl Kind (reconciler/kinds) → a Terraform resource / data source.
 *
 * Nothing here is per-kind: the schema comes from `kind.fields` (the FieldSpec DSL that also drives the
 * YAML JSON Schema and the loader), and every read/write goes through the kind's own `toComparable`,
 * `read`, `export`, `create`, `update` and `delete`, so YAML and Terraform cannot disagree about a field.
 *
 * The rules that keep the two identical:
 *  - An optional field the configuration leaves out is NOT managed (the YAML rule): the attribute is
 *    optional + computed and the state shows the live value.
 *  - Equality is the kind's equality: a configured value is kept in state, in the spelling the user
 *    wrote ("+1 212 555 0100"), whenever `toComparable` of it equals the live comparable
 *    (`diffFields` empty for that field). Otherwise the state takes the canonical YAML form from
 *    `kind.export(live)`, which is what makes drift visible and plan/apply consistent.
 */
import { type CtyObject, type CtyValue, isObjectValue, UNKNOWN, Unknown } from '../cty';
import {
  type AnyDataSource,
  type AnyResource,
  type AttributeSpec,
  attr,
  type Diagnostic,
  defineDataSource,
  defineResource,
  errorDiagnostic,
  ProviderError,
  type SchemaSpec,
  types,
  type Validator,
  validators,
} from '../framework';
import {
  type ExtensionRules,
  extensionProblem,
  isValidEmail,
  isValidNumber,
  SecretValue,
  type SecretRef,
  type SecretResolver,
  createLiveCache,
  diffFields,
  type AnyKind,
  type ApplyContext,
  type Comparable,
  type DesiredObject,
  type FieldSpec,
  type LiveObject,
  type NetSapiensClient,
} from '../../reconciler';

/**
 * Terraform validates a resource before the provider is configured, and a domain's own numbering range
 * lives in YAML (`extensions:`), not here. So the provider checks only what no domain may use — the
 * platform's reserved numbers — and not the Persona default range 100–8999, which would lock out domains
 * with 5-digit extensions.
 */
const PROVIDER_EXTENSION_RULES: ExtensionRules = { min: 0, max: Number.MAX_SAFE_INTEGER, reserved: [] };

type Model = Record<string, CtyValue>;

export interface KindResourceOptions {
  /** Terraform type name, e.g. `netsapiens_user`. */
  readonly typeName: string;
  /** Read-back attempts after a write (202 writes may become visible late). Default 6. */
  readonly readBackAttempts?: number;
  /** Base delay between read-back attempts in ms (grows linearly). Default 150. */
  readonly readBackDelayMs?: number;
}

const MAC = /^([0-9A-Fa-f]{2}[:-]?){5}[0-9A-Fa-f]{2}$/;
const EXTENSION = /^[0-9]{2,16}$/;

// ------------------------------------------------------------------------------------------ schema

/** Where a field sits decides its flags: top level / inside an object (optional ⇒ computed) or in a list element. */
type Place = 'top' | 'object' | 'list-element';

function fieldValidators(f: FieldSpec, place: Place): Validator[] {
  const out: Validator[] = [];
  switch (f.type) {
    case 'string':
      if (f.enum) out.push(validators.oneOf(f.enum));
      if (f.pattern) out.push(validators.matches(new RegExp(f.pattern), `does not match ${f.pattern}`));
      if (f.maxLength !== undefined) out.push(validators.lengthBetween(0, f.maxLength));
      if (f.format === 'extension') {
        // The key extension gets the loader's full rules (reserved numbers, default range); references
        // (members, fallbacks) only the shape, exactly as in YAML.
        if (place === 'top' && f.required) {
          out.push((v) => {
            const problem = typeof v === 'string' ? extensionProblem(v, PROVIDER_EXTENSION_RULES) : undefined;
            return problem ? { summary: 'Invalid extension', detail: problem } : undefined;
          });
        } else out.push(validators.matches(EXTENSION, 'is not an extension (2–16 digits)'));
      }
      if (f.format === 'email')
        out.push((v) =>
          typeof v === 'string' && !isValidEmail(v) ? `"${v}" is not a valid e-mail address` : undefined,
        );
      if (f.format === 'phone')
        out.push((v) =>
          typeof v === 'string' && v !== '' && !isValidNumber(v)
            ? `"${v}" is not a phone number (use E.164, e.g. "+1 212 555 0100")`
            : undefined,
        );
      if (f.format === 'mac') out.push(validators.matches(MAC, 'is not a MAC address'));
      break;
    case 'integer':
      out.push(validators.intBetween(f.minimum ?? Number.MIN_SAFE_INTEGER, f.maximum ?? Number.MAX_SAFE_INTEGER));
      break;
    case 'list':
      if (f.items === 'phone' || f.items === 'extension') {
        const items = f.items;
        out.push((v) => {
          if (!Array.isArray(v)) return undefined;
          const bad = v.filter((x) =>
            typeof x !== 'string' ? false : items === 'phone' ? !isValidNumber(x) : !EXTENSION.test(x),
          );
          if (bad.length === 0) return undefined;
          const what = items === 'phone' ? 'phone numbers (use E.164, or anonymous / unknown)' : 'extensions';
          return `not ${what}: ${bad.map((b) => `"${String(b)}"`).join(', ')}`;
        });
      }
      break;
    default:
      break;
  }
  return out;
}

function fieldAttribute(f: FieldSpec, place: Place): AttributeSpec {
  const base = {
    description: f.description,
    ...(f.forceNew ? { forceNew: true } : {}),
    validators: fieldValidators(f, place),
  };
  // A secret is a sensitive string in Terraform (YAML: `{ env: NAME }`). Not computed: the platform's
  // PIN never flows into state unless it was configured.
  if (f.type === 'secret') return attr.string({ ...base, optional: true, sensitive: true });
  // List elements are compared whole (an omitted ring_seconds means "the group timeout"), and
  // behaviour flags (welcome_email) are never read back: plain optional.
  const flags = f.required
    ? { required: true }
    : f.notCompared || f.defaultWhenOmitted || place === 'list-element'
      ? { optional: true }
      : { optional: true, computed: true };
  const opts = { ...base, ...flags };
  switch (f.type) {
    case 'string':
      return attr.string(opts);
    case 'integer':
      return attr.number(opts);
    case 'boolean':
      return attr.bool(opts);
    case 'list':
      return f.set ? attr.set(types.string, opts) : attr.list(types.string, opts);
    case 'object':
      return attr.nested('single', fieldAttributes(f.fields, 'object'), opts);
    case 'object-list':
      return attr.nested('list', fieldAttributes(f.fields, 'list-element'), opts);
  }
}

function fieldAttributes(fields: readonly FieldSpec[], place: Place): Record<string, AttributeSpec> {
  return Object.fromEntries(fields.map((f) => [f.name, fieldAttribute(f, place)]));
}

/** Every field computed (data sources); secrets and behaviour flags are left out. */
function computedAttributes(fields: readonly FieldSpec[]): Record<string, AttributeSpec> {
  const out: Record<string, AttributeSpec> = {};
  for (const f of fields) {
    if (f.type === 'secret' || f.notCompared) continue;
    const opts = { description: f.description, computed: true };
    switch (f.type) {
      case 'string':
        out[f.name] = attr.string(opts);
        break;
      case 'integer':
        out[f.name] = attr.number(opts);
        break;
      case 'boolean':
        out[f.name] = attr.bool(opts);
        break;
      case 'list':
        out[f.name] = f.set ? attr.set(types.string, opts) : attr.list(types.string, opts);
        break;
      case 'object':
        out[f.name] = attr.nested('single', computedAttributes(f.fields), opts);
        break;
      case 'object-list':
        out[f.name] = attr.nested('list', computedAttributes(f.fields), opts);
        break;
    }
  }
  return out;
}

export function kindSchema(kind: AnyKind): SchemaSpec {
  const keyHelp = kind.shape === 'set' ? '`<domain>`' : '`<domain>/<key>`';
  return {
    version: 0,
    description: `${kind.description} Managed by pbxctl's \`${kind.name}\` kind: the same fields as the \`${kind.section}:\` section of the desired-state YAML. Optional attributes left out are not managed (the state shows the platform's value).`,
    attributes: {
      id: attr.string({ computed: true, description: `Identifier ${keyHelp}; also the import id.` }),
      domain: attr.string({
        required: true,
        forceNew: true,
        description: 'The NetSapiens domain, e.g. acme.example.com.',
      }),
      ...fieldAttributes(kind.fields, 'top'),
    },
  };
}

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
    const path = prefix + f.name;
    switch (f.type) {
      case 'secret': {
        const env = `__tf:${path}`;
        secrets.set(env, String(v));
        out[f.name] = { env } satisfies SecretRef;
        break;
      }
      case 'object':
        if (isObjectValue(v)) out[f.name] = modelToSpec(f.fields, v as Model, secrets, `${path}.`);
        break;
      case 'object-list':
        if (Array.isArray(v))
          out[f.name] = v.filter(isObjectValue).map((e) => modelToSpec(f.fields, e as Model, secrets, `${path}.`));
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

function desiredFrom(kind: AnyKind, domain: string, model: Model): DesiredObject {
  const secrets = new Map<string, string>();
  const spec = modelToSpec(kind.fields, model, secrets);
  const key = kind.shape === 'set' ? domain : kind.key(spec);
  return { kind: kind.name, domain, key, spec, comparable: kind.toComparable(spec, resolverFor(secrets)) };
}

// ------------------------------------------------------------------------------------------ state merge

function secretAt(c: Comparable | undefined, path: string): SecretValue | undefined {
  let v: unknown = c;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v instanceof SecretValue ? v : undefined;
}

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
    const under = diffs.filter((p) => p === path || p.startsWith(`${path}.`));
    if (f.type === 'secret') {
      // Configured PINs: kept while they match; drift shows the platform's (sensitive) value.
      if (s === null) out[f.name] = null;
      else if (under.length === 0) out[f.name] = s;
      else out[f.name] = secretAt(live.comparable, path)?.reveal() ?? null;
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
        out[f.name] = under.length === 0 ? s : e;
        continue;
      }
      out[f.name] = mergeFields(f.fields, s as Model, isObjectValue(e) ? (e as Model) : {}, diffs, live, `${path}.`);
      continue;
    }
    out[f.name] = under.length === 0 ? s : e;
  }
  return out;
}

/** The state Terraform gets for a live object, given the state (or planned) values it had. */
export function stateFor(kind: AnyKind, domain: string, model: Model, live: LiveObject): Model {
  const desired = desiredFrom(kind, domain, model);
  const diffs = diffFields(kind.name, desired.comparable, live.comparable).map((d) => d.path);
  const exported = specToModel(kind.fields, kind.export(live) as Record<string, unknown>);
  return {
    id: idOf(kind, domain, live.key),
    domain,
    ...mergeFields(kind.fields, model, exported, diffs, live, ''),
  };
}

function idOf(kind: AnyKind, domain: string, key: string): string {
  return kind.shape === 'set' ? domain : `${domain}/${key}`;
}

function parseId(kind: AnyKind, id: string): { domain: string; key: string } {
  if (kind.shape === 'set') return { domain: id, key: id };
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1)
    throw new ProviderError('Invalid id', `"${id}" is not of the form <domain>/<key>, e.g. acme.example.com/1001.`);
  return { domain: id.slice(0, slash), key: id.slice(slash + 1) };
}

// ------------------------------------------------------------------------------------------ platform I/O

function readContext(client: NetSapiensClient, domain: string, desired: DesiredObject | undefined, full: boolean) {
  return {
    client,
    domain,
    cache: createLiveCache(),
    concurrency: 4,
    desired: new Map(desired ? [[desired.key, desired]] : []),
    full,
  };
}

/** One object, by the kind's single-object read (`Kind.readOne`). */
async function readOne(
  kind: AnyKind,
  client: NetSapiensClient,
  domain: string,
  key: string,
  desired: DesiredObject | undefined,
  full = false,
): Promise<LiveObject | null> {
  return (await kind.readOne(readContext(client, domain, desired, full), key)) ?? null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const str = (v: CtyValue | undefined): string => (typeof v === 'string' ? v : '');

// ------------------------------------------------------------------------------------------ resource

export function resourceFromKind(kind: AnyKind, options: KindResourceOptions): AnyResource<NetSapiensClient> {
  const schema = kindSchema(kind);
  const attempts = options.readBackAttempts ?? 6;
  const delay = options.readBackDelayMs ?? 150;
  const applyCtx = (client: NetSapiensClient, domain: string): ApplyContext => ({
    client,
    domain,
    // The user's `welcome_email` field decides, as in YAML.
    sendWelcomeEmail: true,
  });

  /** Reads until the platform shows what was written (202 writes may lag), then builds the state. */
  async function readBack(client: NetSapiensClient, domain: string, planned: Model): Promise<Model> {
    const desired = desiredFrom(kind, domain, planned);
    let live: LiveObject | null = null;
    for (let i = 0; i < attempts; i++) {
      live = await readOne(kind, client, domain, desired.key, desired);
      if (live && diffFields(kind.name, desired.comparable, live.comparable).length === 0) break;
      if (i < attempts - 1) await sleep(delay * (i + 1));
    }
    if (!live)
      throw new ProviderError(
        `${options.typeName} not found after the write`,
        `${desired.key} in ${domain}: the platform does not show it yet; run terraform refresh or apply again.`,
      );
    return stateFor(kind, domain, planned, live);
  }

  return defineResource<Model, NetSapiensClient>({
    typeName: options.typeName,
    schema,

    validate(config) {
      const diags: Diagnostic[] = [];
      // "Exactly one of" objects (ring-group fallback): the YAML schema's maxProperties.
      for (const f of kind.fields) {
        if (f.type !== 'object' || f.maxProperties === undefined) continue;
        const v = config[f.name];
        if (!isObjectValue(v)) continue;
        const set = Object.entries(v)
          .filter(([, x]) => x !== null && !(x instanceof Unknown))
          .map(([k]) => k);
        if (set.length > f.maxProperties)
          diags.push(
            errorDiagnostic(
              `Invalid value for ${f.name}`,
              `set only one of: ${f.fields.map((x) => x.name).join(', ')} (got ${set.join(', ')})`,
              [{ attribute: f.name }],
            ),
          );
      }
      return diags;
    },

    modifyPlan({ prior, planned, config }) {
      const out: Model = { ...planned };
      // "Exactly one of" objects: the choices left out of the configuration are null, not carried over
      // from the prior state (where another choice may have been set).
      for (const f of kind.fields) {
        if (f.type !== 'object' || f.maxProperties === undefined) continue;
        const c = config[f.name];
        const p = out[f.name];
        if (!isObjectValue(c) || !isObjectValue(p)) continue;
        out[f.name] = Object.fromEntries(Object.keys(p).map((k) => [k, c[k] ?? null]));
      }
      // An object switched off (`phone = { enabled = false }`; voicemail's `enabled` is a setting, not this
      // switch): what it held is gone, so the sub-attributes
      // the configuration leaves out are null — not the prior values Terraform would carry.
      for (const f of kind.fields) {
        if (f.type !== 'object' || !f.fields.some((x) => x.name === 'enabled' && x.defaultWhenOmitted)) continue;
        const c = config[f.name];
        const p = out[f.name];
        if (!isObjectValue(c) || !isObjectValue(p) || c.enabled !== false) continue;
        out[f.name] = Object.fromEntries(Object.keys(p).map((k) => [k, c[k] ?? null]));
      }
      // The identity (e.g. a contact's name + company) changed without a forced replacement: the id follows.
      if (prior && !(out.id instanceof Unknown)) {
        try {
          const known = (m: Model) => Object.values(m).every((v) => !(v instanceof Unknown));
          if (!known(out)) out.id = UNKNOWN;
          else {
            const domain = str(out.domain);
            const key = kind.shape === 'set' ? domain : kind.key(modelToSpec(kind.fields, out, new Map()));
            if (idOf(kind, domain, key) !== prior.id) out.id = UNKNOWN;
          }
        } catch {
          out.id = UNKNOWN;
        }
      }
      return out;
    },

    async create({ client, planned }) {
      const domain = str(planned.domain);
      const desired = desiredFrom(kind, domain, planned);
      const existing = await readOne(kind, client, domain, desired.key, desired);
      if (existing && kind.shape === 'list') {
        throw new ProviderError(
          `${options.typeName} already exists`,
          `${kind.title} ${desired.key} already exists in ${domain}. Import it: terraform import <address> "${idOf(kind, domain, desired.key)}"`,
        );
      }
      if (existing) {
        // One per domain (the block list): "create" adopts it and writes the difference.
        const changed = diffFields(kind.name, desired.comparable, existing.comparable).map((d) => d.path);
        if (changed.length > 0)
          await kind.update(applyCtx(client, domain), {
            key: desired.key,
            desired,
            live: existing,
            changedFields: changed,
          });
      } else {
        await kind.create(applyCtx(client, domain), { key: desired.key, desired, changedFields: [] });
      }
      return readBack(client, domain, planned);
    },

    async read({ client, state }) {
      const { domain, key } = parseId(kind, str(state.id));
      const desired = desiredFrom(kind, domain, state);
      const live = await readOne(kind, client, domain, key, desired);
      return live ? stateFor(kind, domain, state, live) : null;
    },

    async update({ client, prior, planned }) {
      const domain = str(planned.domain);
      const { key } = parseId(kind, str(prior.id));
      const desired = desiredFrom(kind, domain, planned);
      const live = await readOne(kind, client, domain, key, desired);
      if (!live)
        throw new ProviderError(
          `${options.typeName} no longer exists`,
          `${kind.title} ${key} is gone from ${domain}; run terraform plan again to re-create it.`,
        );
      const changed = diffFields(kind.name, desired.comparable, live.comparable).map((d) => d.path);
      if (changed.length > 0)
        await kind.update(applyCtx(client, domain), { key, desired, live, changedFields: changed });
      return readBack(client, domain, planned);
    },

    async delete({ client, state }) {
      const { domain, key } = parseId(kind, str(state.id));
      const live = await readOne(kind, client, domain, key, desiredFrom(kind, domain, state));
      if (!live) return;
      await kind.delete(applyCtx(client, domain), { key, live, changedFields: [] });
    },

    async importState({ client, id }) {
      const { domain, key } = parseId(kind, id);
      const live =
        (await readOne(kind, client, domain, key, undefined, true)) ??
        // Shared contacts: also by the platform's `unique-id` (no single read by id: the whole list).
        (await kind.read(readContext(client, domain, undefined, true))).find((o) =>
          platformIds(o.platform).includes(key),
        ) ??
        null;
      if (!live) return null;
      const exported = specToModel(kind.fields, kind.export(live) as Record<string, unknown>);
      return { id: idOf(kind, domain, live.key), domain, ...exported };
    },
  });
}

/** Ids a platform record carries (`id`, `unique-id`), one level deep. */
function platformIds(platform: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 1) return;
    const r = v as Record<string, unknown>;
    for (const k of ['id', 'unique-id']) if (typeof r[k] === 'string') out.push(r[k] as string);
    for (const x of Object.values(r)) visit(x, depth + 1);
  };
  visit(platform, 0);
  return out;
}

// ------------------------------------------------------------------------------------------ data source

export interface KindDataSourceOptions {
  readonly typeName: string;
  /** The field that identifies an object (required in the data source config), e.g. `extension`. */
  readonly keyField: string;
}

export function dataSourceFromKind(kind: AnyKind, options: KindDataSourceOptions): AnyDataSource<NetSapiensClient> {
  const keyField = kind.fields.find((f) => f.name === options.keyField);
  if (!keyField) throw new Error(`${kind.name} has no field ${options.keyField}`);
  const attributes = computedAttributes(kind.fields);
  attributes[options.keyField] = attr.string({ required: true, description: keyField.description });
  return defineDataSource<Model, NetSapiensClient>({
    typeName: options.typeName,
    schema: {
      version: 0,
      description: `Reads one ${kind.title.toLowerCase()} (every field of pbxctl's \`${kind.name}\` kind, as \`pbxctl export\` writes it).`,
      attributes: {
        id: attr.string({ computed: true, description: 'Identifier `<domain>/<key>`.' }),
        domain: attr.string({ required: true, description: 'The NetSapiens domain.' }),
        ...attributes,
      },
    },
    async read({ client, config }) {
      const domain = str(config.domain);
      const key = str(config[options.keyField]);
      const live = await readOne(kind, client, domain, key, undefined, true);
      if (!live)
        throw new ProviderError(`${kind.title} not found`, `No ${kind.title.toLowerCase()} ${key} in ${domain}.`, [
          { attribute: options.keyField },
        ]);
      const exported = specToModel(kind.fields, kind.export(live) as Record<string, unknown>);
      const out: Model = { id: idOf(kind, domain, key), domain };
      for (const name of Object.keys(attributes)) out[name] = stripTo(attributes[name]!, exported[name] ?? null);
      out[options.keyField] = key;
      return out;
    },
  });
}

/** Keeps only the sub-attributes the data source schema has (secrets and flags are left out). */
function stripTo(a: AttributeSpec, v: CtyValue): CtyValue {
  if (!a.nested || v === null) return v;
  const pick = (o: CtyValue): CtyValue =>
    isObjectValue(o)
      ? Object.fromEntries(Object.entries(a.nested!.attributes).map(([k, inner]) => [k, stripTo(inner, o[k] ?? null)]))
      : o;
  return a.nested.nesting === 'single' ? pick(v) : Array.isArray(v) ? v.map(pick) : v;
}

export type { Model as KindModel, CtyObject };
