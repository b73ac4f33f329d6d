/**
 * Field-level differences between desired and live content, and how serious a set of them is. PURE.
 */
import type { AnyKind, ChangeClass, Comparable, ComparableValue, FieldSpec } from '../kinds/kind';
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
  if (a === b) return true; // a secret equals itself
  // Two different values that are not both objects (secrets are) differ.
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof SecretValue || b instanceof SecretValue) return a instanceof SecretValue && a.equals(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
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
 * Where a level of nested content finds its field specs: the specs by name, or one spec that stands for
 * every nested name (a field that is not an object kind, or none), as `fieldAt` resolves paths. A scope by
 * name remembers the scopes under its specs (a kind's specs are constants: one look-up per name).
 */
type SpecScope =
  | { readonly byName: ReadonlyMap<string, FieldSpec>; readonly under: Map<string, SpecScope> }
  | { readonly fixed: FieldSpec | undefined };

/** The scope of each spec list, built once per list. */
const SCOPES = new WeakMap<readonly FieldSpec[], SpecScope>();
const NO_SPEC: SpecScope = { fixed: undefined };

function scopeFor(fields: readonly FieldSpec[]): SpecScope {
  let scope = SCOPES.get(fields);
  if (!scope) {
    const m = new Map<string, FieldSpec>();
    // The first spec of a name wins, as `Array.prototype.find` picks it.
    for (const f of fields) if (!m.has(f.name)) m.set(f.name, f);
    scope = { byName: m, under: new Map() };
    SCOPES.set(fields, scope);
  }
  return scope;
}

function specIn(scope: SpecScope, name: string): FieldSpec | undefined {
  if (!('byName' in scope)) return scope.fixed;
  if (name.includes('.'))
    return specIn(scopeOf(scope, name.slice(0, name.lastIndexOf('.'))), name.slice(name.lastIndexOf('.') + 1));
  return scope.byName.get(name);
}

/** The scope of the content under `name` (a dotted name walks its segments, as `fieldAt` splits paths). */
function scopeOf(scope: SpecScope, name: string): SpecScope {
  if (!('byName' in scope)) return scope;
  if (name.includes('.')) {
    let at: SpecScope = scope;
    for (const segment of name.split('.')) at = scopeOf(at, segment);
    return at;
  }
  const known = scope.under.get(name);
  if (known) return known;
  const spec = scope.byName.get(name);
  // Names without a spec are not remembered (content names are unbounded); they all share one scope.
  if (!spec) return NO_SPEC;
  const under = spec.type === 'object' || spec.type === 'object-list' ? scopeFor(spec.fields) : { fixed: spec };
  scope.under.set(name, under);
  return under;
}

/**
 * `Object.keys(o).sort()`, remembered for the key lists seen last (objects of one kind share theirs):
 * comparing a list with a remembered one costs less than sorting it. The answer is shared: read-only.
 */
const SORTED = new Map<string, { readonly keys: readonly string[]; readonly sorted: readonly string[] }>();

function sortedNames(o: Comparable): readonly string[] {
  const keys = Object.keys(o);
  if (keys.length === 0 || keys.length > 64) return keys.sort();
  const first = keys[0] as string;
  const seen = SORTED.get(first);
  if (seen && sameList(seen.keys, keys)) return seen.sorted;
  if (!seen && SORTED.size >= 256) SORTED.clear();
  const sorted = [...keys].sort();
  SORTED.set(first, { keys, sorted });
  return sorted;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const isObj = (v: unknown): v is Comparable =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof SecretValue);

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
  if (live && prefix === '') {
    const ahead = foundAhead(kindName, desired, live, registry);
    if (ahead) return ahead.length === 0 ? [] : [...ahead];
  }
  // Content the platform already has (most objects of a large domain) has no differences to sort or classify.
  if (live && sameContent(desired, live)) return [];
  const kind = registry.get(kindName);
  // The specs at `prefix`, as `fieldAt(kind.fields, prefix + '.' + name)` finds them (one look-up per level).
  let scope: SpecScope | undefined = kind ? scopeFor(kind.fields) : undefined;
  if (scope && prefix) scope = scopeOf(scope, prefix);
  const out: FieldChange[] = [];
  diffInto(out, kind, scope, desired, live, prefix);
  return out;
}

/**
 * Differences found ahead, by live content: the desired content, kind and registry they were found for, and
 * the fields. Content is never changed once made (desired and live objects are readonly throughout), so a
 * `diffFields` of the very same content, kind and registry gives these fields again.
 */
const AHEAD = new WeakMap<
  Comparable,
  {
    readonly desired: Comparable;
    readonly kindName: string;
    readonly registry: Registry;
    readonly fields: readonly FieldChange[];
  }
>();

function foundAhead(
  kindName: string,
  desired: Comparable,
  live: Comparable,
  registry: Registry,
): readonly FieldChange[] | undefined {
  const ahead = AHEAD.get(live);
  return ahead && ahead.desired === desired && ahead.kindName === kindName && ahead.registry === registry
    ? ahead.fields
    : undefined;
}

/**
 * Finds an object's differences now, while the rest of the domain is still being read (issue 15: at 10,000
 * users the plan's diffs ran after the last answer); `diffFields` of the same content then gives them back.
 */
export function diffAhead(
  kindName: string,
  desired: Comparable,
  live: Comparable,
  registry: Registry = DEFAULT_REGISTRY,
): void {
  if (foundAhead(kindName, desired, live, registry)) return;
  AHEAD.set(live, { desired, kindName, registry, fields: diffFields(kindName, desired, live, '', registry) });
}

/**
 * True when `diffInto` would find nothing: every field the desired content sets is the same live, nested
 * objects compared over their desired fields. Visits fields in the order they were set (no sorting, no
 * spec look-ups); any difference, even one a spec leaves uncompared, sends the caller to the full diff.
 */
function sameContent(desired: Comparable, live: Comparable): boolean {
  for (const name in desired) {
    const after = desired[name];
    const before = live[name];
    if (after === before) continue;
    if (isObj(after) && isObj(before)) {
      if (!sameContent(after, before)) return false;
    } else if (!sameValue(after, before)) return false;
  }
  return true;
}

function diffInto(
  out: FieldChange[],
  kind: AnyKind | undefined,
  scope: SpecScope | undefined,
  desired: Comparable,
  live: Comparable | undefined,
  prefix: string,
): void {
  for (const name of sortedNames(desired)) {
    const after = desired[name];
    const before = live?.[name];
    // The same value (most fields of a large domain): no difference, whatever its spec says.
    if (after === before) continue;
    const spec = scope ? specIn(scope, name) : undefined;
    if (spec?.notCompared) continue;
    if (isObj(after) && isObj(before)) {
      diffInto(out, kind, scope && scopeOf(scope, name), after, before, prefix ? `${prefix}.${name}` : name);
      continue;
    }
    if (sameValue(after, before)) continue;
    // The path is written only for a difference (most fields of a large domain are equal).
    const path = prefix ? `${prefix}.${name}` : name;
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
}
