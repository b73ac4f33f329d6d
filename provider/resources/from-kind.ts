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
import { type CtyObject, type CtyValue, isObjectValue, isWhollyKnown, UNKNOWN, Unknown } from '../cty/values';
import { type Diagnostic, errorDiagnostic, ProviderError } from '../framework/diagnostics';
import { type AnyDataSource, type AnyResource, defineDataSource, defineResource } from '../framework/resource';
import { type AttributeSpec, attr } from '../framework/schema';
import {
  createRegistry,
  diffFields as reconcilerDiffFields,
  supports,
  type AnyKind,
  type ApplyContext,
  type DesiredObject,
  type LiveObject,
} from '../../reconciler/provider-api';

import type { NetsapiensContext } from './context';
import {
  desiredFrom,
  idOf,
  type Model,
  modelToSpec,
  parseId,
  specToModel,
  stateFor,
  withConfigSecrets,
} from './kind-model';
import { profileProblems } from './profile-checks';
import { checkDestructive, protectedRefusal } from './safety';
import { computedAttributes, kindSchema } from './kind-schema';

/** Bound once (an index's re-exported name is a getter read on every call). */
const diffFields = reconcilerDiffFields;

export interface KindResourceOptions {
  /** Terraform type name, e.g. `netsapiens_user`. */
  readonly typeName: string;
  /** Read-back attempts after a write (202 writes may become visible late). Default 6. */
  readonly readBackAttempts?: number;
  /** Base delay between read-back attempts in ms (grows linearly). Default 150. */
  readonly readBackDelayMs?: number;
}

// ------------------------------------------------------------------------------------------ platform I/O

function readContext(ctx: NetsapiensContext, domain: string, desired: DesiredObject | undefined, full: boolean) {
  return {
    client: ctx.client,
    platform: ctx.platform,
    domain,
    // The process-wide cache of the domain's shared reads (read-once.ts), not one per resource.
    cache: ctx.client.liveCache(domain),
    concurrency: 4,
    desired: new Map(desired ? [[desired.key, desired]] : []),
    full,
  };
}

