/**
 * `DomainDirectory`: a CDKTF construct that takes the SAME desired-state YAML as pbxctl (one domain's file
 * or directory) and emits the netsapiens resources through the generated bindings (provider/bindings/).
 *
 * The YAML is loaded by pbxctl's own loader (`loadDesiredState`: schema, e-mail/number checks, reserved
 * extensions, duplicates — all errors at once with file:line), so a file that `pbxctl validate` rejects
 * never synthesizes.
 *
 * Secrets: a PIN `{ env: VM_PIN_1001 }` becomes a sensitive `TerraformVariable` named after the variable
 * (`VM_PIN_1001`), one per name. It is set at plan/apply time with `TF_VAR_VM_PIN_1001=…`, so the value is
 * never written into `cdk.tf.json` (reading the environment at synth time would put the PIN in the
 * synthesized file on disk).
 *
 * CDKTF is archived upstream (0.21.0 is the last release): this is a thin, optional layer; the product
 * is the Terraform provider, which HCL uses directly.
 */
import { type ITerraformDependable, type TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  type DomainDesiredState,
  loadDesiredState,
  DesiredStateError,
  DEFAULT_REGISTRY,
  type Registry,
  isSecretRef,
  type AnyKind,
  type DesiredObject,
  type FieldSpec,
} from '../../reconciler';
import * as bindings from '../bindings';

type Emitted = TerraformResource & { readonly extension?: string };
type ResourceClass = (new (scope: Construct, id: string, config: never) => Emitted) & { tfResourceType?: string };

/**
 * The generated binding class of a Terraform resource type (`netsapiens_user` → `User`), found by the
 * `tfResourceType` every generated class declares: no list of kinds here, the registry names the types.
 */
function bindingClass(typeName: string): ResourceClass | undefined {
  for (const module of Object.values(bindings) as Record<string, unknown>[]) {
    for (const value of Object.values(module)) {
      const cls = value as ResourceClass;
      // Data sources share the type name; their class names start with `Data`.
      if (typeof cls === 'function' && cls.tfResourceType === typeName && !cls.name.startsWith('Data')) return cls;
    }
  }
  return undefined;
}

export interface DomainDirectoryProps {
  /** A desired-state YAML file or a directory of them, exactly as given to `pbxctl plan`. */
  readonly path: string;
  /** The domain to emit when the files describe several (default: the only one). */
  readonly domain?: string;
  /** The provider instance (default: the stack's default `netsapiens` provider). */
  readonly provider?: import('cdktf').TerraformProvider;
  /** The kinds (default: the production registry). */
  readonly registry?: Registry;
}

