import { type CtyObject, type CtyValue, isObjectValue } from '../cty';
import type { AttributeSpec, BlockSpec } from './schema';

/*
 * Write-only attributes (Terraform 1.11, `write_only` in tfplugin6): Terraform sends their value in the
 * configuration of ValidateResourceConfig, PlanResourceChange and ApplyResourceChange only. They must be
 * null in every planned state, new state and imported state, so they never reach a state or plan file.
 */

/*
 * Schemas are built once per process and never change, so whether one holds a write-only attribute is
 * computed once per schema object (these run on every RPC that returns a state).
 */
const attributesMemo = new WeakMap<object, boolean>();
const blockMemo = new WeakMap<BlockSpec, boolean>();

function attributesHaveWriteOnly(attrs: Readonly<Record<string, AttributeSpec>>): boolean {
  let has = attributesMemo.get(attrs);
  if (has === undefined) {
    has = Object.values(attrs).some(
      (a) => a.writeOnly || (a.nested ? attributesHaveWriteOnly(a.nested.attributes) : false),
    );
    attributesMemo.set(attrs, has);
  }
  return has;
}

export function hasWriteOnly(schema: BlockSpec): boolean {
  let has = blockMemo.get(schema);
  if (has === undefined) {
    has =
      attributesHaveWriteOnly(schema.attributes ?? {}) ||
      Object.values(schema.blocks ?? {}).some((b) => hasWriteOnly(b.block));
    blockMemo.set(schema, has);
  }
  return has;
}

function nullIn(attrs: Readonly<Record<string, AttributeSpec>>, v: CtyObject): CtyObject {
  const out: Record<string, CtyValue> = { ...v };
  for (const [name, a] of Object.entries(attrs)) {
    if (a.writeOnly) out[name] = null;
    else if (a.nested && attributesHaveWriteOnly(a.nested.attributes)) out[name] = nullNested(a, v[name] ?? null);
  }
  return out;
}

function nullNested(a: AttributeSpec, v: CtyValue): CtyValue {
  const inner = a.nested!.attributes;
  const one = (e: CtyValue): CtyValue => (isObjectValue(e) ? nullIn(inner, e) : e);
  if (a.nested!.nesting === 'single') return one(v);
  if (Array.isArray(v)) return v.map(one);
  if (isObjectValue(v)) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, one(e)]));
  return v;
}

/** The value with every write-only attribute set to null (the rest unchanged). */
export function withoutWriteOnly(schema: BlockSpec, v: CtyObject | null): CtyObject | null {
  if (v === null || !hasWriteOnly(schema)) return v;
  const out: Record<string, CtyValue> = { ...nullIn(schema.attributes ?? {}, v) };
  for (const [name, b] of Object.entries(schema.blocks ?? {})) {
    const bv = out[name] ?? null;
    if (!hasWriteOnly(b.block)) continue;
    if (isObjectValue(bv)) out[name] = withoutWriteOnly(b.block, bv);
    else if (Array.isArray(bv)) out[name] = bv.map((e) => (isObjectValue(e) ? withoutWriteOnly(b.block, e) : e));
  }
  return out;
}