/** One object, by the kind's single-object read (`Kind.readOne`). */
async function readOne(
  kind: AnyKind,
  ctx: NetsapiensContext,
  domain: string,
  key: string,
  desired: DesiredObject | undefined,
  full = false,
): Promise<LiveObject | null> {
  return (await kind.readOne(readContext(ctx, domain, desired, full), key)) ?? null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const str = (v: CtyValue | undefined): string => (typeof v === 'string' ? v : '');

// ------------------------------------------------------------------------------------------ resource

/** What the resource's operations share. */
interface Adapter {
  readonly kind: AnyKind;
  readonly typeName: string;
  readonly attempts: number;
  readonly delay: number;
  differences(desired: DesiredObject, live: LiveObject): readonly { readonly path: string }[];
}

function applyCtx(ctx: NetsapiensContext, domain: string): ApplyContext {
  // The user's `welcome_email` field decides, as in YAML.
  return { client: ctx.client, domain, sendWelcomeEmail: true, platform: ctx.platform };
}

/** Reads until the platform shows what was written (202 writes may lag), then builds the state. */
async function readBack(a: Adapter, ctx: NetsapiensContext, domain: string, planned: Model): Promise<Model> {
  const desired = desiredFrom(a.kind, domain, planned);
  let live: LiveObject | null = null;
  for (let i = 0; i < a.attempts; i++) {
    live = await readOne(a.kind, ctx, domain, desired.key, desired);
    if (live && a.differences(desired, live).length === 0) break;
    if (i < a.attempts - 1) await sleep(a.delay * (i + 1));
  }
  if (!live)
    throw new ProviderError(
      `${a.typeName} not found after the write`,
      `${desired.key} in ${domain}: the platform does not show it yet; run terraform refresh or apply again.`,
    );
  return stateFor(a.kind, domain, planned, live, desired);
}

/**
 * Creates the object. A one-per-domain object (the block list), or one pbxctl can manage but never create
 * (a phone number of the domain's inventory: `capabilities.create` absent), is adopted and gets the difference.
 */
async function createOrAdopt(a: Adapter, ctx: NetsapiensContext, planned: Model): Promise<Model> {
  const { kind } = a;
  const domain = str(planned.domain);
  const desired = desiredFrom(kind, domain, planned);
  const existing = await readOne(kind, ctx, domain, desired.key, desired);
  if (existing && kind.shape === 'list' && supports(kind, 'create')) {
    throw new ProviderError(
      `${a.typeName} already exists`,
      `${kind.title} ${desired.key} already exists in ${domain}. Import it: terraform import <address> "${idOf(kind, domain, desired.key)}"`,
    );
  }
  if (existing) {
    const changed = a.differences(desired, existing).map((d) => d.path);
    if (changed.length > 0)
      await kind.update(applyCtx(ctx, domain), {
        key: desired.key,
        desired,
        live: existing,
        changedFields: changed,
      });
  } else {
    await kind.create(applyCtx(ctx, domain), { key: desired.key, desired, changedFields: [] });
  }
  return readBack(a, ctx, domain, planned);
}

export function resourceFromKind(kind: AnyKind, options: KindResourceOptions): AnyResource<NetsapiensContext> {
  // The kind's own field rules (classes, notCompared) for its comparisons, whatever registry it is in.
  const own = createRegistry([kind]);
  const a: Adapter = {
    kind,
    typeName: options.typeName,
    attempts: options.readBackAttempts ?? 6,
    delay: options.readBackDelayMs ?? 150,
    differences: (desired, live) => diffFields(kind.name, desired.comparable, live.comparable, '', own),
  };

  return defineResource<Model, NetsapiensContext>({
    typeName: options.typeName,
    schema: kindSchema(kind),
    validate: (config) => validateChoices(kind, config),
    modifyPlan: ({ prior, planned, config }) => adjustPlan(kind, prior, planned, config),
    checkPlan: async ({ client: ctx, prior, planned, requiresReplace }) => {
      const problems = profileProblems(ctx, planned);
      // A create or an in-place update has nothing destructive to check (checkDestructive's first rule):
      // no await for it on every plan.
      if (!prior || (planned !== null && !requiresReplace)) return problems;
      return [...problems, ...(await checkDestructive(kind, ctx, { prior, planned, requiresReplace }))];
    },
    create: ({ client: ctx, planned, config }) =>
      createOrAdopt(a, ctx, withConfigSecrets(kind.fields, planned, config)),

    async read({ client: ctx, state }) {
      const client = ctx.client;
      const { domain, key } = parseId(kind, str(state.id));
      client.noteRefresh(domain);
      const desired = desiredFrom(kind, domain, state);
      const live = await readOne(kind, ctx, domain, key, desired);
      return live ? stateFor(kind, domain, state, live, desired) : null;
    },

    async update({ client: ctx, prior, planned: plannedState, config }) {
      const planned = withConfigSecrets(kind.fields, plannedState, config);
      const domain = str(planned.domain);
      const { key } = parseId(kind, str(prior.id));
      const desired = desiredFrom(kind, domain, planned);
      const live = await readOne(kind, ctx, domain, key, desired);
      if (!live)
        throw new ProviderError(
          `${options.typeName} no longer exists`,
          `${kind.title} ${key} is gone from ${domain}; run terraform plan again to re-create it.`,
        );
      const changed = a.differences(desired, live).map((d) => d.path);
      if (changed.length > 0) await kind.update(applyCtx(ctx, domain), { key, desired, live, changedFields: changed });
      return readBack(a, ctx, domain, planned);
    },

    async delete({ client: ctx, state }) {
      const { domain, key } = parseId(kind, str(state.id));
      const refusal = protectedRefusal(kind, ctx, state, 'destroy');
      if (refusal) throw new ProviderError(refusal.summary, refusal.detail);
      const live = await readOne(kind, ctx, domain, key, desiredFrom(kind, domain, state));
      if (!live) return;
      // A kind that cannot delete (phone numbers: never released) leaves the object as it is; Terraform forgets it.
      if (!supports(kind, 'delete')) return;
      await kind.delete(applyCtx(ctx, domain), { key, live, changedFields: [] });
    },

    async importState({ client: ctx, id }) {
      const { domain, key } = parseId(kind, id);
      const live =
        (await readOne(kind, ctx, domain, key, undefined, true)) ??
        // Shared contacts: also by the platform's `unique-id` (no single read by id: the whole list).
        (await kind.read(readContext(ctx, domain, undefined, true))).find((o) =>
          platformIds(o.platform).includes(key),
        ) ??
        null;
      if (!live) return null;
      const exported = specToModel(kind.fields, kind.export(live) as Record<string, unknown>);
      return { id: idOf(kind, domain, live.key), domain, ...exported };
    },
  });
}

/** "Exactly one of" objects (ring-group fallback): the YAML schema's maxProperties. */
function validateChoices(kind: AnyKind, config: Model): Diagnostic[] {
  const diags: Diagnostic[] = [];
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
  // The kind's own rules of one entry (`phone` or `phones`; an attendant's no_input names a menu key), as in YAML.
  // Only on a wholly known config: an unknown value (known after apply) cannot break or satisfy a rule yet.
  const checked = isWhollyKnown(config as CtyObject)
    ? kind.checkEntry?.(modelToSpec(kind.fields, config, new Map()))
    : [];
  for (const issue of checked ?? [])
    diags.push(
      errorDiagnostic(
        issue.message,
        issue.hint ? `${issue.message}: ${issue.hint}` : issue.message,
        issue.path.map((step) => (typeof step === 'number' ? { index: step } : { attribute: step })),
      ),
    );
  return diags;
}

/** What Terraform plans, adjusted to the kind's rules for choices, switches and identity. */
function adjustPlan(kind: AnyKind, prior: Model | null | undefined, planned: Model, config: Model): Model {
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

export function dataSourceFromKind(kind: AnyKind, options: KindDataSourceOptions): AnyDataSource<NetsapiensContext> {
  const keyField = kind.fields.find((f) => f.name === options.keyField);
  if (!keyField) throw new Error(`${kind.name} has no field ${options.keyField}`);
  const attributes = computedAttributes(kind.fields);
  attributes[options.keyField] = attr.string({ required: true, description: keyField.description });
  return defineDataSource<Model, NetsapiensContext>({
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
    async read({ client: ctx, config }) {
      const domain = str(config.domain);
      const key = str(config[options.keyField]);
      const live = await readOne(kind, ctx, domain, key, undefined, true);
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

export type { Model as KindModel } from './kind-model';
export type { CtyObject };