/** snake_case → the bindings' camelCase property names. */
const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export class DomainDirectory extends Construct {
  readonly domain: string;
  /** Emitted resources by kind name, then key (extension; contact key; the domain for the block list). */
  readonly resources: ReadonlyMap<string, ReadonlyMap<string, Emitted>>;
  /** The sensitive variables created for PIN references, by environment-variable name. */
  readonly secrets: ReadonlyMap<string, TerraformVariable>;

  private readonly vars = new Map<string, TerraformVariable>();

  constructor(scope: Construct, id: string, props: DomainDirectoryProps) {
    super(scope, id);
    const registry = props.registry ?? DEFAULT_REGISTRY;
    const state = load(props.path, registry);
    const domain = pickDomain(state.domains, props.domain, props.path);
    this.domain = domain.domain;
    this.secrets = this.vars;
    const out = new Map<string, Map<string, Emitted>>();
    const byExtension = new Map<string, Emitted>();
    // Kind order: members (users) exist before the groups that ring them.
    for (const kind of registry.inApplyOrder()) {
      const cls = bindingClass(registry.terraformType(kind));
      const objects = domain.objects.get(kind.name) ?? [];
      if (!cls) {
        if (objects.length > 0) throw new Error(`DomainDirectory: no CDKTF binding for kind ${kind.name}`);
        continue;
      }
      const emitted = new Map<string, Emitted>();
      for (const d of objects) {
        const dependsOn: ITerraformDependable[] = kind
          .references(d.key, d.comparable)
          // By kind and key (a site, an address, an attendant's time frame), else by extension (users, groups, queues).
          .map((r) => out.get(r.kind)?.get(r.key) ?? byExtension.get(r.key))
          .filter((r): r is Emitted => r !== undefined && r !== byExtension.get(d.key));
        const config = {
          domain: this.domain,
          ...this.toConfig(kind.fields, d.spec as Record<string, unknown>, d),
          ...(props.provider ? { provider: props.provider } : {}),
          ...(dependsOn.length > 0 ? { dependsOn: [...new Set(dependsOn)] } : {}),
        };
        const r = new cls(this, constructId(kind, d), config as never);
        emitted.set(d.key, r);
        if (/^[0-9]+$/.test(d.key) && kind.identity.ownsExtension) byExtension.set(d.key, r);
      }
      out.set(kind.name, emitted);
    }
    this.resources = out;
  }

  /** A YAML entry (spec) → the binding's config: camelCase names, shorthands expanded, PINs as variables. */
  private toConfig(
    fields: readonly FieldSpec[],
    spec: Record<string, unknown>,
    d: DesiredObject,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const v = spec[f.name];
      if (v === undefined || v === null) continue;
      const name = camel(f.name);
      switch (f.type) {
        case 'secret':
          if (!isSecretRef(v)) throw new Error(`${d.path ?? d.key}.${f.name}: a secret must be { env: NAME }`);
          out[name] = this.variable(v.env).stringValue;
          break;
        case 'object':
          // `phone: true` = the object with nothing else set. `phone: false` (remove the phone) has no
          // Terraform spelling: an omitted attribute is not managed.
          if (v === false) break;
          out[name] = this.toConfig(f.fields, v === true ? {} : (v as Record<string, unknown>), d);
          break;
        case 'object-list':
          out[name] = (v as unknown[]).map((e) =>
            this.toConfig(
              f.fields,
              e && typeof e === 'object' ? (e as Record<string, unknown>) : { [f.fields[0]?.name ?? '']: String(e) },
              d,
            ),
          );
          break;
        case 'list':
          out[name] = (v as unknown[]).map(String);
          break;
        case 'integer':
          out[name] = Number(v);
          break;
        case 'boolean':
          out[name] = v === true;
          break;
        case 'string':
          out[name] = String(v);
          break;
      }
    }
    return out;
  }

  private variable(env: string): TerraformVariable {
    let v = this.vars.get(env);
    if (!v) {
      // One variable per name in the whole stack (several directories may share a PIN variable).
      const stack = TerraformStack.of(this);
      const id = `pbxctl_secret_${env}`;
      const existing = stack.node.tryFindChild(id);
      if (existing instanceof TerraformVariable) {
        this.vars.set(env, existing);
        return existing;
      }
      v = new TerraformVariable(stack, id, {
        type: 'string',
        sensitive: true,
        description: `Secret referenced as { env: ${env} } in the desired-state YAML; set TF_VAR_${env}.`,
      });
      // The variable is named after the environment variable, not after the construct path.
      v.overrideLogicalId(env);
      // Ephemeral (Terraform ≥ 1.10): its value is kept out of saved plan files too; it feeds the
      // write-only `pin` attribute only.
      v.addOverride('ephemeral', true);
      this.vars.set(env, v);
    }
    return v;
  }
}

/** The loader's errors, with every file:line reason in the message (synth prints only the message). */
function load(path: string, registry: Registry): ReturnType<typeof loadDesiredState> {
  try {
    return loadDesiredState(path, { registry });
  } catch (err) {
    if (!(err instanceof DesiredStateError)) throw err;
    const lines = err.issues.map((i) => {
      const at = i.position ? `${i.position.file}:${i.position.line}:${i.position.column}: ` : '';
      return `  ${at}${i.path ? `${i.path}: ` : ''}${i.message}${i.hint ? ` (${i.hint})` : ''}`;
    });
    throw new Error(`DomainDirectory: ${err.message}:\n${lines.join('\n')}`);
  }
}

function pickDomain(
  domains: readonly DomainDesiredState[],
  wanted: string | undefined,
  path: string,
): DomainDesiredState {
  if (wanted) {
    const d = domains.find((x) => x.domain === wanted);
    if (!d) throw new Error(`DomainDirectory: ${path} does not describe domain ${wanted}`);
    return d;
  }
  if (domains.length !== 1)
    throw new Error(
      `DomainDirectory: ${path} describes ${domains.length} domains (${domains.map((d) => d.domain).join(', ')}); pass \`domain\``,
    );
  return domains[0]!;
}

/** Stable construct ids: `user_1001`, `ring_group_2000`, `shared_contact_acme_plumbing_acme`, `block_list`. */
function constructId(kind: AnyKind, d: DesiredObject): string {
  if (kind.shape === 'set') return kind.name;
  return `${kind.name}_${d.key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
}
