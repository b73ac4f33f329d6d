import type { CtyObject } from '../cty';
import type { Diagnostic } from './diagnostics';
import type { SchemaSpec } from './schema';

/**
 * Model values are plain JS: string, number, boolean, null, arrays, objects.
 * In `validate` and `modifyPlan` they may also be `Unknown`. CRUD functions
 * see planned values with unknowns replaced by null (those are the computed
 * attributes the function is expected to fill in).
 *
 * Returning a partial object is fine: an attribute left `undefined` keeps the
 * planned value (create/update) or the prior state value (read). Returning
 * `null` for an attribute sets it to null.
 */
export type ModelResult<Model> = { readonly [K in keyof Model]?: Model[K] | null };

export interface OperationContext<Client> {
  readonly client: Client;
  /** Aborted when Terraform calls StopProvider (Ctrl-C). */
  readonly signal: AbortSignal;
}

export interface Resource<Model extends object = Record<string, unknown>, Client = unknown> {
  /** Full type name including the provider prefix, e.g. `netsapiens_user`. */
  readonly typeName: string;
  readonly schema: SchemaSpec;
  /** Extra config checks beyond per-attribute validators (values may be Unknown). */
  validate?(config: Model, ctx: { readonly path: [] }): readonly Diagnostic[] | undefined;
  /** Adjusts the generic plan (e.g. mark a computed attribute unknown on update). Values may be Unknown. */
  modifyPlan?(plan: {
    readonly prior: Model | null;
    readonly planned: Model;
    readonly config: Model;
    readonly requiresReplace: boolean;
  }): Model | undefined;
  /**
   * Plan-time checks of a change, given a configured provider: warnings (what a destroy or replacement
   * would lose) and errors (a refusal). `planned` is null for a destroy. Values may be Unknown.
   */
  checkPlan?(
    ctx: OperationContext<Client> & {
      readonly prior: Model | null;
      readonly planned: Model | null;
      readonly config: Model | null;
      readonly requiresReplace: boolean;
    },
  ): Promise<readonly Diagnostic[]>;
  create(
    ctx: OperationContext<Client> & { readonly planned: Model; readonly config: Model },
  ): Promise<ModelResult<Model>>;
  /** Returns null when the object no longer exists (Terraform then plans to re-create it). */
  read(ctx: OperationContext<Client> & { readonly state: Model }): Promise<ModelResult<Model> | null>;
  update(
    ctx: OperationContext<Client> & { readonly prior: Model; readonly planned: Model; readonly config: Model },
  ): Promise<ModelResult<Model>>;
  delete(ctx: OperationContext<Client> & { readonly state: Model }): Promise<void>;
  /**
   * Turns an import id into a (partial) state; Terraform calls read right
   * after. Default: a state with only `id` set, which needs an `id` attribute.
   */
  importState?(ctx: OperationContext<Client> & { readonly id: string }): Promise<ModelResult<Model> | null>;
  /** Migrates stored state (parsed JSON) written with an older schema version. */
  upgradeState?(ctx: { readonly version: number; readonly state: Record<string, unknown> }): Record<string, unknown>;
}

export interface DataSource<Model extends object = Record<string, unknown>, Client = unknown> {
  readonly typeName: string;
  readonly schema: SchemaSpec;
  validate?(config: Model, ctx: { readonly path: [] }): readonly Diagnostic[] | undefined;
  /** Attributes left undefined keep their config value. */
  read(ctx: OperationContext<Client> & { readonly config: Model }): Promise<ModelResult<Model>>;
}

/** Identity helpers that give type inference for the Model parameter. */
export function defineResource<Model extends object, Client = unknown>(
  r: Resource<Model, Client>,
): Resource<Model, Client> {
  return r;
}

export function defineDataSource<Model extends object, Client = unknown>(
  d: DataSource<Model, Client>,
): DataSource<Model, Client> {
  return d;
}

// biome-ignore lint/suspicious/noExplicitAny: registries hold resources of different models
export type AnyResource<Client = unknown> = Resource<any, Client>;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type AnyDataSource<Client = unknown> = DataSource<any, Client>;

export type { CtyObject };
