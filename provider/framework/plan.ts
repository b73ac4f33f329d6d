import {
  type CtyObject,
  type CtyValue,
  isObjectValue,
  isWhollyKnown,
  UNKNOWN,
  Unknown,
  valueEquals,
} from '../cty/values';
import { type AttributePath, type Diagnostic, errorDiagnostic } from './diagnostics';
import {
  type AttributeSpec,
  type BlockNestingMode,
  type BlockSpec,
  type NestedBlockSpec,
  attributeFlags,
  attributeType,
  impliedType,
} from './schema';
import { asObj, entriesOf, flagsOf, type Shape, shapeOf } from './schema-walk';

/*
 * Generic plan/apply rules, pure functions over decoded values. The rules
 * Terraform holds providers to (docs/reference/terraform-plugin-protocol.md §1.4):
 *  - a planned non-computed attribute equals its config value;
 *  - a computed attribute the config leaves null is either carried from the
 *    prior state or unknown;
 *  - apply returns every attribute, and every value known in the plan unchanged.
 */

export { validateConfig } from './validate';

export interface PlanResult {
  readonly planned: CtyObject | null;
  readonly requiresReplace: readonly AttributePath[];
}

/**
 * PlanResourceChange. `proposed` is Terraform's proposed new state (config
 * merged with prior computed values); null means destroy.
 */
export function planChange(
  schema: BlockSpec,
  prior: CtyObject | null,
  proposed: CtyObject | null,
  config: CtyObject | null,
): PlanResult {
  if (proposed === null) return { planned: null, requiresReplace: [] };
  const shape = shapeOf(schema);
  let planned = planObject(shape, proposed, config, prior);
  if (prior === null) return { planned, requiresReplace: [] };
  const requiresReplace: AttributePath[] = [];
  collectReplace(shape, prior, planned, [], requiresReplace);
  if (requiresReplace.length > 0) {
    // A replacement creates a new object: computed values must not be carried.
    planned = planObject(shape, proposed, config, null);
  }
  return { planned, requiresReplace };
}

function planObject(shape: Shape, proposed: CtyObject, config: CtyObject | null, prior: CtyObject | null): CtyObject {
  const out: Record<string, CtyValue> = { ...proposed };
  for (const [name, a] of entriesOf(shape.attributes)) {
    const cfg = config ? (config[name] ?? null) : null;
    if (cfg === null) {
      if (a.default !== undefined) out[name] = a.default;
      else if (flagsOf(a).computed && prior === null) out[name] = UNKNOWN;
      else out[name] = proposed[name] ?? null;
      continue;
    }
    if (a.nested && !(cfg instanceof Unknown)) {
      const inner: Shape = { attributes: a.nested.attributes, blocks: {} };
      out[name] = planNested(
        inner,
        a.nested.nesting,
        proposed[name] ?? null,
        cfg,
        prior ? (prior[name] ?? null) : null,
      );
    }
  }
  for (const [name, b] of entriesOf(shape.blocks)) {
    const cfg = config ? (config[name] ?? null) : null;
    if (cfg instanceof Unknown) continue;
    out[name] = planNested(
      shapeOf(b.block),
      b.nesting,
      proposed[name] ?? null,
      cfg,
      prior ? (prior[name] ?? null) : null,
    );
  }
  return out;
}

function planNested(
  shape: Shape,
  nesting: BlockNestingMode,
  proposed: CtyValue,
  config: CtyValue,
  prior: CtyValue,
): CtyValue {
  if (proposed === null || proposed instanceof Unknown) return proposed;
  switch (nesting) {
    case 'single':
    case 'group': {
      const p = asObj(proposed);
      return p ? planObject(shape, p, asObj(config), asObj(prior)) : proposed;
    }
    case 'list': {
      if (!Array.isArray(proposed)) return proposed;
      const cfg = Array.isArray(config) ? config : [];
      const pri = Array.isArray(prior) ? prior : [];
      return proposed.map((e, i) => {
        const p = asObj(e);
        return p ? planObject(shape, p, asObj(cfg[i]), asObj(pri[i])) : e;
      });
    }
    case 'map': {
      const p = asObj(proposed);
      if (!p) return proposed;
      const cfg = asObj(config) ?? {};
      const pri = asObj(prior) ?? {};
      const out: Record<string, CtyValue> = {};
      for (const [k, e] of Object.entries(p)) {
        const eo = asObj(e);
        out[k] = eo ? planObject(shape, eo, asObj(cfg[k]), asObj(pri[k])) : e;
      }
      return out;
    }
    case 'set': {
      if (!Array.isArray(proposed)) return proposed;
      const cfg = Array.isArray(config) ? config : [];
      const pri = Array.isArray(prior) ? prior : [];
      return proposed.map((e, i) => {
        const p = asObj(e);
        if (!p) return e;
        // Set elements have no identity: a prior element that agrees on every
        // configurable attribute is taken to be the same element.
        const match = pri.find((q) => asObj(q) !== null && sameConfigurable(shape, p, asObj(q)!)) ?? null;
        return planObject(shape, p, asObj(cfg[i]) ?? configurablePart(shape, p), asObj(match));
      });
    }
  }
}

