/**
 * Field-level differences between desired and live content, and how serious a set of them is. PURE.
 */
import type { ChangeClass, Comparable, ComparableValue } from '../kinds/kind';
import { fieldAt } from '../kinds/kind';
import { DEFAULT_REGISTRY, type Registry } from '../kinds/registry';
import { SecretValue } from '../kinds/secret';

export interface FieldChange {
  /** Dotted path, e.g. `voicemail.pin`. */
  readonly path: string;
  readonly before?: ComparableValue;
  readonly after?: ComparableValue;
  readonly class: ChangeClass;
  readonly sensitive?: boolean;
  readonly pii?: boolean;
}

const RANK: Record<ChangeClass, number> = { cosmetic: 0, routing: 1, 'data-destroying': 2 };
export function maxClass(classes: readonly ChangeClass[]): ChangeClass {
  return classes.reduce<ChangeClass>((a, b) => (RANK[b] > RANK[a] ? b : a), 'cosmetic');
}

/** Deep equality for comparable values; secrets compare by value without being revealed. */
export function sameValue(a: ComparableValue | undefined, b: ComparableValue | undefined): boolean {
  if (a instanceof SecretValue || b instanceof SecretValue) return a instanceof SecretValue && a.equals(b);
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && sameValue((a as Comparable)[k], (b as Comparable)[k]))
    );
  }
  return false;
}

/**
 * Field differences between desired and live, projected onto what the desired content sets: omitted
 * optional fields are not managed. Nested objects recurse over the desired keys; `{}` means "exists".
 */
export function diffFields(
  kindName: string,
  desired: Comparable,
  live: Comparable | undefined,
  prefix = '',
  registry: Registry = DEFAULT_REGISTRY,
): FieldChange[] {
  const kind = registry.get(kindName);
  const out: FieldChange[] = [];
  for (const name of Object.keys(desired).sort()) {
    const path = prefix ? `${prefix}.${name}` : name;
    const spec = kind ? fieldAt(kind.fields, path) : undefined;
    if (spec?.notCompared) continue;
    const after = desired[name];
    const before = live?.[name];
    const isObj = (v: unknown): v is Comparable =>
      !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof SecretValue);
    if (isObj(after) && isObj(before)) {
      out.push(...diffFields(kindName, after, before, path, registry));
      continue;
    }
    if (isObj(after) && Object.keys(after).length === 0 && isObj(before)) continue;
    if (sameValue(after, before)) continue;
    out.push({
      path,
      before,
      after,
      class: kind?.changeClass?.(path, before, after) ?? spec?.class ?? 'routing',
      ...(after instanceof SecretValue || before instanceof SecretValue || spec?.type === 'secret'
        ? { sensitive: true }
        : {}),
      ...(spec?.pii ? { pii: true } : {}),
    });
  }
  return out;
}
