import { types } from '../cty/types';
import { type AttributeSpec, attr, type SchemaSpec, type Validator } from '../framework/schema';
import { validators } from '../framework/validators';
import {
  type ExtensionRules,
  extensionProblem as reconcilerExtensionProblem,
  isValidEmail as reconcilerIsValidEmail,
  isValidNumber as reconcilerIsValidNumber,
  type AnyKind,
  type FieldSpec,
} from '../../reconciler/provider-api';

/** Bound once: the validators run on every ValidateResourceConfig (an index's re-exported name is a getter). */
const extensionProblem = reconcilerExtensionProblem;
const isValidEmail = reconcilerIsValidEmail;
const isValidNumber = reconcilerIsValidNumber;

/**
 * Terraform validates a resource before the provider is configured, and a domain's own numbering range
 * lives in YAML (`extensions:`), not here. So the provider checks only what no domain may use — the
 * platform's reserved numbers — and not the Persona default range 100–8999, which would lock out domains
 * with 5-digit extensions.
 */
const PROVIDER_EXTENSION_RULES: ExtensionRules = { min: 0, max: Number.MAX_SAFE_INTEGER, reserved: [] };

const MAC = /^([0-9A-Fa-f]{2}[:-]?){5}[0-9A-Fa-f]{2}$/;
const EXTENSION = /^[0-9]{2,16}$/;

// ------------------------------------------------------------------------------------------ schema

/** Where a field sits decides its flags: top level / inside an object (optional ⇒ computed) or in a list element. */
export type Place = 'top' | 'object' | 'list-element';

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

export function fieldAttribute(f: FieldSpec, place: Place): AttributeSpec {
  const base = {
    description: f.description,
    ...(f.forceNew ? { forceNew: true } : {}),
    validators: fieldValidators(f, place),
  };
  // A secret is a write-only, sensitive string (YAML: `{ env: NAME }`): Terraform never stores it in state
  // or plan files; the provider sees it only in the configuration of a plan or an apply.
  if (f.type === 'secret') return attr.string({ ...base, optional: true, sensitive: true, writeOnly: true });
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

export function fieldAttributes(fields: readonly FieldSpec[], place: Place): Record<string, AttributeSpec> {
  const out: Record<string, AttributeSpec> = {};
  for (const f of fields) {
    out[f.name] = fieldAttribute(f, place);
    if (f.type === 'secret')
      out[`${f.name}_version`] = attr.string({
        optional: true,
        description: `Change this value (any string, e.g. a date) to send \`${f.name}\` again: a write-only value is not stored, so Terraform cannot see it change by itself.`,
      });
  }
  return out;
}

/** Every field computed (data sources); secrets and behaviour flags are left out. */
export function computedAttributes(fields: readonly FieldSpec[]): Record<string, AttributeSpec> {
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
