/**
 * PII redaction of plan content (`--redact-pii`): which fields and keys are personal data comes from the
 * kinds (`FieldSpec.pii`, `identity.keyIsPii`). PURE.
 */
import type { ComparableValue } from '../kinds/kind';
import { fieldAt } from '../kinds/kind';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import { SecretValue } from '../kinds/secret';

export const REDACTED = '(redacted)';

function isPii(kind: string, path: string, registry: Registry): boolean {
  // `phone_numbers` is not a YAML field: live content carries the DIDs routed to a user.
  if (path === 'phone_numbers') return true;
  const k = registry.get(kind);
  const f = k ? fieldAt(k.fields, path) : undefined;
  return f?.pii === true;
}

/**
 * Masks the personal parts of a value: the whole value when its field is PII, else the PII sub-fields of
 * an object (a shared contact's `phones: { work, cell }` holds only PII, a user's `phone` none).
 */
export function redactValue(
  kind: string,
  path: string,
  value: ComparableValue | undefined,
  registry: Registry = DEFAULT_REGISTRY,
): ComparableValue | undefined {
  if (value === undefined || value instanceof SecretValue) return value;
  if (isPii(kind, path, registry)) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactValue(kind, path, v, registry) as ComparableValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactValue(kind, `${path}.${k}`, v, registry) as ComparableValue]),
    );
  }
  return value;
}

/**
 * A key as shown under PII redaction: masked when the kind's key is personal data (`identity.keyIsPii`,
 * e.g. shared contacts, keyed by a person's name).
 */
export function redactKey(kind: string, key: string, registry: Registry = DEFAULT_REGISTRY): string {
  return registry.get(kind)?.identity.keyIsPii ? REDACTED : key;
}

export function redactId(id: string, registry: Registry = DEFAULT_REGISTRY): string {
  const [kind = '', ...rest] = id.split(':');
  return `${kind}:${redactKey(kind, rest.join(':'), registry)}`;
}
