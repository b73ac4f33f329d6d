import { type CtyObject, type CtyValue, isObjectValue } from '../cty/values';
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

/*
 * Copy on write: a value whose write-only attributes are already null (every state Terraform sends back,
 * every read) is returned as it is; only a value holding a write-only value is copied, never mutated.
 */
/** The attributes nullIn has to look at (write-only ones and nested ones holding one), in schema order. */
const relevantMemo = new WeakMap<object, readonly (readonly [string, AttributeSpec])[]>();
function relevant(attrs: Readonly<Record<string, AttributeSpec>>): readonly (readonly [string, AttributeSpec])[] {
  let list = relevantMemo.get(attrs);
  if (!list) {
    list = Object.entries(attrs).filter(
      ([, a]) => a.writeOnly || (a.nested ? attributesHaveWriteOnly(a.nested.attributes) : false),
    );
    relevantMemo.set(attrs, list);
  }
  return list;
}

function nullIn(attrs: Readonly<Record<string, AttributeSpec>>, v: CtyObject): CtyObject {
  let out: Record<string, CtyValue> | undefined;
  for (const [name, a] of relevant(attrs)) {
    let next: CtyValue;
    if (a.writeOnly) next = null;
    else if (a.nested && attributesHaveWriteOnly(a.nested.attributes)) next = nullNested(a, v[name] ?? null);
    else continue;
    if (next === v[name]) continue;
    out ??= { ...v };
    out[name] = next;
  }
  return out ?? v;
}

function nullNested(a: AttributeSpec, v: CtyValue): CtyValue {
  const inner = a.nested!.attributes;
  const one = (e: CtyValue): CtyValue => (isObjectValue(e) ? nullIn(inner, e) : e);
  if (a.nested!.nesting === 'single') return one(v);
  if (Array.isArray(v)) return sameOr(v, v.map(one));
  if (isObjectValue(v)) {
    const entries = Object.entries(v);
    const mapped = entries.map(([k, e]) => [k, one(e)] as const);
    return mapped.every(([, e], i) => e === entries[i]?.[1]) ? v : Object.fromEntries(mapped);
  }
  return v;
}

/** The original array when no element changed, else the mapped one. */
function sameOr(original: readonly CtyValue[], mapped: CtyValue[]): CtyValue {
  return mapped.every((e, i) => e === original[i]) ? original : mapped;
}

/** The value with every write-only attribute set to null (the rest unchanged; the input is not mutated). */
export function withoutWriteOnly(schema: BlockSpec, v: CtyObject | null): CtyObject | null {
  if (v === null || !hasWriteOnly(schema)) return v;
  let out = nullIn(schema.attributes ?? {}, v);
  for (const [name, b] of Object.entries(schema.blocks ?? {})) {
    const bv = out[name] ?? null;
    if (!hasWriteOnly(b.block)) continue;
    let next: CtyValue = bv;
    if (isObjectValue(bv)) next = withoutWriteOnly(b.block, bv);
    else if (Array.isArray(bv))
      next = sameOr(
        bv,
        bv.map((e) => (isObjectValue(e) ? withoutWriteOnly(b.block, e) : e)),
      );
    if (next !== bv) out = { ...out, [name]: next };
  }
  return out;
}
