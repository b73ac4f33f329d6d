import { type CtyObject, type CtyValue, isObjectValue } from '../cty/values';
import { type AttributeSpec, attributeFlags, type BlockSpec, type NestedBlockSpec } from './schema';

/* What the plan and validation rules share to walk a schema (plan.ts, validate.ts). */

/** A block-like shape shared by blocks and nested attributes: attributes plus nested blocks. */
export interface Shape {
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  readonly blocks: Readonly<Record<string, NestedBlockSpec>>;
}

export function shapeOf(b: BlockSpec): Shape {
  return { attributes: b.attributes ?? {}, blocks: b.blocks ?? {} };
}

/*
 * Schemas are built once per process and never change: the entry lists and effective flags these rules
 * walk on every RPC are computed once per schema object.
 */
const entriesMemo = new WeakMap<object, readonly (readonly [string, unknown])[]>();
export function entriesOf<T>(record: Readonly<Record<string, T>>): readonly (readonly [string, T])[] {
  let e = entriesMemo.get(record);
  if (!e) {
    e = Object.entries(record);
    entriesMemo.set(record, e);
  }
  return e as readonly (readonly [string, T])[];
}

const flagsMemo = new WeakMap<AttributeSpec, ReturnType<typeof attributeFlags>>();
export function flagsOf(a: AttributeSpec): ReturnType<typeof attributeFlags> {
  let f = flagsMemo.get(a);
  if (!f) {
    f = attributeFlags(a);
    flagsMemo.set(a, f);
  }
  return f;
}

export function asObj(v: CtyValue | undefined): CtyObject | null {
  return isObjectValue(v) ? v : null;
}