function configurablePart(shape: Shape, v: CtyObject): CtyObject {
  const out: Record<string, CtyValue> = {};
  for (const [n, a] of Object.entries(shape.attributes)) {
    const f = attributeFlags(a);
    out[n] = f.required || f.optional ? (v[n] ?? null) : null;
  }
  for (const n of Object.keys(shape.blocks)) out[n] = v[n] ?? null;
  return out;
}

function sameConfigurable(shape: Shape, a: CtyObject, b: CtyObject): boolean {
  for (const [n, at] of Object.entries(shape.attributes)) {
    const f = attributeFlags(at);
    if (f.computed && !f.required && !f.optional) continue;
    if (!valueEquals(a[n], b[n], attributeType(at))) return false;
  }
  for (const [n, b2] of Object.entries(shape.blocks)) {
    const t = impliedType({ blocks: { [n]: b2 } });
    if (!valueEquals(a[n], b[n], t.kind === 'object' ? t.attributes[n] : t)) return false;
  }
  return true;
}

function collectReplace(
  shape: Shape,
  prior: CtyObject,
  planned: CtyObject,
  path: AttributePath,
  out: AttributePath[],
): void {
  for (const [name, a] of entriesOf(shape.attributes)) {
    if (a.forceNew && !valueEquals(prior[name], planned[name], attributeType(a)))
      out.push([...path, { attribute: name }]);
  }
  for (const [name, b] of entriesOf(shape.blocks)) {
    const here = [...path, { attribute: name }];
    const t = impliedType({ blocks: { [name]: b } });
    const bt = t.kind === 'object' ? t.attributes[name] : t;
    if (valueEquals(prior[name], planned[name], bt)) continue;
    if (b.forceNew) {
      out.push(here);
      continue;
    }
    const inner = shapeOf(b.block);
    if (!hasForceNew(inner)) continue;
    const pv = prior[name] ?? null;
    const nv = planned[name] ?? null;
    if ((b.nesting === 'single' || b.nesting === 'group') && asObj(pv) && asObj(nv)) {
      collectReplace(inner, asObj(pv)!, asObj(nv)!, here, out);
    } else if (b.nesting === 'list' && Array.isArray(pv) && Array.isArray(nv) && pv.length === nv.length) {
      pv.forEach((e, i) => {
        if (asObj(e) && asObj(nv[i])) collectReplace(inner, asObj(e)!, asObj(nv[i])!, [...here, { index: i }], out);
      });
    } else {
      // Sets, changed list lengths, added/removed blocks: the block as a whole.
      out.push(here);
    }
  }
}

function hasForceNew(shape: Shape): boolean {
  return (
    Object.values(shape.attributes).some((a) => a.forceNew) ||
    Object.values(shape.blocks).some((b) => b.forceNew || hasForceNew(shapeOf(b.block)))
  );
}

// ---------------------------------------------------------------- apply results

/** Deep copy with every Unknown replaced by null (what CRUD code sees). */
export function unknownsToNull(v: CtyValue): CtyValue {
  if (v instanceof Unknown) return null;
  if (Array.isArray(v)) return v.map(unknownsToNull);
  if (isObjectValue(v)) {
    const out: Record<string, CtyValue> = {};
    for (const k in v) out[k] = unknownsToNull(v[k] as CtyValue);
    return out;
  }
  return v;
}

/**
 * Builds a full state object from what resource code returned: an attribute
 * left undefined takes the fallback value (planned for create/update, prior
 * state for read), unknowns become null, and nested blocks get their
 * canonical empty forms (list/set → [], map → {}, group → object).
 */
export function completeState(schema: BlockSpec, result: object, fallback: CtyObject | null): CtyObject {
  const r = result as Record<string, CtyValue | undefined>;
  const pick = (name: string): CtyValue => {
    const v = r[name];
    return v !== undefined ? v : fallback ? (fallback[name] ?? null) : null;
  };
  // One pass: what `normalizeBlock(schema, unknownsToNull(merged))` gives, without the intermediate copy.
  const out: Record<string, CtyValue> = {};
  for (const [name] of entriesOf(schema.attributes ?? NO_ATTRIBUTES)) out[name] = unknownsToNull(pick(name));
  for (const [name, b] of entriesOf(schema.blocks ?? NO_BLOCKS))
    out[name] = normalizeNested(b, unknownsToNull(pick(name)));
  return out;
}

const NO_BLOCKS: Readonly<Record<string, NestedBlockSpec>> = {};
const NO_ATTRIBUTES: Readonly<Record<string, AttributeSpec>> = {};

export function normalizeBlock(schema: BlockSpec, v: CtyObject): CtyObject {
  const out: Record<string, CtyValue> = {};
  for (const [name] of entriesOf(schema.attributes ?? NO_ATTRIBUTES)) out[name] = v[name] ?? null;
  for (const [name, b] of entriesOf(schema.blocks ?? NO_BLOCKS)) out[name] = normalizeNested(b, v[name] ?? null);
  return out;
}

function normalizeNested(b: NestedBlockSpec, v: CtyValue): CtyValue {
  if (v instanceof Unknown) return v;
  switch (b.nesting) {
    case 'single':
      return asObj(v) ? normalizeBlock(b.block, asObj(v)!) : null;
    case 'group':
      return normalizeBlock(b.block, asObj(v) ?? {});
    case 'list':
    case 'set':
      return Array.isArray(v) ? v.map((e) => (asObj(e) ? normalizeBlock(b.block, asObj(e)!) : e)) : [];
    case 'map': {
      const o = asObj(v) ?? {};
      const out: Record<string, CtyValue> = {};
      for (const [k, e] of Object.entries(o)) out[k] = asObj(e) ? normalizeBlock(b.block, asObj(e)!) : e;
      return out;
    }
  }
}

/**
 * Every value known in the plan must come back unchanged from apply;
 * reports each difference as an error on its attribute.
 */
export function checkConsistency(schema: BlockSpec, planned: CtyObject, result: CtyObject): Diagnostic[] {
  const t = impliedType(schema);
  if (t.kind !== 'object') return [];
  const diags: Diagnostic[] = [];
  for (const [name, at] of Object.entries(t.attributes)) {
    const p = planned[name] ?? null;
    if (!isWhollyKnown(p)) continue;
    if (!valueEquals(p, result[name], at)) {
      // Never echo secrets: sensitive attributes (or blocks holding one) are masked.
      const secret = isSensitive(schema, name);
      const show = (v: CtyValue | undefined) => (secret ? '(sensitive value)' : JSON.stringify(v ?? null));
      diags.push(
        errorDiagnostic(
          'Provider produced inconsistent result',
          `${name}: planned ${show(p)}, but the platform returned ${show(result[name])}. ` +
            'This is a bug in the provider.',
          [{ attribute: name }],
        ),
      );
    }
  }
  return diags;
}

function isSensitive(schema: BlockSpec, name: string): boolean {
  const a = schema.attributes?.[name];
  if (a) return a.sensitive === true || (a.nested ? nestedHasSensitive(a.nested.attributes) : false);
  const b = schema.blocks?.[name];
  return b ? blockHasSensitive(b.block) : false;
}

function nestedHasSensitive(attrs: Readonly<Record<string, AttributeSpec>>): boolean {
  return Object.values(attrs).some((a) => a.sensitive || (a.nested ? nestedHasSensitive(a.nested.attributes) : false));
}

function blockHasSensitive(b: BlockSpec): boolean {
  return (
    nestedHasSensitive(b.attributes ?? {}) || Object.values(b.blocks ?? {}).some((x) => blockHasSensitive(x.block))
  );
}
